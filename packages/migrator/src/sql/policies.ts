import type { Policy, QualifiedName } from "@platform/schema";
import { quoteIdent, quoteQualified, quoteRole } from "./quote.js";

export const enableRowLevelSecurity = (table: QualifiedName): string =>
  `ALTER TABLE ${quoteQualified(table)} ENABLE ROW LEVEL SECURITY;`;

export const disableRowLevelSecurity = (table: QualifiedName): string =>
  `ALTER TABLE ${quoteQualified(table)} DISABLE ROW LEVEL SECURITY;`;

/** FORCE makes the policies apply to the table's owner too. */
export const forceRowLevelSecurity = (table: QualifiedName): string =>
  `ALTER TABLE ${quoteQualified(table)} FORCE ROW LEVEL SECURITY;`;

export const noForceRowLevelSecurity = (table: QualifiedName): string =>
  `ALTER TABLE ${quoteQualified(table)} NO FORCE ROW LEVEL SECURITY;`;

/** The statements that put a table in the Catalog's RLS state (from the default: disabled). */
export const rowLevelSecurity = (
  table: QualifiedName & { readonly rowLevelSecurity?: "enabled" | "forced" },
): string[] =>
  table.rowLevelSecurity === undefined
    ? []
    : table.rowLevelSecurity === "forced"
      ? [enableRowLevelSecurity(table), forceRowLevelSecurity(table)]
      : [enableRowLevelSecurity(table)];

const rolesClause = (roles: readonly string[] | undefined): string =>
  roles && roles.length > 0 ? roles.map(quoteRole).join(", ") : "PUBLIC";

/**
 * Every clause is written out (AS PERMISSIVE, FOR ALL, TO PUBLIC), so a policy reads the same whatever
 * the defaults.
 *
 * @example
 * createPolicy({ schema: "data_platform", name: "events" }, { name: "events_owner", roles: ["app_role"], using: "user_id = current_setting('app.current_user_id')::bigint" })
 * // CREATE POLICY events_owner ON data_platform.events AS PERMISSIVE FOR ALL TO app_role USING (user_id = current_setting('app.current_user_id')::bigint);
 */
export const createPolicy = (table: QualifiedName, policy: Policy): string =>
  `CREATE POLICY ${quoteIdent(policy.name)} ON ${quoteQualified(table)} AS ${
    policy.restrictive ? "RESTRICTIVE" : "PERMISSIVE"
  } FOR ${(policy.command ?? "all").toUpperCase()} TO ${rolesClause(policy.roles)}${
    policy.using !== undefined ? ` USING (${policy.using})` : ""
  }${policy.withCheck !== undefined ? ` WITH CHECK (${policy.withCheck})` : ""};`;

/**
 * Changes roles and expressions in place. PERMISSIVE/RESTRICTIVE and the command cannot be altered:
 * drop and create the policy for those. An expression the Catalog omits is left as it is (ALTER POLICY
 * cannot remove one), which is why removing USING or WITH CHECK also needs drop and create.
 */
export const alterPolicy = (table: QualifiedName, policy: Policy): string =>
  `ALTER POLICY ${quoteIdent(policy.name)} ON ${quoteQualified(table)} TO ${rolesClause(policy.roles)}${
    policy.using !== undefined ? ` USING (${policy.using})` : ""
  }${policy.withCheck !== undefined ? ` WITH CHECK (${policy.withCheck})` : ""};`;

export const renamePolicy = (table: QualifiedName, from: string, to: string): string =>
  `ALTER POLICY ${quoteIdent(from)} ON ${quoteQualified(table)} RENAME TO ${quoteIdent(to)};`;

export const dropPolicy = (table: QualifiedName, name: string): string =>
  `DROP POLICY ${quoteIdent(name)} ON ${quoteQualified(table)};`;
