import type { Domain, EnumType, RelationShapes } from "@platform/schema/shapes";
import { columnTypeHelpers, type HelperName } from "./helpers.js";

/**
 * How one PostgreSQL type (canonical `format_type` spelling, see the Catalog header) is typed in
 * TypeScript. `codec` marks values createDb must serialise on write because the drivers would send
 * them in the wrong text form (a JS array as `{1,2}` where pgvector wants `[1,2]`; a JSON array as a
 * PostgreSQL array).
 */
export interface TsType {
  readonly text: string;
  readonly helpers: readonly HelperName[];
  readonly codec?: Codec;
  /** a domain declared NOT NULL: the column can never hold null whatever its own constraint says */
  readonly notNull?: boolean;
}

export type Codec = "json" | "vector";

const plain = (text: string): TsType => ({ text, helpers: [] });
const helper = (name: HelperName): TsType => ({ text: name, helpers: [name] });

/**
 * Built-in types by canonical name, modifiers removed. Text-like types, ranges, network addresses and
 * geometry the drivers do not parse are strings, as node-postgres returns them.
 * `interval` is a string too (IntervalStyle `postgres`, e.g. `1 day 02:00:00`): createDb keeps it
 * unparsed on both drivers so the type is the same everywhere.
 */
const builtins: Readonly<Record<string, TsType>> = {
  smallint: plain("number"),
  integer: plain("number"),
  real: plain("number"),
  "double precision": plain("number"),
  oid: plain("number"),
  smallserial: plain("number"),
  serial: plain("number"),
  bigint: helper("Int8"),
  bigserial: helper("Int8"),
  numeric: helper("Numeric"),
  money: plain("string"),
  boolean: plain("boolean"),
  text: plain("string"),
  "character varying": plain("string"),
  character: plain("string"),
  '"char"': plain("string"),
  name: plain("string"),
  uuid: plain("string"),
  inet: plain("string"),
  cidr: plain("string"),
  macaddr: plain("string"),
  macaddr8: plain("string"),
  tsvector: plain("string"),
  tsquery: plain("string"),
  xml: plain("string"),
  bit: plain("string"),
  "bit varying": plain("string"),
  "time without time zone": plain("string"),
  "time with time zone": plain("string"),
  interval: plain("string"),
  int4range: plain("string"),
  int8range: plain("string"),
  numrange: plain("string"),
  tsrange: plain("string"),
  tstzrange: plain("string"),
  daterange: plain("string"),
  line: plain("string"),
  lseg: plain("string"),
  box: plain("string"),
  path: plain("string"),
  polygon: plain("string"),
  pg_lsn: plain("string"),
  txid_snapshot: plain("string"),
  point: helper("Point"),
  circle: helper("Circle"),
  "timestamp without time zone": helper("Timestamp"),
  "timestamp with time zone": helper("Timestamp"),
  date: helper("Timestamp"),
  json: { ...helper("Json"), codec: "json" },
  jsonb: { ...helper("Json"), codec: "json" },
  bytea: plain("Buffer"),
};

/** Extension types, by unqualified name (the extension may live in any schema). */
const extensionTypes: Readonly<Record<string, TsType>> = {
  vector: { text: "number[]", helpers: [], codec: "vector" },
  halfvec: { text: "number[]", helpers: [], codec: "vector" },
  sparsevec: plain("string"),
  citext: plain("string"),
};

export interface TypeContext {
  /** `schema.name` → exported union type name */
  readonly enumSymbols: ReadonlyMap<string, string>;
  readonly domains: ReadonlyMap<string, Domain>;
}

export type TypeResolution =
  | { readonly ok: true; readonly type: TsType }
  | { readonly ok: false; readonly reason: string };

export const typeContext = (catalog: RelationShapes, enumSymbols: ReadonlyMap<string, string>): TypeContext => ({
  enumSymbols,
  domains: new Map(catalog.domains.map((d) => [`${d.schema}.${d.name}`, d])),
});

export const enumKey = (e: Pick<EnumType, "schema" | "name">): string => `${e.schema}.${e.name}`;

/** `numeric(12,2)` → `numeric`, `timestamp(3) with time zone` → `timestamp with time zone`. */
const withoutModifiers = (type: string): string =>
  type
    .replaceAll(/\(\s*\d+(?:\s*,\s*\d+)*\s*\)/g, "")
    .replaceAll(/\s+/g, " ")
    .trim();

/** Splits `auth."User Status"` into its identifiers, honouring quotes; one part when unqualified. */
const splitQualified = (type: string): string[] => {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < type.length; i++) {
    const char = type[i] as string;
    if (char === '"') {
      if (quoted && type[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === "." && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
};

export const resolveType = (type: string, ctx: TypeContext, seen: ReadonlySet<string> = new Set()): TypeResolution => {
  const trimmed = type.trim();
  if (trimmed.endsWith("[]")) {
    const element = resolveType(trimmed.slice(0, -2), ctx, seen);
    if (!element.ok) return element;
    if (element.type.codec === "vector")
      return { ok: false, reason: `arrays of ${trimmed.slice(0, -2)} are not supported` };
    const { text, helpers } = element.type;
    const array: TsType = columnTypeHelpers.has(text)
      ? { text: `ArrayType<${text}>`, helpers: [...helpers, "ArrayType"] }
      : { text: /^[\w.]+$/.test(text) ? `${text}[]` : `(${text})[]`, helpers };
    return { ok: true, type: array };
  }
  const base = withoutModifiers(trimmed);
  const builtin = builtins[base];
  if (builtin) return { ok: true, type: builtin };
  const parts = splitQualified(base);
  if (parts.length !== 2) return { ok: false, reason: `no TypeScript mapping for type ${type}` };
  const [schema, name] = parts as [string, string];
  const key = `${schema}.${name}`;
  const enumSymbol = ctx.enumSymbols.get(key);
  if (enumSymbol) return { ok: true, type: plain(enumSymbol) };
  const domain = ctx.domains.get(key);
  if (domain) {
    if (seen.has(key)) return { ok: false, reason: `domain ${key} is defined in terms of itself` };
    const inner = resolveType(domain.type, ctx, new Set([...seen, key]));
    if (!inner.ok || !domain.notNull) return inner;
    return { ok: true, type: { ...inner.type, notNull: true } };
  }
  const extension = extensionTypes[name];
  if (extension) return { ok: true, type: extension };
  return { ok: false, reason: `no TypeScript mapping for type ${type}` };
};
