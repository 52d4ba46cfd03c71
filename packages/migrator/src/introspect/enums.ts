import type { EnumType } from "@platform/schema";
import { type IntrospectContext, inUserSchema, notExtensionMember, queryRows, readStep } from "./context.js";
import { comment } from "./optional.js";

interface EnumRow {
  schema: string;
  name: string;
  values: string[] | null;
  comment: string | null;
}

/** Enum types with their labels in declaration order (`enumsortorder`, which ADD VALUE BEFORE keeps). */
export const readEnums = (ctx: IntrospectContext): Promise<EnumType[]> =>
  readStep("enums", ctx, async () => {
    const rows = await queryRows<EnumRow>(
      ctx,
      `SELECT n.nspname AS schema, t.typname AS name,
              (SELECT json_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS values,
              pg_catalog.obj_description(t.oid, 'pg_type') AS comment
       FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       WHERE t.typtype = 'e' AND ${inUserSchema("t.typnamespace")} AND ${notExtensionMember("pg_type", "t.oid")}
       ORDER BY n.nspname, t.typname`,
      [ctx.namespaces],
    );
    return rows.map((r) => ({ schema: r.schema, name: r.name, values: r.values ?? [], ...comment(r.comment) }));
  });
