/**
 * CSV for COPY ... (FORMAT csv): a field is quoted only when it must be, NULL is the unquoted empty field,
 * and an empty string is `""` (so the two stay distinct).
 */
export type CsvValue = string | number | boolean | null;

const NEEDS_QUOTES = /[",\n\r]/;

export const csvField = (value: CsvValue): string => {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  if (value === "" || NEEDS_QUOTES.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
};

export const csvLine = (values: readonly CsvValue[]): string => `${values.map(csvField).join(",")}\n`;
