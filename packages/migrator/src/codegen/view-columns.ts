import type { RelationShapes, ViewColumn, ViewShape } from "@platform/schema/shapes";

/**
 * The output columns of a view whose declaration does not list them, read from its SELECT: enough of
 * PostgreSQL's typing rules for the views a platform writes (column references through table
 * aliases, casts, `AT TIME ZONE`, the common aggregates and scalar functions). Anything else is
 * refused with the expression named, so the declaration can list its columns instead. Every inferred
 * column is nullable, as PostgreSQL reports view columns. The cross-check against kysely-codegen on
 * a live database (test/types) holds the inference to what PostgreSQL really derives.
 */
export type ViewColumnsResult =
  | { readonly ok: true; readonly columns: readonly ViewColumn[] }
  | { readonly ok: false; readonly reason: string };

type Columns = ReadonlyMap<string, string>;

const WORD_CHAR = /\w/;

/** Where to split: a sticky pattern, tried only at characters a match can start with (a cold regex is slow). */
interface Separator {
  readonly pattern: RegExp;
  /** the lower-case characters a match starts with */
  readonly starts: string;
}

const COMMA: Separator = { pattern: /,/y, starts: "," };
const CAST: Separator = { pattern: /::/y, starts: ":" };
const AT_TIME_ZONE: Separator = { pattern: /at\s+time\s+zone\b/iy, starts: "a" };
const FROM: Separator = { pattern: /from\b/iy, starts: "f" };
const FROM_ITEM: Separator = {
  pattern: /,|(?:natural\s+)?(?:(?:left|right|full)(?:\s+outer)?\s+|inner\s+|cross\s+)?join\b/iy,
  starts: ",nlrficj",
};
const CLAUSE_END: Separator = {
  pattern: /(?:where|group\s+by|having|order\s+by|limit|offset|window|union|intersect|except|fetch|for)\b/iy,
  starts: "wghlouief",
};

/**
 * Splits at `separator` where not inside parentheses or quotes, and not in the middle of a word (`from` in
 * `valid_from` is no FROM).
 */
const splitTopLevel = (text: string, separator: Separator): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (depth === 0 && separator.starts.includes(char.toLowerCase())) {
      // tried at i in the whole text (no slice per character); a word separator must start a word
      separator.pattern.lastIndex = i;
      const match = separator.pattern.exec(text);
      const atWordStart =
        match !== null && (i === 0 || !WORD_CHAR.test(text[i - 1] as string) || !WORD_CHAR.test(match[0].slice(0, 1)));
      if (match && atWordStart) {
        parts.push(text.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
};

/** `(a + b)` is wrapped whole; `(a) + (b)` is not. */
const wrappedWhole = (expr: string): boolean => {
  if (!expr.startsWith("(") || !expr.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    if (expr[i] === "(") depth++;
    else if (expr[i] === ")") depth--;
    if (depth === 0 && i < expr.length - 1) return false;
  }
  return true;
};

const unquote = (name: string): string => (name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name);

const ident = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;

const castNames: Readonly<Record<string, string>> = {
  int: "integer",
  int4: "integer",
  integer: "integer",
  int2: "smallint",
  smallint: "smallint",
  int8: "bigint",
  bigint: "bigint",
  text: "text",
  varchar: "character varying",
  "character varying": "character varying",
  date: "date",
  timestamptz: "timestamp with time zone",
  "timestamp with time zone": "timestamp with time zone",
  timestamp: "timestamp without time zone",
  "timestamp without time zone": "timestamp without time zone",
  numeric: "numeric",
  decimal: "numeric",
  float8: "double precision",
  "double precision": "double precision",
  float4: "real",
  real: "real",
  bool: "boolean",
  boolean: "boolean",
  uuid: "uuid",
  json: "json",
  jsonb: "jsonb",
  interval: "interval",
};

const canonicalCast = (type: string): string => {
  const lower = type.trim().toLowerCase().replaceAll(/\s+/g, " ");
  const array = lower.endsWith("[]") ? "[]" : "";
  const base = array ? lower.slice(0, -2) : lower;
  const withoutModifiers = base.replace(/\(.*\)$/, "");
  return `${castNames[withoutModifiers] ?? base}${array}`;
};

const numericFamily = (type: string): string => type.replace(/\(.*\)$/, "");

/** avg(): exact types average to numeric, floating point to double precision. */
const average = (type: string | undefined): string | undefined => {
  if (!type) return undefined;
  const family = numericFamily(type);
  if (family === "real" || family === "double precision") return "double precision";
  if (family === "interval") return "interval";
  return ["smallint", "integer", "bigint", "numeric"].includes(family) ? "numeric" : undefined;
};

/** sum(): small integers widen to bigint, bigint to numeric; the rest keep their type. */
const total = (type: string | undefined): string | undefined => {
  if (!type) return undefined;
  const family = numericFamily(type);
  if (family === "smallint" || family === "integer") return "bigint";
  if (family === "bigint" || family === "numeric") return "numeric";
  return ["real", "double precision", "interval", "money"].includes(family) ? family : undefined;
};

const aggregates: Readonly<Record<string, (args: readonly string[]) => string | undefined>> = {
  count: () => "bigint",
  avg: ([type]) => average(type),
  sum: ([type]) => total(type),
  min: ([t]) => t,
  max: ([t]) => t,
  coalesce: ([t]) => t,
  greatest: ([t]) => t,
  least: ([t]) => t,
  nullif: ([t]) => t,
  date_trunc: ([, t]) => t,
  array_agg: ([t]) => (t ? `${t}[]` : undefined),
  bool_and: () => "boolean",
  bool_or: () => "boolean",
  every: () => "boolean",
  lower: () => "text",
  upper: () => "text",
  trim: () => "text",
  concat: () => "text",
  concat_ws: () => "text",
  string_agg: () => "text",
  format: () => "text",
  length: () => "integer",
  char_length: () => "integer",
  now: () => "timestamp with time zone",
  row_number: () => "bigint",
  rank: () => "bigint",
  dense_rank: () => "bigint",
  jsonb_agg: () => "jsonb",
  jsonb_build_object: () => "jsonb",
  jsonb_object_agg: () => "jsonb",
  to_jsonb: () => "jsonb",
  json_agg: () => "json",
  json_build_object: () => "json",
};

interface Scope {
  readonly aliases: ReadonlyMap<string, Columns>;
}

// built once: compiling a pattern costs more than matching it, and a run types few views
const columnReference = new RegExp(`^(?:(${ident})\\.)?(${ident})$`);
const namedItem = new RegExp(`^([\\s\\S]*?)\\s+as\\s+(${ident})$`, "i");
const lastIdentifier = new RegExp(`(?:^|\\.)(${ident})$`);

const typeOf = (expression: string, scope: Scope): string | undefined => {
  let expr = expression.trim();
  while (wrappedWhole(expr)) expr = expr.slice(1, -1).trim();
  const casts = splitTopLevel(expr, CAST);
  if (casts.length > 1) return canonicalCast(casts[casts.length - 1] as string);
  const cast = /^cast\s*\((.*)\s+as\s+(.+)\)$/is.exec(expr);
  if (cast) return canonicalCast(cast[2] as string);
  const zone = splitTopLevel(expr, AT_TIME_ZONE);
  if (zone.length === 2) {
    const inner = typeOf(zone[0] as string, scope);
    if (inner === "timestamp with time zone") return "timestamp without time zone";
    if (inner === "timestamp without time zone") return "timestamp with time zone";
    return undefined;
  }
  if (/^'(?:[^']|'')*'$/.test(expr)) return "text";
  if (/^-?\d+$/.test(expr)) return "integer";
  if (/^-?\d+\.\d*$/.test(expr)) return "numeric";
  if (/^(true|false)$/i.test(expr)) return "boolean";
  const ref = columnReference.exec(expr);
  if (ref) return columnType(ref[1] ? unquote(ref[1]) : undefined, unquote(ref[2] as string), scope);
  const call = /^(\w+)\s*\((.*)\)(?:\s+over\s*\(.*\))?$/is.exec(expr);
  if (call) {
    const name = (call[1] as string).toLowerCase();
    const rule = aggregates[name];
    if (!rule) return undefined;
    const argText = (call[2] as string).replace(/^distinct\s+/i, "");
    const args = argText === "" || argText === "*" ? [] : splitTopLevel(argText, COMMA);
    const argTypes = args.map((a) => typeOf(a, scope));
    if (argTypes.some((t) => t === undefined) && !["count", "now", "row_number", "rank", "dense_rank"].includes(name)) {
      return undefined;
    }
    return rule(argTypes.map((t) => t ?? ""));
  }
  return undefined;
};

const columnType = (alias: string | undefined, column: string, scope: Scope): string | undefined => {
  if (alias) return scope.aliases.get(alias)?.get(column);
  const found = [...scope.aliases.values()].map((c) => c.get(column)).filter((t) => t !== undefined);
  return new Set(found).size === 1 ? found[0] : undefined;
};

const relationPattern = new RegExp(
  `^(?:(${ident})\\.)?(${ident})(?:\\s+(?:as\\s+)?(?!on\\b|using\\b)(${ident}))?(?:\\s+(?:on|using)\\b[\\s\\S]*)?$`,
  "i",
);

const fromScope = (from: string, relationColumns: (schema: string, name: string) => Columns | undefined) => {
  const aliases = new Map<string, Columns>();
  const items = splitTopLevel(from, FROM_ITEM);
  for (const item of items) {
    const match = relationPattern.exec(item);
    if (!match) return { ok: false as const, reason: `cannot read the FROM item \`${item}\`` };
    const schema = match[1] ? unquote(match[1]) : "public";
    const name = unquote(match[2] as string);
    const columns = relationColumns(schema, name);
    if (!columns)
      return { ok: false as const, reason: `FROM names ${schema}.${name}, which the Catalog does not declare` };
    aliases.set(match[3] ? unquote(match[3]) : name, columns);
  }
  return { ok: true as const, scope: { aliases } };
};

const inferOne = (
  view: ViewShape,
  relationColumns: (schema: string, name: string) => Columns | undefined,
): ViewColumnsResult => {
  const [head, ...rest] = splitTopLevel(view.definition, FROM);
  const select = /^select\s+(?:all\s+)?([\s\S]*)$/i.exec(head ?? "");
  if (!select || rest.length === 0) return { ok: false, reason: "the definition is not a plain SELECT … FROM …" };
  if (/^distinct\s+on\b/i.test(select[1] as string)) return { ok: false, reason: "SELECT DISTINCT ON is not read" };
  const from = splitTopLevel(rest.join(" from "), CLAUSE_END)[0] as string;
  const scoped = fromScope(from, relationColumns);
  if (!scoped.ok) return scoped;
  const columns: ViewColumn[] = [];
  for (const item of splitTopLevel((select[1] as string).replace(/^distinct\s+/i, ""), COMMA)) {
    const named = namedItem.exec(item);
    const expression = named ? (named[1] as string) : item;
    const bare = lastIdentifier.exec(expression);
    const call = /^(\w+)\s*\(/.exec(expression);
    const name = named ? unquote(named[2] as string) : bare ? unquote(bare[1] as string) : call?.[1]?.toLowerCase();
    if (expression.trim() === "*" || /\.\*$/.test(expression.trim()))
      return { ok: false, reason: "SELECT * is not read" };
    const type = typeOf(expression, scoped.scope);
    if (!name || !type) return { ok: false, reason: `cannot infer the type of \`${item.trim()}\`` };
    columns.push({ name, type });
  }
  return { ok: true, columns };
};

/** Output columns of every view of the Catalog: declared ones as they are, the others inferred. */
export const viewColumns = (catalog: RelationShapes): ReadonlyMap<ViewShape, ViewColumnsResult> => {
  const tables = new Map(
    catalog.tables.map((t) => [`${t.schema}.${t.name}`, new Map(t.columns.map((c) => [c.name, c.type]))]),
  );
  const views = new Map(catalog.views.map((v) => [`${v.schema}.${v.name}`, v]));
  const results = new Map<ViewShape, ViewColumnsResult>();
  const resolve = (view: ViewShape, visiting: ReadonlySet<string>): ViewColumnsResult => {
    const known = results.get(view);
    if (known) return known;
    const key = `${view.schema}.${view.name}`;
    const result: ViewColumnsResult = view.columns
      ? { ok: true, columns: view.columns }
      : inferOne(view, (schema, name) => {
          const relation = `${schema}.${name}`;
          const table = tables.get(relation);
          if (table) return table;
          const other = views.get(relation);
          if (!other || visiting.has(relation)) return undefined;
          const inner = resolve(other, new Set([...visiting, key]));
          return inner.ok ? new Map(inner.columns.map((c) => [c.name, c.type])) : undefined;
        });
    results.set(view, result);
    return result;
  };
  for (const view of catalog.views) resolve(view, new Set());
  return results;
};
