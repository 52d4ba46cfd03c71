/**
 * One factory per column type. Each returns a `ColumnBuilder` whose type lowers to PostgreSQL's canonical
 * spelling: `varchar(255)` → `character varying(255)`, `timestamptz()` → `timestamp with time zone`,
 * `vector(1536)` → `public.vector(1536)` (qualified with the `vector` extension's schema).
 */
import { type ColumnBuilder, column } from "./column.js";
import { canonicalType, EXTENSION_TYPES, typeSpec } from "./types.js";

const builtin = (name: string): ColumnBuilder => column({ kind: "builtin", name: canonicalType(name), arrayDims: 0 });
const precision = (name: string, p: number | undefined, suffix = ""): ColumnBuilder =>
  builtin(p === undefined ? `${name}${suffix}` : `${name}(${p})${suffix}`);

export const smallint = (): ColumnBuilder => builtin("smallint");
export const integer = (): ColumnBuilder => builtin("integer");
export const bigint = (): ColumnBuilder => builtin("bigint");
/** `serial`: an integer with an owned sequence; NOT NULL like PostgreSQL makes it. */
export const serial = (): ColumnBuilder => builtin("serial").notNull();
export const bigserial = (): ColumnBuilder => builtin("bigserial").notNull();
export const smallserial = (): ColumnBuilder => builtin("smallserial").notNull();
/** `numeric`, `numeric(12)` (= `numeric(12,0)`), `numeric(12, 2)`. */
export const numeric = (precisionDigits?: number, scale?: number): ColumnBuilder =>
  builtin(
    precisionDigits === undefined
      ? "numeric"
      : scale === undefined
        ? `numeric(${precisionDigits})`
        : `numeric(${precisionDigits},${scale})`,
  );
export const real = (): ColumnBuilder => builtin("real");
export const doublePrecision = (): ColumnBuilder => builtin("double precision");
export const boolean = (): ColumnBuilder => builtin("boolean");
export const text = (): ColumnBuilder => builtin("text");
/** `varchar(255)` → `character varying(255)`; `varchar()` has no length limit. */
export const varchar = (length?: number): ColumnBuilder => precision("character varying", length);
/** `char(2)` → `character(2)`; `char()` is `character(1)` as in PostgreSQL. */
export const char = (length?: number): ColumnBuilder => precision("character", length ?? 1);
export const uuid = (): ColumnBuilder => builtin("uuid");
export const jsonb = (): ColumnBuilder => builtin("jsonb");
export const json = (): ColumnBuilder => builtin("json");
export const bytea = (): ColumnBuilder => builtin("bytea");
export const date = (): ColumnBuilder => builtin("date");
export const time = (p?: number): ColumnBuilder => precision("time", p);
export const timetz = (p?: number): ColumnBuilder => precision("time", p, " with time zone");
export const timestamp = (p?: number): ColumnBuilder => precision("timestamp", p);
export const timestamptz = (p?: number): ColumnBuilder => precision("timestamp", p, " with time zone");
export const interval = (): ColumnBuilder => builtin("interval");
export const inet = (): ColumnBuilder => builtin("inet");
export const cidr = (): ColumnBuilder => builtin("cidr");
export const macaddr = (): ColumnBuilder => builtin("macaddr");
export const tsvector = (): ColumnBuilder => builtin("tsvector");
export const tsquery = (): ColumnBuilder => builtin("tsquery");
export const tstzrange = (): ColumnBuilder => builtin("tstzrange");
export const daterange = (): ColumnBuilder => builtin("daterange");
export const int4range = (): ColumnBuilder => builtin("int4range");
export const int8range = (): ColumnBuilder => builtin("int8range");

const extensionType = (name: string, dimensions?: number): ColumnBuilder =>
  column({
    kind: "extension",
    extension: EXTENSION_TYPES[name] ?? name,
    name,
    ...(dimensions === undefined ? {} : { modifier: `(${dimensions})` }),
    arrayDims: 0,
  });

/** pgvector `vector(n)`, 1..16000 dimensions (indexable by hnsw/ivfflat up to 2000). */
export const vector = (dimensions: number): ColumnBuilder => extensionType("vector", dimensions);
/** pgvector `halfvec(n)`, 1..16000 dimensions (indexable up to 4000). */
export const halfvec = (dimensions: number): ColumnBuilder => extensionType("halfvec", dimensions);
export const sparsevec = (dimensions: number): ColumnBuilder => extensionType("sparsevec", dimensions);
/** The `citext` extension's case-insensitive text. */
export const citext = (): ColumnBuilder => extensionType("citext");

/**
 * Any other type by its SQL spelling; aliases are canonicalised (`int4` → `integer`, `varchar(9)` →
 * `character varying(9)`) and known extension types resolved (`vector(3)`).
 * @example type("int4[]"), type("bit varying(8)")
 */
export const type = (declared: string): ColumnBuilder => column(typeSpec(declared));
