/**
 * The two NOLOGIN group roles of the source documents and what they may touch. Services log in as their
 * own LOGIN roles that are members of `app_role`; dashboards and analysts as members of `readonly_role`.
 * The role running migrations owns every object, so it is never subject to row level security.
 */
import { defaultPrivileges, type GrantSpec, grant, role } from "../dsl/factories.js";

export const appRole = role("app_role", {
  comment: "Group role of the platform services: read/write on every table, subject to row level security",
});

export const readonlyRole = role("readonly_role", {
  comment: "Group role for dashboards and reporting: SELECT only, subject to row level security",
});

/** USAGE on a schema for both roles. */
export const schemaUsage: readonly GrantSpec[] = [grant(appRole, ["USAGE"]), grant(readonlyRole, ["USAGE"])];

/** The usual table grants: services read and write, readers read. */
export const tableAccess: readonly GrantSpec[] = [
  grant(appRole, ["SELECT", "INSERT", "UPDATE", "DELETE"]),
  grant(readonlyRole, ["SELECT"]),
];

/** Append-only tables (events, logs, metrics): services insert and read, nobody rewrites history. */
export const appendOnlyAccess: readonly GrantSpec[] = [
  grant(appRole, ["SELECT", "INSERT"]),
  grant(readonlyRole, ["SELECT"]),
];

/** Views and materialized views. */
export const viewAccess: readonly GrantSpec[] = [grant(appRole, ["SELECT"]), grant(readonlyRole, ["SELECT"])];

/**
 * Default privileges so tables, sequences and functions added by later migrations (by the role that runs
 * them) are usable without a grant of their own.
 */
export const defaultPrivilegesIn = (schema: string) => [
  defaultPrivileges({ schema, on: "tables", to: appRole, privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] }),
  defaultPrivileges({ schema, on: "tables", to: readonlyRole, privileges: ["SELECT"] }),
  defaultPrivileges({ schema, on: "sequences", to: appRole, privileges: ["USAGE", "SELECT"] }),
  defaultPrivileges({ schema, on: "sequences", to: readonlyRole, privileges: ["SELECT"] }),
  defaultPrivileges({ schema, on: "functions", to: appRole, privileges: ["EXECUTE"] }),
  defaultPrivileges({ schema, on: "functions", to: readonlyRole, privileges: ["EXECUTE"] }),
];
