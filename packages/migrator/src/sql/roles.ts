import type { Role } from "@platform/schema";
import { dollarQuote, quoteIdent, quoteLiteral } from "./quote.js";

/** Attributes as the Catalog states them; omitted booleans are false (the Catalog's convention). */
const roleOptions = (role: Role): string =>
  [
    role.login ? "LOGIN" : "NOLOGIN",
    role.inherit ? "INHERIT" : "NOINHERIT",
    ...(role.bypassRls ? ["BYPASSRLS"] : []),
  ].join(" ");

/**
 * Roles are cluster-wide: another database on the same server may have created the role already, so
 * creation checks `pg_roles` first instead of failing, and tolerates a concurrent session creating it first.
 *
 * @example
 * createRole({ name: "app_role", inherit: true })
 * // DO $role$
 * // BEGIN
 * //   IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_role') THEN
 * //     CREATE ROLE app_role NOLOGIN INHERIT;
 * //   END IF;
 * // EXCEPTION WHEN duplicate_object OR unique_violation THEN
 * //   NULL;
 * // END
 * // $role$;
 */
export const createRole = (role: Role): string => {
  const body = [
    "",
    "BEGIN",
    `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(role.name)}) THEN`,
    `    CREATE ROLE ${quoteIdent(role.name)} ${roleOptions(role)};`,
    "  END IF;",
    // two sessions creating the same role at once: the loser sees unique_violation on pg_authid
    "EXCEPTION WHEN duplicate_object OR unique_violation THEN",
    "  NULL;",
    "END",
    "",
  ].join("\n");
  return `DO ${dollarQuote(body, "role")};`;
};

/** Sets the attributes of an existing role to the Catalog's. */
export const alterRole = (role: Role): string => `ALTER ROLE ${quoteIdent(role.name)} ${roleOptions(role)};`;

export const grantRoleMembership = (member: string, group: string): string =>
  `GRANT ${quoteIdent(group)} TO ${quoteIdent(member)};`;

export const revokeRoleMembership = (member: string, group: string): string =>
  `REVOKE ${quoteIdent(group)} FROM ${quoteIdent(member)};`;

export const dropRole = (role: Pick<Role, "name">): string => `DROP ROLE IF EXISTS ${quoteIdent(role.name)};`;
