import { targetId } from "../diff/index.js";
import { roleId, schemaId } from "./ids.js";
import {
  grantDefaultPrivileges,
  grantPrivileges,
  revokeDefaultPrivileges,
  revokePrivileges,
} from "./statements-grants.js";
import type { Planner } from "./step.js";

/** Grants join whatever migration they follow (`transactional: "any"`): they take no lock worth isolating. */
export const planGrantAdd: Planner<"grant.add"> = (c) => [
  {
    description: `grant ${c.privileges.join(", ")} on ${targetId(c.target)} to ${c.grantee}`,
    statements: [grantPrivileges(c.target, c.grantee, c.privileges, c.withGrantOption)],
    transactional: "any",
    needs: [targetId(c.target), roleId(c.grantee)],
  },
];

export const planGrantRevoke: Planner<"grant.revoke"> = (c) => [
  {
    description: `revoke ${c.privileges.join(", ")} on ${targetId(c.target)} from ${c.grantee}`,
    statements: [revokePrivileges(c.target, c.grantee, c.privileges)],
    transactional: "any",
    needs: [targetId(c.target)],
    releases: [roleId(c.grantee)],
  },
];

export const planDefaultPrivilegeGrant: Planner<"default-privilege.grant"> = ({ privilege: p }) => [
  {
    description: `default privileges ${p.privileges.join(", ")} on ${p.objectType} in ${p.schema} to ${p.grantee}`,
    statements: [grantDefaultPrivileges(p)],
    transactional: "any",
    needs: [schemaId(p.schema), roleId(p.grantee), ...(p.forRole ? [roleId(p.forRole)] : [])],
  },
];

export const planDefaultPrivilegeRevoke: Planner<"default-privilege.revoke"> = ({ privilege: p }) => [
  {
    description: `revoke default privileges ${p.privileges.join(", ")} on ${p.objectType} in ${p.schema} from ${p.grantee}`,
    statements: [revokeDefaultPrivileges(p)],
    transactional: "any",
    needs: [schemaId(p.schema)],
    releases: [roleId(p.grantee), ...(p.forRole ? [roleId(p.forRole)] : [])],
  },
];
