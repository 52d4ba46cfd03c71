import type { QualifiedName, Trigger } from "@platform/schema";
import { createTrigger, dropTrigger } from "../sql/triggers.js";
import { columnId, path, qpath, rel } from "./ids.js";
import { expressionRefs, type References } from "./references.js";
import type { Planner } from "./step.js";

const id = (t: QualifiedName, name: string) => `trigger:${qpath(t)}.${name}`;

const refsOf = (refs: References, table: QualifiedName, t: Trigger): string[] => [
  rel(table),
  ...expressionRefs(refs, `${t.function.schema}.${t.function.name}()`),
  ...expressionRefs(refs, t.when),
  ...(t.updateOf ?? []).map((c) => columnId(table, c)),
];

export const planTriggerCreate: Planner<"trigger.create"> = ({ table, trigger }, ctx) => [
  {
    description: `create trigger ${path(qpath(table), trigger.name)}`,
    statements: [createTrigger(table, trigger)],
    creates: [id(table, trigger.name)],
    needs: refsOf(ctx.refsTo, table, trigger),
  },
];

export const planTriggerDrop: Planner<"trigger.drop"> = ({ table, trigger }, ctx) => [
  {
    description: `drop trigger ${path(qpath(table), trigger.name)}`,
    statements: [dropTrigger(table, trigger.name)],
    drops: [id(table, trigger.name)],
    needs: [rel(table)],
    releases: refsOf(ctx.refsFrom, table, trigger).filter((x) => x !== rel(table)),
  },
];

/** `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+): the definition changes under one lock, never missing in between. */
export const planTriggerReplace: Planner<"trigger.replace"> = ({ table, from, to }, ctx) => [
  {
    description: `replace trigger ${path(qpath(table), to.name)}`,
    statements: [createTrigger(table, to).replace(/^CREATE TRIGGER /, "CREATE OR REPLACE TRIGGER ")],
    creates: [id(table, to.name)],
    needs: refsOf(ctx.refsTo, table, to),
    releases: refsOf(ctx.refsFrom, table, from).filter((x) => x !== rel(table)),
  },
];
