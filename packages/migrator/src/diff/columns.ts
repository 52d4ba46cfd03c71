import type { Column, Identity, QualifiedName, Table } from "@platform/schema";
import { type DiffContext, sameData } from "./context.js";
import { columnsNamedIn, retypedColumns } from "./policies.js";

/** Column changes on a table that exists before and after (columns of a new table come with `table.create`). */
export type ColumnChange =
  | { readonly kind: "column.add"; readonly table: QualifiedName; readonly column: Column }
  | { readonly kind: "column.drop"; readonly table: QualifiedName; readonly column: Column }
  | { readonly kind: "column.rename"; readonly table: QualifiedName; readonly from: string; readonly to: string }
  /** type or collation: `ALTER COLUMN ... TYPE ... USING`, which may rewrite the table */
  | { readonly kind: "column.alter-type"; readonly table: QualifiedName; readonly from: Column; readonly to: Column }
  | {
      readonly kind: "column.set-default";
      readonly table: QualifiedName;
      readonly column: string;
      /** omitted: DROP DEFAULT */
      readonly default?: string;
      /** the default it replaces (what the old default referred to may be dropped after this change) */
      readonly previous?: string;
    }
  | {
      readonly kind: "column.set-not-null";
      readonly table: QualifiedName;
      readonly column: string;
      readonly notNull: boolean;
    }
  | {
      readonly kind: "column.set-identity";
      readonly table: QualifiedName;
      readonly column: string;
      readonly from?: Identity;
      readonly to?: Identity;
    };

/** Pairs of (old, new) columns, following `renamedFrom` hints; never guesses a rename. */
export const matchColumns = (
  from: Table,
  to: Table,
): { added: Column[]; removed: Column[]; kept: Array<readonly [Column, Column]> } => {
  const before = new Map(from.columns.map((c) => [c.name, c]));
  const claimed = new Set<string>();
  const kept: Array<readonly [Column, Column]> = [];
  const added: Column[] = [];
  for (const column of to.columns) {
    const same = before.get(column.name);
    const renamed =
      column.renamedFrom !== undefined && !to.columns.some((c) => c.name === column.renamedFrom)
        ? before.get(column.renamedFrom)
        : undefined;
    const match = same ?? renamed;
    if (match && !claimed.has(match.name)) {
      claimed.add(match.name);
      kept.push([match, column]);
    } else added.push(column);
  }
  const removed = from.columns.filter((c) => !claimed.has(c.name));
  return { added, removed, kept };
};

/** old column name → new column name, for comparing constraints and indexes across a column rename */
export const columnRenames = (from: Table, to: Table): ReadonlyMap<string, string> =>
  new Map(
    matchColumns(from, to)
      .kept.filter(([a, b]) => a.name !== b.name)
      .map(([a, b]) => [a.name, b.name]),
  );

export const diffColumns = (ctx: DiffContext, table: QualifiedName, from: Table, to: Table): ColumnChange[] => {
  const { added, removed, kept } = matchColumns(from, to);
  // PostgreSQL refuses to change the type of a column a generated column reads ("cannot alter type of a
  // column used by a generated column"): the generated column is dropped and added around the change.
  const retyped = kept.some(([a]) => a.generated !== undefined) ? retypedColumns(ctx, table) : new Set<string>();
  const readsRetyped = (a: Column): boolean =>
    a.generated !== undefined &&
    retyped.size > 0 &&
    columnsNamedIn(ctx.from, from, a.generated).some(
      (r) =>
        r.table.schema === from.schema && r.table.name === from.name && r.column !== a.name && retyped.has(r.column),
    );
  const rebuilt = kept.filter(([a, b]) => !ctx.sameExpression(a.generated, b.generated) || readsRetyped(a));
  const changes: ColumnChange[] = [];
  for (const [a, b] of kept) {
    if (a.name !== b.name) changes.push({ kind: "column.rename", table, from: a.name, to: b.name });
  }
  // A changed generation expression cannot be altered before PostgreSQL 17: drop and add the column.
  for (const column of [...removed, ...rebuilt.map(([a]) => a)]) changes.push({ kind: "column.drop", table, column });
  for (const column of [...added, ...rebuilt.map(([, b]) => b)]) changes.push({ kind: "column.add", table, column });
  for (const [a, b] of kept) {
    if (!rebuilt.some(([r]) => r === a)) changes.push(...alterColumn(ctx, table, a, b));
  }
  return changes;
};

const alterColumn = (ctx: DiffContext, table: QualifiedName, a: Column, b: Column): ColumnChange[] => {
  const column = b.name;
  const changes: ColumnChange[] = [];
  if (a.type !== b.type || !sameData(a.collation, b.collation)) {
    changes.push({ kind: "column.alter-type", table, from: a, to: b });
  }
  if (!sameData(a.identity, b.identity)) {
    changes.push({
      kind: "column.set-identity",
      table,
      column,
      ...(a.identity ? { from: a.identity } : {}),
      ...(b.identity ? { to: b.identity } : {}),
    });
  }
  if (!ctx.sameExpression(a.default, b.default)) {
    changes.push({
      kind: "column.set-default",
      table,
      column,
      ...(b.default !== undefined ? { default: b.default } : {}),
      ...(a.default !== undefined ? { previous: a.default } : {}),
    });
  }
  // An identity column is NOT NULL by definition; PostgreSQL adds and keeps that itself.
  const notNull = (c: Column) => (c.notNull ?? false) || c.identity !== undefined;
  if (notNull(a) !== notNull(b) && !(b.identity && !a.identity)) {
    changes.push({ kind: "column.set-not-null", table, column, notNull: notNull(b) });
  }
  return changes;
};
