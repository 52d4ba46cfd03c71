import type { Policy, QualifiedName } from "@platform/schema";
import { alterPolicy, createPolicy, dropPolicy } from "../sql/policies.js";
import { path, qpath, rel, roleId } from "./ids.js";
import { expressionRefs, type References } from "./references.js";
import type { Planner } from "./step.js";

const id = (t: QualifiedName, name: string) => `policy:${qpath(t)}.${name}`;

const refsOf = (refs: References, table: QualifiedName, p: Policy): string[] => [
  rel(table),
  ...(p.roles ?? []).map(roleId),
  ...expressionRefs(refs, p.using),
  ...expressionRefs(refs, p.withCheck),
];

export const planPolicyCreate: Planner<"policy.create"> = ({ table, policy }, ctx) => [
  {
    description: `create policy ${path(qpath(table), policy.name)}`,
    statements: [createPolicy(table, policy)],
    creates: [id(table, policy.name)],
    needs: refsOf(ctx.refsTo, table, policy),
  },
];

export const planPolicyDrop: Planner<"policy.drop"> = ({ table, policy }, ctx) => [
  {
    description: `drop policy ${path(qpath(table), policy.name)}`,
    statements: [dropPolicy(table, policy.name)],
    drops: [id(table, policy.name)],
    needs: [rel(table)],
    releases: refsOf(ctx.refsFrom, table, policy).filter((x) => x !== rel(table)),
  },
];

export const planPolicyAlter: Planner<"policy.alter"> = ({ table, from, to }, ctx) => [
  {
    description: `alter policy ${path(qpath(table), to.name)}`,
    statements: [alterPolicy(table, to)],
    creates: [id(table, to.name)],
    needs: refsOf(ctx.refsTo, table, to),
    releases: refsOf(ctx.refsFrom, table, from).filter((x) => x !== rel(table)),
  },
];
