import { alterRole, createRole, dropRole, grantRoleMembership, revokeRoleMembership } from "../sql/roles.js";
import { roleId } from "./ids.js";
import type { Planner } from "./step.js";

export const planRoleCreate: Planner<"role.create"> = ({ role }) => [
  {
    description: `create role ${role.name}`,
    statements: [createRole(role), ...(role.memberOf ?? []).map((group) => grantRoleMembership(role.name, group))],
    creates: [roleId(role.name)],
    needs: (role.memberOf ?? []).map(roleId),
  },
];

export const planRoleDrop: Planner<"role.drop"> = ({ role }) => [
  {
    description: `drop role ${role.name}`,
    statements: [dropRole(role)],
    drops: [roleId(role.name)],
    releases: (role.memberOf ?? []).map(roleId),
  },
];

export const planRoleAlter: Planner<"role.alter"> = ({ from, to }) => {
  const before = from.memberOf ?? [];
  const after = to.memberOf ?? [];
  const joined = after.filter((g) => !before.includes(g));
  const left = before.filter((g) => !after.includes(g));
  return [
    {
      description: `alter role ${to.name}`,
      statements: [
        alterRole(to),
        ...left.map((group) => revokeRoleMembership(to.name, group)),
        ...joined.map((group) => grantRoleMembership(to.name, group)),
      ],
      needs: [roleId(to.name), ...joined.map(roleId)],
      releases: left.map(roleId),
    },
  ];
};
