import { compareKeys, type Role } from "@platform/schema";
import { type IntrospectContext, queryRows, readStep } from "./context.js";
import { comment, flag, list } from "./optional.js";

interface RoleRow {
  name: string;
  login: boolean;
  inherit: boolean;
  bypass_rls: boolean;
  member_of: string[];
  comment: string | null;
}

/**
 * Every role that is not a superuser and not predefined (`pg_*`); `index.ts` keeps only the ones the
 * Catalog names (in grants, policies, default privileges) and the groups they belong to, because roles
 * are cluster-wide and a database must not report every role of the cluster.
 */
export const readRoles = (ctx: IntrospectContext): Promise<Role[]> =>
  readStep("roles", ctx, async () => {
    const rows = await queryRows<RoleRow>(
      ctx,
      `SELECT r.rolname AS name, r.rolcanlogin AS login, r.rolinherit AS inherit, r.rolbypassrls AS bypass_rls,
              coalesce((SELECT json_agg(g.rolname::text) FROM pg_catalog.pg_auth_members m
                        JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                        WHERE m.member = r.oid AND NOT g.rolsuper AND g.rolname !~ '^pg_'), '[]'::json) AS member_of,
              pg_catalog.shobj_description(r.oid, 'pg_authid') AS comment
       FROM pg_catalog.pg_roles r
       WHERE NOT r.rolsuper AND r.rolname !~ '^pg_'
       ORDER BY r.rolname`,
    );
    return rows.map((r) => ({
      name: r.name,
      ...flag("login", r.login),
      // stated either way: PostgreSQL defaults to INHERIT, the Catalog to false, so both are explicit
      inherit: r.inherit,
      ...flag("bypassRls", r.bypass_rls),
      ...list("memberOf", [...new Set(r.member_of)].sort(compareKeys)),
      ...comment(r.comment),
    }));
  });
