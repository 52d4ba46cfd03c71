import type { GrantTarget } from "../diff/index.js";
import { grant, revoke, type GrantTarget as SqlGrantTarget } from "../sql/grants.js";

export {
  grantDefaultPrivilege as grantDefaultPrivileges,
  revokeDefaultPrivilege as revokeDefaultPrivileges,
} from "../sql/grants.js";

/** The diff's grant target as the SQL emitter names it. */
const sqlTarget = (t: GrantTarget): SqlGrantTarget => {
  switch (t.type) {
    case "schema":
      return { kind: "schema", name: t.name };
    case "table":
      return { kind: "table", table: { schema: t.schema, name: t.name } };
    case "sequence":
      return { kind: "sequence", sequence: { schema: t.schema, name: t.name } };
    case "function":
      return { kind: "function", fn: { schema: t.schema, name: t.name, args: t.args.map((type) => ({ type })) } };
  }
};

export const grantPrivileges = (
  target: GrantTarget,
  grantee: string,
  privileges: readonly string[],
  withGrantOption: boolean,
): string =>
  grant(sqlTarget(target), { grantee, privileges: [...privileges], ...(withGrantOption ? { withGrantOption } : {}) });

export const revokePrivileges = (target: GrantTarget, grantee: string, privileges: readonly string[]): string =>
  revoke(sqlTarget(target), { grantee, privileges: [...privileges] });
