import type { Policy, QualifiedName } from "@platform/schema";
import { type DiffContext, matchByKey } from "./context.js";

export type PolicyChange =
  | { readonly kind: "policy.create"; readonly table: QualifiedName; readonly policy: Policy }
  | { readonly kind: "policy.drop"; readonly table: QualifiedName; readonly policy: Policy }
  /** roles, USING and WITH CHECK change in place with `ALTER POLICY` */
  | { readonly kind: "policy.alter"; readonly table: QualifiedName; readonly from: Policy; readonly to: Policy };

/**
 * ALTER POLICY cannot change the command or PERMISSIVE/RESTRICTIVE, nor remove a USING or WITH CHECK
 * clause: those policies are dropped and created again.
 */
export const diffPolicies = (
  ctx: DiffContext,
  table: QualifiedName,
  from: readonly Policy[] | undefined,
  to: readonly Policy[] | undefined,
): PolicyChange[] => {
  const { added, removed, kept } = matchByKey(from ?? [], to ?? [], (p) => p.name);
  const changed = kept.filter(([a, b]) => !samePolicy(ctx, a, b));
  const recreated = changed.filter(([a, b]) => !alterable(a, b));
  const altered = changed.filter(([a, b]) => alterable(a, b));
  return [
    ...[...removed, ...recreated.map(([a]) => a)].map(
      (policy): PolicyChange => ({ kind: "policy.drop", table, policy }),
    ),
    ...[...added, ...recreated.map(([, b]) => b)].map(
      (policy): PolicyChange => ({ kind: "policy.create", table, policy }),
    ),
    ...altered.map(([a, b]): PolicyChange => ({ kind: "policy.alter", table, from: a, to: b })),
  ];
};

const roles = (p: Policy): string => [...(p.roles ?? ["public"])].sort().join(",");

const samePolicy = (ctx: DiffContext, a: Policy, b: Policy): boolean =>
  alterable(a, b) &&
  roles(a) === roles(b) &&
  ctx.sameExpression(a.using, b.using) &&
  ctx.sameExpression(a.withCheck, b.withCheck);

const alterable = (a: Policy, b: Policy): boolean =>
  (a.command ?? "all") === (b.command ?? "all") &&
  (a.restrictive ?? false) === (b.restrictive ?? false) &&
  !(a.using !== undefined && b.using === undefined) &&
  !(a.withCheck !== undefined && b.withCheck === undefined);
