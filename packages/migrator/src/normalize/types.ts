/**
 * Type names in PostgreSQL's canonical spelling: what `format_type()` prints with an empty search_path
 * (minus `pg_catalog.`). Declarations may use any alias PostgreSQL accepts; both sides go through here.
 *
 * @example normalizeType("int4") // "integer"
 * @example normalizeType("varchar(255)[]") // "character varying(255)[]"
 * @example normalizeType("vector(3)", { qualify: (n) => (n === "vector" ? "public" : undefined) }) // "public.vector(3)"
 */
export interface TypeNormalizeOptions {
  /** schema of a user or extension type named without one (`vector` → `public`); undefined leaves it as is */
  readonly qualify?: (name: string) => string | undefined;
}

/** Aliases whose canonical form has no modifier of its own. */
const SIMPLE_ALIASES: Readonly<Record<string, string>> = {
  int: "integer",
  int4: "integer",
  integer: "integer",
  int2: "smallint",
  smallint: "smallint",
  int8: "bigint",
  bigint: "bigint",
  float4: "real",
  real: "real",
  float8: "double precision",
  "double precision": "double precision",
  bool: "boolean",
  boolean: "boolean",
  decimal: "numeric",
  numeric: "numeric",
  varchar: "character varying",
  "character varying": "character varying",
  "char varying": "character varying",
  varbit: "bit varying",
  "bit varying": "bit varying",
  serial4: "serial",
  serial: "serial",
  serial8: "bigserial",
  bigserial: "bigserial",
  serial2: "smallserial",
  smallserial: "smallserial",
};

/** Types whose unmodified form means "length 1" to PostgreSQL. */
const LENGTH_ONE_DEFAULT: Readonly<Record<string, string>> = {
  char: "character",
  character: "character",
  bit: "bit",
};

/** `timestamp`, `timestamptz`, `time`, `timetz` with the precision before the zone clause. */
const DATETIME: Readonly<Record<string, { readonly base: string; readonly zone: boolean }>> = {
  timestamp: { base: "timestamp", zone: false },
  "timestamp without time zone": { base: "timestamp", zone: false },
  timestamptz: { base: "timestamp", zone: true },
  "timestamp with time zone": { base: "timestamp", zone: true },
  time: { base: "time", zone: false },
  "time without time zone": { base: "time", zone: false },
  timetz: { base: "time", zone: true },
  "time with time zone": { base: "time", zone: true },
};

interface ParsedType {
  readonly name: string;
  readonly modifier: string | undefined;
  readonly arrayDims: number;
  /** the zone clause when written after the modifier: `timestamp(3) with time zone` */
  readonly suffix: string;
}

const collapse = (text: string): string => text.trim().replace(/\s+/g, " ");

/** Lower-cases outside double quotes; quoted identifiers keep their case. */
const lowerOutsideQuotes = (text: string): string =>
  text.replace(/("(?:[^"]|"")*")|([^"]+)/g, (_m, quoted: string | undefined, plain: string | undefined) =>
    quoted !== undefined ? quoted : (plain ?? "").toLowerCase(),
  );

const parse = (raw: string): ParsedType => {
  let text = lowerOutsideQuotes(collapse(raw));
  let arrayDims = 0;
  for (;;) {
    const dims = /\s*\[\s*\d*\s*\]$/.exec(text);
    if (dims) {
      arrayDims += 1;
      text = text.slice(0, dims.index);
      continue;
    }
    const arrayWord = /\s+array(\s*\[\s*\d*\s*\])?$/.exec(text);
    if (arrayWord) {
      arrayDims += 1;
      text = text.slice(0, arrayWord.index);
      continue;
    }
    break;
  }
  const mod = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(text);
  if (!mod) return { name: text, modifier: undefined, arrayDims, suffix: "" };
  const modifier = (mod[2] as string)
    .split(",")
    .map((part) => part.trim())
    .join(",");
  return { name: (mod[1] as string).trim(), modifier, arrayDims, suffix: (mod[3] as string).trim() };
};

const stripCatalogSchema = (name: string): string =>
  name.startsWith("pg_catalog.") ? name.slice("pg_catalog.".length) : name;

const withModifier = (name: string, modifier: string | undefined): string =>
  modifier === undefined ? name : `${name}(${modifier})`;

const canonicalBase = (parsed: ParsedType, options: TypeNormalizeOptions): string => {
  const name = stripCatalogSchema(parsed.name);
  const datetime = DATETIME[parsed.suffix === "" ? name : `${name} ${parsed.suffix}`];
  if (datetime !== undefined) {
    return `${withModifier(datetime.base, parsed.modifier)} ${datetime.zone ? "with" : "without"} time zone`;
  }
  if (name === "float" && parsed.modifier !== undefined) {
    return Number(parsed.modifier) <= 24 ? "real" : "double precision";
  }
  if (name === "float") return "double precision";
  const simple = SIMPLE_ALIASES[name];
  if (simple !== undefined) return withModifier(simple, parsed.modifier);
  const lengthOne = LENGTH_ONE_DEFAULT[name];
  if (lengthOne !== undefined) return withModifier(lengthOne, parsed.modifier ?? "1");
  if (name === "bpchar") return withModifier(parsed.modifier === undefined ? "bpchar" : "character", parsed.modifier);
  const schema = !name.includes(".") ? options.qualify?.(name.replace(/^"|"$/g, "")) : undefined;
  const qualified = schema === undefined ? name : `${quoteTypePart(schema)}.${name}`;
  return withModifier(qualified, parsed.modifier) + (parsed.suffix === "" ? "" : ` ${parsed.suffix}`);
};

/** format_type quotes a schema name only when it has to. */
const quoteTypePart = (name: string): string =>
  /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;

export const normalizeType = (type: string, options: TypeNormalizeOptions = {}): string => {
  if (options.qualify !== undefined) return canonicalType(type, options);
  // A schema spells few distinct types many times over (every cast of every expression key, every column):
  // without a qualifier the answer depends on the text alone, so it is remembered.
  let known = unqualified.get(type);
  if (known === undefined) {
    known = canonicalType(type, options);
    if (unqualified.size >= MEMO_LIMIT) unqualified.clear();
    unqualified.set(type, known);
  }
  return known;
};

const MEMO_LIMIT = 10_000;
const unqualified = new Map<string, string>();

const canonicalType = (type: string, options: TypeNormalizeOptions): string => {
  const parsed = parse(type);
  // PostgreSQL does not keep the number of dimensions: `int[][]` is `integer[]`
  return canonicalBase(parsed, options) + (parsed.arrayDims > 0 ? "[]" : "");
};

/** The integer type a serial pseudo-type stands for: `bigserial` → `bigint`. */
export const SERIAL_TYPES: Readonly<Record<string, "smallint" | "integer" | "bigint">> = {
  smallserial: "smallint",
  serial: "integer",
  bigserial: "bigint",
};
