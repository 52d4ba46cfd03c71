import { InvalidArgumentError } from "commander";

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `60s`, `500ms`, `2m`, `1h`; a bare number is seconds. Returns milliseconds. */
export const parseDuration = (value: string): number => {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|min|h)?$/.exec(value.trim());
  if (match === null) {
    throw new InvalidArgumentError(
      `"${value}" is not a duration; write e.g. 60s, 500ms, 2m (a bare number is seconds)`,
    );
  }
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? "s"] ?? 1000));
};

export const parseCount =
  (min: number) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) {
      throw new InvalidArgumentError(`"${value}" is not a whole number ≥ ${min}`);
    }
    return Number(value);
  };
