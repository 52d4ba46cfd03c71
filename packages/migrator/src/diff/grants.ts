import type { Catalog, DefaultPrivilege, Grant } from "@platform/schema";
import { compareKeys } from "@platform/schema";
import { matchByKey, sameData } from "./context.js";
import { type GrantTarget, grantables, targetId, withRenamesApplied } from "./targets.js";

export type GrantChange =
  | {
      readonly kind: "grant.add";
      readonly target: GrantTarget;
      readonly grantee: string;
      readonly privileges: readonly string[];
      readonly withGrantOption: boolean;
    }
  | {
      readonly kind: "grant.revoke";
      readonly target: GrantTarget;
      readonly grantee: string;
      readonly privileges: readonly string[];
    }
  | { readonly kind: "default-privilege.grant"; readonly privilege: DefaultPrivilege }
  | { readonly kind: "default-privilege.revoke"; readonly privilege: DefaultPrivilege };

/**
 * Privileges per (object, grantee): what is missing is granted, what is extra is revoked. A created or
 * re-created object starts with none. A change of WITH GRANT OPTION revokes and grants again.
 */
export const diffGrants = (from: Catalog, to: Catalog, recreated: ReadonlySet<string>): GrantChange[] => {
  const before = new Map(grantables(withRenamesApplied(from, to)).map((g) => [targetId(g.target), g.grants]));
  const objectChanges = grantables(to).flatMap(({ target, grants }) => {
    const id = targetId(target);
    const previous = recreated.has(id) ? [] : (before.get(id) ?? []);
    return diffObjectGrants(target, previous, grants);
  });
  return [...objectChanges, ...diffDefaultPrivileges(from.defaultPrivileges, to.defaultPrivileges)];
};

const diffObjectGrants = (target: GrantTarget, from: readonly Grant[], to: readonly Grant[]): GrantChange[] => {
  // most objects carry no grants, or the same ones on both sides (both are normalised and sorted)
  if ((from.length === 0 && to.length === 0) || sameData(from, to)) return [];
  const { added, removed, kept } = matchByKey(from, to, (g) => g.grantee);
  const changes: GrantChange[] = [];
  for (const g of removed)
    changes.push({ kind: "grant.revoke", target, grantee: g.grantee, privileges: sorted(g.privileges) });
  for (const [a, b] of kept) {
    const optionChanged = (a.withGrantOption ?? false) !== (b.withGrantOption ?? false);
    const revoke = optionChanged ? a.privileges : a.privileges.filter((p) => !b.privileges.includes(p));
    const grant = optionChanged ? b.privileges : b.privileges.filter((p) => !a.privileges.includes(p));
    if (revoke.length > 0)
      changes.push({ kind: "grant.revoke", target, grantee: b.grantee, privileges: sorted(revoke) });
    if (grant.length > 0) {
      changes.push({
        kind: "grant.add",
        target,
        grantee: b.grantee,
        privileges: sorted(grant),
        withGrantOption: b.withGrantOption ?? false,
      });
    }
  }
  for (const g of added) {
    changes.push({
      kind: "grant.add",
      target,
      grantee: g.grantee,
      privileges: sorted(g.privileges),
      withGrantOption: g.withGrantOption ?? false,
    });
  }
  return changes;
};

const sorted = (xs: readonly string[]): string[] => [...xs].sort(compareKeys);

const defaultKey = (p: DefaultPrivilege) => `${p.forRole ?? ""}|${p.schema}|${p.objectType}|${p.grantee}`;

const diffDefaultPrivileges = (from: readonly DefaultPrivilege[], to: readonly DefaultPrivilege[]): GrantChange[] => {
  const { added, removed, kept } = matchByKey(from, to, defaultKey);
  const changes: GrantChange[] = [];
  for (const p of removed) changes.push({ kind: "default-privilege.revoke", privilege: p });
  for (const [a, b] of kept) {
    const revoke = a.privileges.filter((x) => !b.privileges.includes(x));
    const grant = b.privileges.filter((x) => !a.privileges.includes(x));
    if (revoke.length > 0)
      changes.push({ kind: "default-privilege.revoke", privilege: { ...a, privileges: sorted(revoke) } });
    if (grant.length > 0)
      changes.push({ kind: "default-privilege.grant", privilege: { ...b, privileges: sorted(grant) } });
  }
  for (const p of added) changes.push({ kind: "default-privilege.grant", privilege: p });
  return changes;
};
