import type { QualifiedName, Trigger } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

export type TriggerChange =
  | { readonly kind: "trigger.create"; readonly table: QualifiedName; readonly trigger: Trigger }
  | { readonly kind: "trigger.drop"; readonly table: QualifiedName; readonly trigger: Trigger }
  /** `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+) swaps the definition under one lock */
  | { readonly kind: "trigger.replace"; readonly table: QualifiedName; readonly from: Trigger; readonly to: Trigger };

export const diffTriggers = (
  ctx: DiffContext,
  table: QualifiedName,
  from: readonly Trigger[] | undefined,
  to: readonly Trigger[] | undefined,
): TriggerChange[] => {
  const { added, removed, kept } = matchByKey(from ?? [], to ?? [], (t) => t.name);
  return [
    ...removed.map((trigger): TriggerChange => ({ kind: "trigger.drop", table, trigger })),
    ...added.map((trigger): TriggerChange => ({ kind: "trigger.create", table, trigger })),
    ...kept
      .filter(
        ([a, b]) =>
          !ctx.sameExpression(a.when, b.when) || !sameData(omit(a, "comment", "when"), omit(b, "comment", "when")),
      )
      .map(([a, b]): TriggerChange => ({ kind: "trigger.replace", table, from: a, to: b })),
  ];
};
