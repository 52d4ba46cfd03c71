import type { QualifiedName, Trigger } from "@platform/schema";
import { tableBefore } from "../diff/policies.js";
import { triggerColumns } from "../diff/triggers.js";
import { createTrigger, dropTrigger } from "../sql/triggers.js";
import { columnDefinitionId } from "./columns.js";
import { columnId, path, qpath, rel } from "./ids.js";
import { expressionRefs, type References } from "./references.js";
import type { PlanContext, Planner } from "./step.js";

const id = (t: QualifiedName, name: string) => `trigger:${qpath(t)}.${name}`;

const refsOf = (refs: References, table: QualifiedName, t: Trigger): string[] => [
  rel(table),
  ...expressionRefs(refs, `${t.function.schema}.${t.function.name}()`),
  ...expressionRefs(refs, t.when),
  ...(t.updateOf ?? []).map((c) => columnId(table, c)),
];

/** The columns the trigger reads in the target catalog: it waits for them to be added, renamed into place and retyped. */
const readsAfter = (ctx: PlanContext, table: QualifiedName, t: Trigger): string[] =>
  triggerColumns(ctx.to, table, t).flatMap((c) => [columnId(table, c), columnDefinitionId(table, c)]);

/**
 * The columns the trigger read in the source catalog (under the table's new name, as the column changes
 * name it): PostgreSQL refuses to drop or retype them until the trigger lets go of them.
 */
const readsBefore = (ctx: PlanContext, table: QualifiedName, t: Trigger): string[] => {
  const before = tableBefore(ctx.from, ctx.to, table);
  return before === undefined ? [] : triggerColumns(ctx.from, before, t).map((c) => columnDefinitionId(table, c));
};

export const planTriggerCreate: Planner<"trigger.create"> = ({ table, trigger }, ctx) => [
  {
    description: `create trigger ${path(qpath(table), trigger.name)}`,
    statements: [createTrigger(table, trigger)],
    creates: [id(table, trigger.name)],
    needs: [...refsOf(ctx.refsTo, table, trigger), ...readsAfter(ctx, table, trigger)],
  },
];

export const planTriggerDrop: Planner<"trigger.drop"> = ({ table, trigger }, ctx) => [
  {
    description: `drop trigger ${path(qpath(table), trigger.name)}`,
    statements: [dropTrigger(table, trigger.name)],
    drops: [id(table, trigger.name)],
    needs: [rel(table)],
    releases: [
      ...refsOf(ctx.refsFrom, table, trigger).filter((x) => x !== rel(table)),
      ...readsBefore(ctx, table, trigger),
    ],
  },
];

/** `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+): the definition changes under one lock, never missing in between. */
export const planTriggerReplace: Planner<"trigger.replace"> = ({ table, from, to }, ctx) => [
  {
    description: `replace trigger ${path(qpath(table), to.name)}`,
    statements: [createTrigger(table, to).replace(/^CREATE TRIGGER /, "CREATE OR REPLACE TRIGGER ")],
    creates: [id(table, to.name)],
    needs: [...refsOf(ctx.refsTo, table, to), ...readsAfter(ctx, table, to)],
    releases: [...refsOf(ctx.refsFrom, table, from).filter((x) => x !== rel(table)), ...readsBefore(ctx, table, from)],
  },
];
