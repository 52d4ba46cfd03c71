import type { Role } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

export type RoleChange =
  | { readonly kind: "role.create"; readonly role: Role }
  | { readonly kind: "role.drop"; readonly role: Role }
  /** attributes (LOGIN, INHERIT, BYPASSRLS) and memberships; comments are diffed with every other comment */
  | { readonly kind: "role.alter"; readonly from: Role; readonly to: Role };

export const diffRoles = ({ from, to }: DiffContext): RoleChange[] => {
  const { added, removed, kept } = matchByKey(from.roles, to.roles, (r) => r.name);
  return [
    ...added.map((role): RoleChange => ({ kind: "role.create", role })),
    ...removed.map((role): RoleChange => ({ kind: "role.drop", role })),
    ...kept
      .filter(([a, b]) => !sameData(normal(a), normal(b)))
      .map(([a, b]): RoleChange => ({ kind: "role.alter", from: a, to: b })),
  ];
};

const normal = (r: Role) => ({
  ...omit(r, "comment"),
  login: r.login ?? false,
  inherit: r.inherit ?? false,
  bypassRls: r.bypassRls ?? false,
  memberOf: [...(r.memberOf ?? [])].sort(),
});
