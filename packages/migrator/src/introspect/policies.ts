import { compareKeys, type Policy } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
import { comment, flag, opt } from "./optional.js";

interface PolicyRow {
  rel: string;
  name: string;
  permissive: boolean;
  command: string;
  roles: string[] | null;
  using: string | null;
  with_check: string | null;
  comment: string | null;
}

const COMMANDS: Readonly<Record<string, Policy["command"] | undefined>> = {
  r: "select",
  a: "insert",
  w: "update",
  d: "delete",
};

/** Row-level security policies, keyed by table oid. A policy `TO PUBLIC` (only) has no `roles`. */
export const readPolicies = (ctx: IntrospectContext): Promise<Map<string, Policy[]>> =>
  readStep("policies", ctx, async () => {
    const rows = await queryRows<PolicyRow>(
      ctx,
      `SELECT p.polrelid::text AS rel, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
              (SELECT json_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r)::text END)
               FROM unnest(p.polroles) AS r) AS roles,
              pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using,
              pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
              pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
       FROM pg_catalog.pg_policy p
       JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT c.relispartition AND ${userRelation("c")}
       ORDER BY p.polrelid, p.polname`,
      [ctx.namespaces],
    );
    const byTable = new Map<string, Policy[]>();
    for (const r of rows) {
      const policies = byTable.get(r.rel) ?? [];
      // PostgreSQL keeps PUBLIC alone (`TO PUBLIC, app_role` is stored as PUBLIC), which is the default
      const all = [...(r.roles ?? [])].sort(compareKeys);
      const roles = all.includes("PUBLIC") ? [] : all;
      policies.push({
        name: r.name,
        ...flag("restrictive", !r.permissive),
        ...opt("command", COMMANDS[r.command]),
        ...(roles.length > 0 ? { roles } : {}),
        ...opt("using", r.using === null ? null : normalizeExpression(r.using)),
        ...opt("withCheck", r.with_check === null ? null : normalizeExpression(r.with_check)),
        ...comment(r.comment),
      });
      byTable.set(r.rel, policies);
    }
    return byTable;
  });
