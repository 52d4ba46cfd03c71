import type { Catalog, QualifiedName, Trigger } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";
import { columnsNamedIn, retypedColumns, tableBefore } from "./policies.js";

export type TriggerChange =
  | { readonly kind: "trigger.create"; readonly table: QualifiedName; readonly trigger: Trigger }
  | { readonly kind: "trigger.drop"; readonly table: QualifiedName; readonly trigger: Trigger }
  /** `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+) swaps the definition under one lock */
  | { readonly kind: "trigger.replace"; readonly table: QualifiedName; readonly from: Trigger; readonly to: Trigger };

/**
 * A trigger whose `UPDATE OF` list or `WHEN` condition reads a column whose type changes is dropped and
 * created again, even when it does not change: PostgreSQL refuses `ALTER COLUMN ... TYPE` under it
 * ("cannot alter type of a column used in a trigger definition"), and `CREATE OR REPLACE` keeps the
 * dependency. The plan runs the drop before the column change and the create after, in one transaction.
 */
export const diffTriggers = (
  ctx: DiffContext,
  table: QualifiedName,
  from: readonly Trigger[] | undefined,
  to: readonly Trigger[] | undefined,
): TriggerChange[] => {
  const { added, removed, kept } = matchByKey(from ?? [], to ?? [], (t) => t.name);
  const underRetype = kept.length > 0 ? readsRetypedColumn(ctx, table) : () => false;
  const recreated = kept.filter(([a]) => underRetype(a));
  return [
    ...[...removed, ...recreated.map(([a]) => a)].map(
      (trigger): TriggerChange => ({ kind: "trigger.drop", table, trigger }),
    ),
    ...[...added, ...recreated.map(([, b]) => b)].map(
      (trigger): TriggerChange => ({ kind: "trigger.create", table, trigger }),
    ),
    ...kept
      .filter(
        ([a, b]) =>
          !recreated.some(([r]) => r === a) &&
          (!ctx.sameExpression(a.when, b.when) || !sameData(omit(a, "comment", "when"), omit(b, "comment", "when"))),
      )
      .map(([a, b]): TriggerChange => ({ kind: "trigger.replace", table, from: a, to: b })),
  ];
};

/** The columns of `table` (looked up in `catalog`) a trigger reads: its `UPDATE OF` list and its `WHEN`. */
export const triggerColumns = (catalog: Catalog, table: QualifiedName, trigger: Trigger): string[] => [
  ...new Set([
    ...(trigger.updateOf ?? []),
    ...columnsNamedIn(catalog, table, trigger.when)
      .filter((r) => r.table.schema === table.schema && r.table.name === table.name)
      .map((r) => r.column),
  ]),
];

const readsRetypedColumn = (ctx: DiffContext, table: QualifiedName): ((t: Trigger) => boolean) => {
  const before = tableBefore(ctx.from, ctx.to, table);
  if (before === undefined) return () => false;
  let retyped: ReadonlySet<string> | undefined;
  return (t) => {
    if (t.when === undefined && (t.updateOf ?? []).length === 0) return false;
    retyped ??= retypedColumns(ctx, table);
    return retyped.size > 0 && triggerColumns(ctx.from, before, t).some((c) => retyped?.has(c));
  };
};
