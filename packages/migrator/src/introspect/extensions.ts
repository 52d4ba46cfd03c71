import type { Extension } from "@platform/schema";
import { type IntrospectContext, queryRows, readStep } from "./context.js";
import { comment } from "./optional.js";

interface ExtensionRow {
  name: string;
  schema: string;
  comment: string | null;
  default_comment: string | null;
}

/**
 * Installed extensions except `plpgsql` (always present). The comment is reported only when someone
 * changed it from the one the extension ships with, which no declaration states.
 * Extensions are not filtered by the schema list: they are database-wide.
 */
export const readExtensions = (ctx: Omit<IntrospectContext, "namespaces">): Promise<Extension[]> =>
  readStep("extensions", ctx, async () => {
    const rows = await queryRows<ExtensionRow>(
      ctx,
      `SELECT e.extname AS name, n.nspname AS schema,
              pg_catalog.obj_description(e.oid, 'pg_extension') AS comment,
              (SELECT a.comment FROM pg_catalog.pg_available_extensions a WHERE a.name = e.extname) AS default_comment
       FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname <> 'plpgsql'
       ORDER BY e.extname`,
    );
    return rows.map((r) => ({
      name: r.name,
      schema: r.schema,
      ...(r.comment !== r.default_comment ? comment(r.comment) : {}),
    }));
  });
