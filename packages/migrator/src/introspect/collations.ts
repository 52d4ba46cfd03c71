import type { Collation } from "@platform/schema";
import { type IntrospectContext, inUserSchema, notExtensionMember, queryRows, readStep } from "./context.js";
import { comment } from "./optional.js";

interface CollationRow {
  schema: string;
  name: string;
  provider: string;
  locale: string | null;
  deterministic: boolean;
  comment: string | null;
}

const PROVIDERS: Readonly<Record<string, Collation["provider"]>> = { i: "icu", c: "libc", b: "builtin" };

/** Where the locale lives moved: ICU's was in collcollate (14), colliculocale (15–16), colllocale (17+). */
const localeColumn = (serverVersion: number): string =>
  serverVersion >= 170000
    ? "coalesce(c.colllocale, c.collcollate)"
    : serverVersion >= 150000
      ? "coalesce(c.colliculocale, c.collcollate)"
      : "c.collcollate";

export const readCollations = (ctx: IntrospectContext): Promise<Collation[]> =>
  readStep("collations", ctx, async () => {
    const rows = await queryRows<CollationRow>(
      ctx,
      `SELECT n.nspname AS schema, c.collname AS name, c.collprovider::text AS provider,
              ${localeColumn(ctx.serverVersion)} AS locale, c.collisdeterministic AS deterministic,
              pg_catalog.obj_description(c.oid, 'pg_collation') AS comment
       FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
       WHERE ${inUserSchema("c.collnamespace")} AND ${notExtensionMember("pg_collation", "c.oid")}
       ORDER BY n.nspname, c.collname`,
      [ctx.namespaces],
    );
    return rows.flatMap((r) => {
      const provider = PROVIDERS[r.provider];
      if (provider === undefined) return [];
      return [
        {
          schema: r.schema,
          name: r.name,
          provider,
          locale: r.locale ?? "",
          deterministic: r.deterministic,
          ...comment(r.comment),
        },
      ];
    });
  });
