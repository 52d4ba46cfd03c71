/**
 * Literal defaults (`.default("active")`, `.default(0)`) lowered to the text `pg_get_expr` prints for them,
 * so declared and introspected defaults compare equal without normalisation where possible.
 */
import { quoteLiteral } from "./quote.js";

export type Literal = string | number | bigint | boolean;

const INT4_MIN = -2147483648n;
const INT4_MAX = 2147483647n;

/**
 * The type name a literal's cast shows: typmods are dropped (`character varying(255)` → `character varying`),
 * `character(n)` shows as `bpchar`.
 */
export const castTypeName = (type: string): string => {
  // string scans, not patterns: every literal default of every column comes through here
  let end = type.length;
  while (type.endsWith("[]", end)) end -= 2;
  const open = type.indexOf("(");
  const close = open === -1 || open >= end ? -1 : type.indexOf(")", open);
  const base =
    close === -1 || close >= end ? type.slice(0, end) : `${type.slice(0, open)}${type.slice(close + 1, end)}`;
  return `${base === "character" ? "bpchar" : base}${type.slice(end)}`;
};

/**
 * @example
 * lowerLiteral("active", "auth.user_status") // "'active'::auth.user_status"
 * lowerLiteral(0, "integer") // "0"
 * lowerLiteral(-1, "integer") // "'-1'::integer"
 * lowerLiteral(true, "boolean") // "true"
 */
export const lowerLiteral = (value: Literal, type: string): string => {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return `${quoteLiteral(value)}::${castTypeName(type)}`;
  if (typeof value === "number" && !Number.isInteger(value)) {
    // a numeric constant prints bare when it has a decimal point and is positive
    return value >= 0 ? String(value) : `'${value}'::numeric`;
  }
  const n = BigInt(value);
  if (n >= 0n && n <= INT4_MAX) return n.toString();
  if (n >= INT4_MIN && n < 0n) return `'${n}'::integer`;
  return `'${n}'::bigint`;
};
