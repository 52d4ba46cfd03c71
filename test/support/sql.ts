/** `my "db"` → `"my ""db"""`: identifiers are always quoted through here, never concatenated raw. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A database name no other test run will pick: `platform_test_<12 hex>` (lower case, unquoted-safe). */
export const randomDatabaseName = (): string =>
  `platform_test_${crypto.getRandomValues(new Uint8Array(6)).reduce((s, b) => s + b.toString(16).padStart(2, "0"), "")}`;
