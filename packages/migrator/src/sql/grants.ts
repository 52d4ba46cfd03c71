import type { DefaultPrivilege, FunctionDef, Grant, QualifiedName } from "@platform/schema";
import { functionIdentity } from "./functions.js";
import { quoteIdent, quoteQualified, quoteRole } from "./quote.js";

/** What a GRANT is on. Views and materialized views are granted ON TABLE, as PostgreSQL has it. */
export type GrantTarget =
  | { readonly kind: "schema"; readonly name: string }
  | { readonly kind: "table"; readonly table: QualifiedName }
  | { readonly kind: "sequence"; readonly sequence: QualifiedName }
  | { readonly kind: "function"; readonly fn: Pick<FunctionDef, "schema" | "name" | "args"> };

const TARGET = {
  schema: (t) => `SCHEMA ${quoteIdent(t.name)}`,
  table: (t) => `TABLE ${quoteQualified(t.table)}`,
  sequence: (t) => `SEQUENCE ${quoteQualified(t.sequence)}`,
  function: (t) => `FUNCTION ${functionIdentity(t.fn)}`,
} as const satisfies { [K in GrantTarget["kind"]]: (target: Extract<GrantTarget, { kind: K }>) => string };

export const grantTargetClause = (target: GrantTarget): string =>
  (TARGET[target.kind] as (t: GrantTarget) => string)(target);

/**
 * Privileges are written in the Catalog's order (sorted, upper case).
 *
 * @example
 * grant({ kind: "schema", name: "auth" }, { grantee: "app_role", privileges: ["USAGE"] }) // GRANT USAGE ON SCHEMA auth TO app_role;
 */
export const grant = (target: GrantTarget, g: Grant): string =>
  `GRANT ${g.privileges.join(", ")} ON ${grantTargetClause(target)} TO ${quoteRole(g.grantee)}${
    g.withGrantOption ? " WITH GRANT OPTION" : ""
  };`;

/** Revokes the privileges (and with them any grant option on them). */
export const revoke = (target: GrantTarget, g: Pick<Grant, "grantee" | "privileges">): string =>
  `REVOKE ${g.privileges.join(", ")} ON ${grantTargetClause(target)} FROM ${quoteRole(g.grantee)};`;

const defaultPrivilegePrefix = (privilege: DefaultPrivilege): string =>
  `ALTER DEFAULT PRIVILEGES${
    privilege.forRole !== undefined ? ` FOR ROLE ${quoteIdent(privilege.forRole)}` : ""
  } IN SCHEMA ${quoteIdent(privilege.schema)}`;

/**
 * @example
 * grantDefaultPrivilege({ schema: "auth", objectType: "tables", grantee: "readonly_role", privileges: ["SELECT"] })
 * // ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT SELECT ON TABLES TO readonly_role;
 */
export const grantDefaultPrivilege = (privilege: DefaultPrivilege): string =>
  `${defaultPrivilegePrefix(privilege)} GRANT ${privilege.privileges.join(", ")} ON ${privilege.objectType.toUpperCase()} TO ${quoteRole(
    privilege.grantee,
  )};`;

export const revokeDefaultPrivilege = (privilege: DefaultPrivilege): string =>
  `${defaultPrivilegePrefix(privilege)} REVOKE ${privilege.privileges.join(", ")} ON ${privilege.objectType.toUpperCase()} FROM ${quoteRole(
    privilege.grantee,
  )};`;
