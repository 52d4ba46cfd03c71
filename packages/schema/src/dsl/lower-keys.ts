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

/**
 * The name an index key contributes to a derived index name: the column, or for an expression what
 * PostgreSQL's `FigureIndexColname` picks (the function name of `lower(email)`), else `expr`.
 */
export const keyNamePart = (key: { readonly column?: string; readonly expression?: string }): string => {
  if (key.column !== undefined) return key.column;
  const call = /^\s*(?:[a-z_][a-z0-9_$]*\.)?([a-z_][a-z0-9_$]*)\s*\(/i.exec(key.expression ?? "");
  return call?.[1]?.toLowerCase() ?? "expr";
};

export { mentionedColumns } from "../catalog/validate/expressions.js";
