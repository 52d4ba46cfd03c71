/**
 * Column/argument types: how the DSL spells them and how they lower to PostgreSQL's canonical
 * `format_type` spelling (the Catalog's convention), so declared and introspected types compare equal.
 */
import { quoteIdent, quoteQualified } from "./quote.js";

/**
 * A type as declared. Extension types are resolved against the declared extension's schema at lowering
 * (`vector(1536)` → `public.vector(1536)`), user types (enums, domains) are qualified by their schema.
 */
export type TypeSpec =
  | { readonly kind: "builtin"; readonly name: string; readonly arrayDims: number }
  | {
      readonly kind: "extension";
      readonly extension: string;
      readonly name: string;
      readonly modifier?: string;
      readonly arrayDims: number;
    }
  | { readonly kind: "user"; readonly schema: string; readonly name: string; readonly arrayDims: number };

/** Types that extensions provide, by type name → extension name. */
export const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  vector: "vector",
  halfvec: "vector",
  sparsevec: "vector",
  citext: "citext",
  hstore: "hstore",
  ltree: "ltree",
};

const ALIASES: Readonly<Record<string, string>> = {
  int: "integer",
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  float: "double precision",
  bool: "boolean",
  decimal: "numeric",
  varchar: "character varying",
  "char varying": "character varying",
  char: "character",
  bpchar: "character",
  timestamptz: "timestamp with time zone",
  timetz: "time with time zone",
  varbit: "bit varying",
  serial4: "serial",
  serial8: "bigserial",
  serial2: "smallserial",
};

/** The modifier PostgreSQL shows for a type with no explicit one (`char` means `character(1)`). */
const DEFAULT_MODIFIER: Readonly<Record<string, string>> = { character: "(1)", bit: "(1)" };

/** Where the `(p)` of a time type goes: `timestamp(3) with time zone`. */
const TIME_ZONE_SUFFIX = / with(out)? time zone$/;

/**
 * Canonical spelling of a built-in type name, as `format_type` prints it.
 *
 * @example
 * canonicalType("varchar(255)") // "character varying(255)"
 * canonicalType("timestamptz(3)") // "timestamp(3) with time zone"
 * canonicalType("timestamp") // "timestamp without time zone"
 * canonicalType("int4[]") // "integer[]"
 * canonicalType("numeric(12, 2)") // "numeric(12,2)"
 */
export const canonicalType = (declared: string): string => {
  let canonical = canonicalTypes.get(declared);
  if (canonical === undefined) {
    canonical = canonicalSpelling(declared);
    canonicalTypes.set(declared, canonical);
  }
  return canonical;
};

/** Every column factory call (`bigint()`, `text()`) canonicalises its type; the spellings repeat. */
const canonicalTypes = new Map<string, string>();

const canonicalSpelling = (declared: string): string => {
  let text = declared.trim().replace(/\s+/g, " ");
  let arrays = "";
  while (text.endsWith("[]")) {
    arrays += "[]";
    text = text.slice(0, -2).trim();
  }
  const match = /^(.*?)\s*(\(([^)]*)\))?\s*(with(out)? time zone)?$/i.exec(text);
  let base = (match?.[1] ?? text).toLowerCase();
  const params = match?.[3]?.split(",").map((p) => p.trim());
  let zone = match?.[4]?.toLowerCase() ?? "";
  base = ALIASES[base] ?? base;
  if (TIME_ZONE_SUFFIX.test(base)) {
    zone = TIME_ZONE_SUFFIX.exec(base)?.[0].trim() ?? zone;
    base = base.replace(TIME_ZONE_SUFFIX, "");
  }
  // format_type spells the zone-less time types out: `timestamp(3) without time zone`
  if (!zone && (base === "timestamp" || base === "time")) zone = "without time zone";
  let modifier = params ? `(${params.join(",")})` : (DEFAULT_MODIFIER[base] ?? "");
  // numeric(p) is numeric(p,0) once stored
  if (base === "numeric" && params?.length === 1) modifier = `(${params[0]},0)`;
  // PostgreSQL does not keep array dimensions in the type: `int[][]` is `integer[]`
  return `${base}${modifier}${zone ? ` ${zone}` : ""}${arrays ? "[]" : ""}`;
};

/** Lower a declared type to the Catalog's spelling, given where each extension lives. */
export const lowerType = (type: TypeSpec, extensionSchema: (extension: string) => string): string => {
  // one `[]` whatever the declared dimensions, as format_type prints it
  const arrays = type.arrayDims > 0 ? "[]" : "";
  switch (type.kind) {
    case "builtin":
      return `${type.name}${arrays}`;
    case "extension":
      return `${quoteIdent(extensionSchema(type.extension))}.${quoteIdent(type.name)}${type.modifier ?? ""}${arrays}`;
    case "user":
      return `${quoteQualified(type.schema, type.name)}${arrays}`;
  }
};

/** `integer` → `{ kind: "builtin", name: "integer" }`; `vector(3)` → an extension type of `vector`. */
export const typeSpec = (declared: string): TypeSpec => {
  const match = /^([a-z_][a-z0-9_]*)\s*(\([^)]*\))?\s*((\[\])*)$/i.exec(declared.trim());
  const base = match?.[1]?.toLowerCase();
  const extension = base ? EXTENSION_TYPES[base] : undefined;
  if (match && base && extension) {
    const modifier = match[2]?.replace(/\s+/g, "");
    return {
      kind: "extension",
      extension,
      name: base,
      ...(modifier ? { modifier } : {}),
      arrayDims: (match[3] ?? "").length / 2,
    };
  }
  const canonical = canonicalType(declared);
  const dims = /((\[\])*)$/.exec(canonical)?.[1]?.length ?? 0;
  return { kind: "builtin", name: canonical.slice(0, canonical.length - dims), arrayDims: dims / 2 };
};

export const arrayOf = (type: TypeSpec): TypeSpec => ({ ...type, arrayDims: type.arrayDims + 1 });
