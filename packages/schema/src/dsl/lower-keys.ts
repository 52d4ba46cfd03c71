/** Lowering of keys (index elements, partition keys) and of the names PostgreSQL derives from them. */
import type { IndexElement, PartitionKey, QualifiedName } from "../catalog/model.js";
import type { IndexKey } from "./column.js";
import { compact } from "./declaration.js";

const qualified = (c: { readonly schema: string; readonly name: string } | undefined): QualifiedName | undefined =>
  c ? { schema: c.schema, name: c.name } : undefined;

export const lowerIndexElement = (key: IndexKey): IndexElement =>
  compact({
    column: key.state.column,
    expression: key.state.expression?.text,
    opclass: key.state.opclass,
    collation: qualified(key.state.collation),
    order: key.state.order === "asc" ? undefined : key.state.order,
    nulls: key.state.nulls,
  });

export const lowerPartitionKey = (key: IndexKey): PartitionKey =>
  compact({
    column: key.state.column,
    expression: key.state.expression?.text,
    opclass: key.state.opclass,
    collation: qualified(key.state.collation),
  });

/** Internal names of types, as a cast contributes them to an index name (`::int` → `int4`). */
const INTERNAL_TYPE_NAMES: Readonly<Record<string, string>> = {
  int: "int4",
  integer: "int4",
  bigint: "int8",
  smallint: "int2",
  real: "float4",
  "double precision": "float8",
  float: "float8",
  boolean: "bool",
  "character varying": "varchar",
  character: "bpchar",
  char: "bpchar",
  decimal: "numeric",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  "time with time zone": "timetz",
  "time without time zone": "time",
};

/** Positions of `::` and `AT TIME ZONE` outside parentheses, brackets and quotes. */
const topLevel = (text: string): { readonly casts: number[]; readonly atTimeZone: boolean } => {
  const casts: number[] = [];
  let depth = 0;
  let atTimeZone = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      i = close < 0 ? text.length : close;
    } else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (depth === 0 && ch === ":" && text[i + 1] === ":") casts.push(i++);
    else if (depth === 0 && /^\sat\s+time\s+zone\b/i.test(text.slice(i, i + 20))) atTimeZone = true;
  }
  return { casts, atTimeZone };
};

const stripParens = (text: string): string => {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")")) {
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < t.length - 1; i++) {
      if (t[i] === "(") depth++;
      if (t[i] === ")") depth--;
      if (depth === 0) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    t = t.slice(1, -1).trim();
  }
  return t;
};

const IDENTIFIER = /^(?:[a-z_][a-z0-9_$]*\.)?([a-z_][a-z0-9_$]*)$/i;
const CALL = /^(?:[a-z_][a-z0-9_$]*\.)?([a-z_][a-z0-9_$]*)\s*\(/i;
const CAST_CALL = /^cast\s*\((.*)\s+as\s+(.+)\)$/is;

/**
 * What PostgreSQL's `FigureIndexColname` makes of an expression: `[name, strength]`, strength 2 for a
 * column or function name, 1 for a cast's type, 0 when it has nothing to say.
 */
const figure = (expression: string): readonly [string, number] => {
  const text = stripParens(expression);
  const cast = CAST_CALL.exec(text);
  if (cast?.[1] && cast[2]) return castName(cast[1], cast[2]);
  const { casts, atTimeZone } = topLevel(text);
  const last = casts.at(-1);
  if (last !== undefined) return castName(text.slice(0, last), text.slice(last + 2));
  if (atTimeZone) return ["timezone", 2];
  const call = CALL.exec(text);
  if (call?.[1] && !/^cast$/i.test(call[1])) return [call[1].toLowerCase(), 2];
  const ident = IDENTIFIER.exec(text);
  if (ident?.[1]) return [ident[1].toLowerCase(), 2];
  return ["expr", 0];
};

const castName = (inner: string, type: string): readonly [string, number] => {
  const [name, strength] = figure(inner);
  if (strength > 1) return [name, strength];
  const base = type
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*$/, "")
    .replace(/\[\]$/, "")
    .replace(/\s+/g, " ");
  const last = base.split(".").at(-1) ?? base;
  return [INTERNAL_TYPE_NAMES[last] ?? last, 1];
};

/**
 * The name an index key contributes to a derived index name: the column, or for an expression what
 * PostgreSQL's `FigureIndexColname` picks (`lower(email)` → `lower`, `(data->>'n')::int` → `int4`), else `expr`.
 */
export const keyNamePart = (key: { readonly column?: string; readonly expression?: string }): string =>
  key.column ?? figure(key.expression ?? "")[0];

export { mentionedColumns } from "../catalog/validate/expressions.js";
