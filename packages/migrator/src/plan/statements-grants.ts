import type { DefaultPrivilege } from "@platform/schema";
import type { GrantTarget } from "../diff/index.js";
import { functionIdentity } from "../sql/functions.js";
import { quoteIdent, quoteQualified, quoteRole } from "../sql/quote.js";

/** `SCHEMA auth`, `TABLE auth.users`, `FUNCTION public.f(text)` — how GRANT and REVOKE name an object. */
export const grantTargetSql = (t: GrantTarget): string => {
  switch (t.type) {
    case "schema":
      return `SCHEMA ${quoteIdent(t.name)}`;
    case "table":
      return `TABLE ${quoteQualified(t)}`;
    case "sequence":
      return `SEQUENCE ${quoteQualified(t)}`;
    case "function":
      return `FUNCTION ${functionIdentity({ schema: t.schema, name: t.name, args: t.args.map((type) => ({ type })) })}`;
  }
};

export const grantPrivileges = (
  target: GrantTarget,
  grantee: string,
  privileges: readonly string[],
  withGrantOption: boolean,
): string =>
  `GRANT ${privileges.join(", ")} ON ${grantTargetSql(target)} TO ${quoteRole(grantee)}${
    withGrantOption ? " WITH GRANT OPTION" : ""
  };`;

export const revokePrivileges = (target: GrantTarget, grantee: string, privileges: readonly string[]): string =>
  `REVOKE ${privileges.join(", ")} ON ${grantTargetSql(target)} FROM ${quoteRole(grantee)};`;

const defaultPrefix = (p: DefaultPrivilege): string =>
  `ALTER DEFAULT PRIVILEGES${p.forRole !== undefined ? ` FOR ROLE ${quoteIdent(p.forRole)}` : ""} IN SCHEMA ${quoteIdent(p.schema)}`;

export const grantDefaultPrivileges = (p: DefaultPrivilege): string =>
  `${defaultPrefix(p)} GRANT ${p.privileges.join(", ")} ON ${p.objectType.toUpperCase()} TO ${quoteRole(p.grantee)};`;

export const revokeDefaultPrivileges = (p: DefaultPrivilege): string =>
  `${defaultPrefix(p)} REVOKE ${p.privileges.join(", ")} ON ${p.objectType.toUpperCase()} FROM ${quoteRole(p.grantee)};`;
