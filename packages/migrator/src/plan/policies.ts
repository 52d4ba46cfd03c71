import type { Policy, QualifiedName } from "@platform/schema";
import { columnsReadBy, tableBefore } from "../diff/policies.js";
import { alterPolicy, createPolicy, dropPolicy } from "../sql/policies.js";
import { columnDefinitionId } from "./columns.js";
import { columnId, path, qpath, rel, roleId } from "./ids.js";
import { expressionRefs, type References } from "./references.js";
import type { PlanContext, Planner } from "./step.js";

const id = (t: QualifiedName, name: string) => `policy:${qpath(t)}.${name}`;

const refsOf = (refs: References, table: QualifiedName, p: Policy): string[] => [
  rel(table),
  ...(p.roles ?? []).map(roleId),
  ...expressionRefs(refs, p.using),
  ...expressionRefs(refs, p.withCheck),
];

/**
 * The columns the policy reads in the target catalog: it waits for them to be added, renamed into place
 * and retyped.
 */
const readsAfter = (ctx: PlanContext, table: QualifiedName, p: Policy): string[] =>
  columnsReadBy(ctx.to, table, p).flatMap((r) => [columnId(r.table, r.column), columnDefinitionId(r.table, r.column)]);

/**
 * The columns the policy read in the source catalog (named as the changes name them: by the table's new
 * name): they cannot be dropped or retyped until the policy lets go of them.
 */
const readsBefore = (ctx: PlanContext, table: QualifiedName, p: Policy): string[] => {
  const before = tableBefore(ctx.from, ctx.to, table);
  return before === undefined
    ? []
    : columnsReadBy(ctx.from, before, p, table).map((r) => columnDefinitionId(r.table, r.column));
};

export const planPolicyCreate: Planner<"policy.create"> = ({ table, policy }, ctx) => [
  {
    description: `create policy ${path(qpath(table), policy.name)}`,
    statements: [createPolicy(table, policy)],
    creates: [id(table, policy.name)],
    needs: [...refsOf(ctx.refsTo, table, policy), ...readsAfter(ctx, table, policy)],
  },
];

export const planPolicyDrop: Planner<"policy.drop"> = ({ table, policy }, ctx) => [
  {
    description: `drop policy ${path(qpath(table), policy.name)}`,
    statements: [dropPolicy(table, policy.name)],
    drops: [id(table, policy.name)],
    needs: [rel(table)],
    releases: [
      ...refsOf(ctx.refsFrom, table, policy).filter((x) => x !== rel(table)),
      ...readsBefore(ctx, table, policy),
    ],
  },
];

export const planPolicyAlter: Planner<"policy.alter"> = ({ table, from, to }, ctx) => [
  {
    description: `alter policy ${path(qpath(table), to.name)}`,
    statements: [alterPolicy(table, to)],
    creates: [id(table, to.name)],
    needs: [...refsOf(ctx.refsTo, table, to), ...readsAfter(ctx, table, to)],
    releases: [...refsOf(ctx.refsFrom, table, from).filter((x) => x !== rel(table)), ...readsBefore(ctx, table, from)],
  },
];
