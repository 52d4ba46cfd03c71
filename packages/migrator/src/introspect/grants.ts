import { compareKeys, type Grant } from "@platform/schema";

/**
 * SQL expression (a json array) of the grants on an object that are not PostgreSQL's defaults for its
 * owner: `aclexplode(acl)` minus `aclexplode(acldefault(kind, owner))`. The owner's implicit
 * privileges and, for functions and types, PUBLIC's default EXECUTE/USAGE are therefore not reported;
 * a REVOKE of such a default cannot be expressed in the Catalog and is not reported either.
 *
 * A NULL acl means the owner's defaults: nothing to report, and no per-row subquery to run (most objects).
 *
 * `kind` is acldefault's letter: `r` relation, `s` sequence, `f` function, `n` schema, `T` type.
 */
export const grantsJson = (acl: string, owner: string, kind: "r" | "s" | "f" | "n" | "T"): string => `CASE
  WHEN ${acl} IS NULL THEN '[]'::json ELSE (
  SELECT coalesce(json_agg(json_build_object(
    'grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END,
    'privilege', a.privilege_type,
    'grantable', a.is_grantable)), '[]'::json)
  FROM pg_catalog.aclexplode(${acl}) a
  WHERE NOT EXISTS (
    SELECT 1 FROM pg_catalog.aclexplode(pg_catalog.acldefault('${kind}', ${owner})) d
    WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type AND d.is_grantable = a.is_grantable)) END`;

export interface AclEntry {
  readonly grantee: string;
  readonly privilege: string;
  readonly grantable: boolean;
}

/** Groups exploded ACL entries into Catalog grants: one per (grantee, grant option), privileges sorted. */
export const toGrants = (entries: readonly AclEntry[] | null | undefined): Grant[] => {
  const groups = new Map<string, { grantee: string; grantable: boolean; privileges: Set<string> }>();
  for (const e of entries ?? []) {
    const key = `${e.grantee}\u0000${e.grantable}`;
    const group = groups.get(key) ?? { grantee: e.grantee, grantable: e.grantable, privileges: new Set<string>() };
    group.privileges.add(e.privilege);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => compareKeys(a.grantee, b.grantee) || Number(a.grantable) - Number(b.grantable))
    .map((g) => ({
      grantee: g.grantee,
      privileges: [...g.privileges].sort(compareKeys),
      ...(g.grantable ? { withGrantOption: true } : {}),
    }));
};

/** `{ ...withGrants(list) }`: the field only when there is something to say. */
export const withGrants = (grants: readonly Grant[]): { grants?: Grant[] } =>
  grants.length > 0 ? { grants: [...grants] } : {};
