import type { Schema } from "@platform/schema";
import { type IntrospectContext, queryRows, readStep, userNamespace } from "./context.js";
import { type AclEntry, grantsJson, toGrants, withGrants } from "./grants.js";
import { comment } from "./optional.js";

interface SchemaRow {
  oid: string;
  name: string;
  comment: string | null;
  grants: AclEntry[];
}

/** What PostgreSQL creates `public` with: its comment and PUBLIC's USAGE (and CREATE before 15). */
export const PUBLIC_SCHEMA_COMMENT = "standard public schema";

/** A user schema as read, with its oid (the other queries read the objects of these oids). */
export interface ReadSchema {
  readonly oid: string;
  readonly schema: Schema;
}

/**
 * User schemas with comments and grants. `public` is returned with its out-of-the-box state removed
 * (default comment, PUBLIC's default privileges); whether it is kept at all is decided once every
 * other object is known (see `keepPublicSchema` in index.ts).
 */
export const readSchemas = (ctx: Omit<IntrospectContext, "namespaces">): Promise<ReadSchema[]> =>
  readStep("schemas", ctx, async () => {
    const rows = await queryRows<SchemaRow>(
      ctx,
      `SELECT n.oid::text AS oid, n.nspname AS name, pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
              ${grantsJson("n.nspacl", "n.nspowner", "n")} AS grants
       FROM pg_catalog.pg_namespace n
       WHERE ${userNamespace("n")}
       ORDER BY n.nspname`,
      [ctx.schemaParam],
    );
    return rows.map((r) => {
      const isPublic = r.name === "public";
      const grants = toGrants(
        isPublic ? r.grants.filter((g) => !isDefaultPublicGrant(g, ctx.serverVersion)) : r.grants,
      );
      const text = isPublic && r.comment === PUBLIC_SCHEMA_COMMENT ? null : r.comment;
      return { oid: r.oid, schema: { name: r.name, ...comment(text), ...withGrants(grants) } };
    });
  });

const isDefaultPublicGrant = (g: AclEntry, serverVersion: number): boolean =>
  g.grantee === "PUBLIC" &&
  !g.grantable &&
  (g.privilege === "USAGE" || (serverVersion < 150000 && g.privilege === "CREATE"));
