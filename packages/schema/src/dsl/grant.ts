/** Privileges: `grant(appRole, ["SELECT", "INSERT"])` on schemas, tables, sequences, functions, views. */

import { compareKeys, sortBy } from "../catalog/identity.js";
import type { DefaultPrivilege, Grant } from "../catalog/model.js";
import { DECLARATION, type Declaration, type RoleLike, roleName, type SchemaLike, schemaName } from "./declaration.js";

export interface GrantSpec {
  readonly grantee: RoleLike;
  readonly privileges: readonly string[];
  readonly withGrantOption?: boolean;
}

/**
 * @example grants: [grant(appRole, ["select", "insert", "update"]), grant("PUBLIC", ["USAGE"])]
 */
export const grant = (
  grantee: RoleLike,
  privileges: readonly string[],
  options: { readonly withGrantOption?: boolean } = {},
): GrantSpec => ({ grantee, privileges, ...options });

/** Privileges upper case, deduplicated, sorted, as the Catalog keeps them. */
export const normalisePrivileges = (privileges: readonly string[]): string[] =>
  [...new Set(privileges.map((p) => p.trim().toUpperCase()))].sort(compareKeys);

/** Grants sorted by grantee; two grants to one grantee merge. */
export const lowerGrants = (grants: readonly GrantSpec[] | undefined): Grant[] | undefined => {
  if (!grants || grants.length === 0) return undefined;
  const byKey = new Map<string, Grant>();
  for (const g of grants) {
    const grantee = roleName(g.grantee);
    const key = `${grantee}\u0000${g.withGrantOption ? "1" : "0"}`;
    const previous = byKey.get(key)?.privileges ?? [];
    byKey.set(key, {
      grantee,
      privileges: normalisePrivileges([...previous, ...g.privileges]),
      ...(g.withGrantOption ? { withGrantOption: true } : {}),
    });
  }
  return sortBy([...byKey.values()], (g) => `${g.grantee}\u0000${g.withGrantOption ? "1" : "0"}`);
};

export interface DefaultPrivilegesHandle extends Declaration<"defaultPrivilege"> {
  readonly definition: DefaultPrivilege;
}

/**
 * `ALTER DEFAULT PRIVILEGES [FOR ROLE r] IN SCHEMA s GRANT privileges ON <objects> TO grantee`.
 * @example defaultPrivileges({ schema: auth, on: "tables", to: readonlyRole, privileges: ["SELECT"] })
 */
export const defaultPrivileges = (spec: {
  readonly schema: SchemaLike;
  readonly on: DefaultPrivilege["objectType"];
  readonly to: RoleLike;
  readonly privileges: readonly string[];
  readonly forRole?: RoleLike;
}): DefaultPrivilegesHandle => ({
  [DECLARATION]: "defaultPrivilege",
  definition: {
    ...(spec.forRole !== undefined ? { forRole: roleName(spec.forRole) } : {}),
    schema: schemaName(spec.schema),
    objectType: spec.on,
    grantee: roleName(spec.to),
    privileges: normalisePrivileges(spec.privileges),
  },
});
