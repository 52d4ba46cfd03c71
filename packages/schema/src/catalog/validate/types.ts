/** Reading the Catalog's canonical type strings back apart: `public.vector(1536)[]` → parts. */

export interface ParsedType {
  /** schema of a qualified (user or extension) type */
  readonly schema?: string;
  /** base name without modifier or array brackets: `vector`, `character varying`, `timestamp with time zone` */
  readonly name: string;
  /** numbers inside the parentheses: `[1536]`, `[12, 2]` */
  readonly modifiers: readonly number[];
  readonly arrayDims: number;
}

const IDENT = `(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = new RegExp(`^(${IDENT})\\.(${IDENT})\\s*(?:\\(([^)]*)\\))?$`);

const unquote = (ident: string): string =>
  ident.startsWith('"') ? ident.slice(1, -1).replaceAll('""', '"') : ident.toLowerCase();

/**
 * A catalog spells the same few types on most of its columns, and several checks parse each column's type,
 * so parses are kept per spelling (the results are read-only).
 */
const parsed = new Map<string, ParsedType>();

export const parseType = (type: string): ParsedType => {
  let result = parsed.get(type);
  if (result === undefined) {
    result = parseTypeText(type);
    parsed.set(type, result);
  }
  return result;
};

const parseTypeText = (type: string): ParsedType => {
  let text = type.trim();
  let arrayDims = 0;
  while (text.endsWith("[]")) {
    arrayDims++;
    text = text.slice(0, -2).trim();
  }
  const qualified = QUALIFIED.exec(text);
  if (qualified?.[1] && qualified[2]) {
    return {
      schema: unquote(qualified[1]),
      name: unquote(qualified[2]),
      modifiers: numbers(qualified[3]),
      arrayDims,
    };
  }
  const modifier = /\(([^)]*)\)/.exec(text);
  const name = text.replace(/\s*\([^)]*\)/, "").replace(/\s+/g, " ");
  return { name, modifiers: numbers(modifier?.[1]), arrayDims };
};

const numbers = (text: string | undefined): number[] =>
  text === undefined || text.trim() === "" ? [] : text.split(",").map((n) => Number(n.trim()));

/** Built-in types (`format_type` spelling), for telling a typo from a type. */
export const BUILTIN_TYPES: ReadonlySet<string> = new Set([
  "smallint",
  "integer",
  "bigint",
  "smallserial",
  "serial",
  "bigserial",
  "numeric",
  "real",
  "double precision",
  "money",
  "boolean",
  "text",
  "character varying",
  "character",
  '"char"',
  "name",
  "uuid",
  "json",
  "jsonb",
  "jsonpath",
  "bytea",
  "date",
  "time without time zone",
  "time with time zone",
  "timestamp without time zone",
  "timestamp with time zone",
  "interval",
  "inet",
  "cidr",
  "macaddr",
  "macaddr8",
  "bit",
  "bit varying",
  "tsvector",
  "tsquery",
  "xml",
  "point",
  "line",
  "lseg",
  "box",
  "path",
  "polygon",
  "circle",
  "int4range",
  "int8range",
  "numrange",
  "tsrange",
  "tstzrange",
  "daterange",
  "int4multirange",
  "int8multirange",
  "nummultirange",
  "tsmultirange",
  "tstzmultirange",
  "datemultirange",
  "oid",
  "regclass",
  "regproc",
  "regprocedure",
  "regtype",
  "regrole",
  "regnamespace",
  "regconfig",
  "pg_lsn",
  "pg_snapshot",
  "txid_snapshot",
  "record",
  "trigger",
  "event_trigger",
  "void",
  "anyelement",
  "anyarray",
  "anynonarray",
  "anyenum",
  "anyrange",
  "anycompatible",
  "anycompatiblearray",
  '"any"',
  "cstring",
  "internal",
]);

export const INTEGER_TYPES: ReadonlySet<string> = new Set(["smallint", "integer", "bigint"]);
export const SERIAL_TYPES: ReadonlySet<string> = new Set(["smallserial", "serial", "bigserial"]);

/** Types an extension adds, by extension name. */
export const EXTENSION_TYPE_NAMES: Readonly<Record<string, readonly string[]>> = {
  vector: ["vector", "halfvec", "sparsevec"],
  citext: ["citext"],
  hstore: ["hstore"],
  ltree: ["ltree", "lquery", "ltxtquery"],
  cube: ["cube"],
  postgis: ["geometry", "geography", "box2d", "box3d"],
};

/** pgvector's limits: how many dimensions a type may have, and how many an hnsw/ivfflat index can take. */
export const VECTOR_LIMITS: Readonly<Record<string, { readonly max: number; readonly indexMax: number }>> = {
  vector: { max: 16000, indexMax: 2000 },
  halfvec: { max: 16000, indexMax: 4000 },
  sparsevec: { max: 1000000000, indexMax: 1000 },
};

/** A type family for comparing foreign key columns: types in one family have cross-type equality operators. */
export const typeFamily = (type: string): string => {
  const t = parseType(type);
  if (t.arrayDims > 0) return `${t.schema ?? ""}.${t.name}[]`;
  if (INTEGER_TYPES.has(t.name) || SERIAL_TYPES.has(t.name)) return "integer";
  if (t.name === "text" || t.name === "character varying" || t.name === "character" || t.name === "name") return "text";
  if (t.name === "real" || t.name === "double precision") return "float";
  if (t.name === "timestamp with time zone" || t.name === "timestamp without time zone" || t.name === "date") {
    return "datetime";
  }
  return `${t.schema ?? ""}.${t.name}`;
};

/** The type a serial column really has (`serial` → `integer`) so FKs to it compare right. */
export const storedType = (type: string): string =>
  ({ smallserial: "smallint", serial: "integer", bigserial: "bigint" })[type] ?? type;
