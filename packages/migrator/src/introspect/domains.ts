import type { CheckConstraint, Domain, QualifiedName } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import { type IntrospectContext, inUserSchema, notExtensionMember, queryRows, readStep } from "./context.js";
import { comment, flag, list, opt } from "./optional.js";

interface DomainRow {
  schema: string;
  name: string;
  type: string;
  not_null: boolean;
  default: string | null;
  collation: QualifiedName | null;
  checks: { name: string; definition: string; comment: string | null }[] | null;
  comment: string | null;
}

/** `CHECK ((VALUE > 0)) NOT VALID` → `VALUE > 0`. */
export const checkExpression = (definition: string): string => {
  const match = /^CHECK\s*\(([\s\S]*)\)(\s+NO INHERIT)?(\s+NOT VALID)?$/.exec(definition.trim());
  return normalizeExpression(match ? (match[1] as string) : definition);
};

export const readDomains = (ctx: IntrospectContext): Promise<Domain[]> =>
  readStep("domains", ctx, async () => {
    const rows = await queryRows<DomainRow>(
      ctx,
      `SELECT n.nspname AS schema, t.typname AS name,
              pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type,
              t.typnotnull AS not_null,
              pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default,
              CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN
                (SELECT json_build_object('schema', cn.nspname, 'name', co.collname)
                 FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                 WHERE co.oid = t.typcollation) END AS collation,
              (SELECT json_agg(json_build_object('name', c.conname, 'definition', pg_catalog.pg_get_constraintdef(c.oid),
                                                 'comment', pg_catalog.obj_description(c.oid, 'pg_constraint')) ORDER BY c.conname)
               FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS checks,
              pg_catalog.obj_description(t.oid, 'pg_type') AS comment
       FROM pg_catalog.pg_type t
       JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
       WHERE t.typtype = 'd' AND ${inUserSchema("t.typnamespace")} AND ${notExtensionMember("pg_type", "t.oid")}
       ORDER BY n.nspname, t.typname`,
      [ctx.namespaces],
    );
    return rows.map((r) => {
      const checks: CheckConstraint[] = (r.checks ?? []).map((c) => ({
        name: c.name,
        expression: checkExpression(c.definition),
        ...comment(c.comment),
      }));
      return {
        schema: r.schema,
        name: r.name,
        type: r.type,
        ...flag("notNull", r.not_null),
        ...opt("default", r.default === null ? null : normalizeExpression(r.default)),
        ...opt("collation", r.collation),
        ...list("checks", checks),
        ...comment(r.comment),
      };
    });
  });
