import type { Index, IndexElement, QualifiedName } from "@platform/schema";
import { normalizeExpression } from "../normalize/expressions.js";
import { type IntrospectContext, readStep, userRelation } from "./context.js";
import { comment, flag, list, opt } from "./optional.js";

interface IndexKeyRow {
  ord: number;
  attnum: number;
  column: string | null;
  expression: string | null;
  opclass: string | null;
  opclass_default: boolean | null;
  collation: QualifiedName | null;
  option: number | null;
}

interface IndexRow {
  rel: string;
  name: string;
  method: string;
  unique: boolean;
  nulls_not_distinct: boolean;
  key_count: number;
  keys: IndexKeyRow[];
  where: string | null;
  definition: string;
  options: string[] | null;
  comment: string | null;
}

/** pg_index.indoption bits */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/**
 * Indexes of tables and materialized views, keyed by relation oid. Left out: indexes that back a
 * PRIMARY KEY / UNIQUE / EXCLUDE constraint (they are the constraint) and indexes of partitions (the
 * partitioned parent's index stands for them).
 */
export const readIndexes = (ctx: IntrospectContext): Promise<Map<string, Index[]>> =>
  readStep("indexes", ctx, async () => {
    const nullsNotDistinct = ctx.serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
    const { rows } = await ctx.client.query<IndexRow>(
      `SELECT i.indrelid::text AS rel, ic.relname AS name, am.amname AS method, i.indisunique AS unique,
              ${nullsNotDistinct} AS nulls_not_distinct, i.indnkeyatts::int AS key_count,
              (SELECT json_agg(json_build_object(
                  'ord', k.ord, 'attnum', k.attnum, 'column', a.attname,
                  'expression', CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END,
                  'opclass', oc.opcname, 'opclass_default', oc.opcdefault, 'option', k.opt,
                  'collation', CASE WHEN k.coll IS NOT NULL AND k.coll <> 0
                                     AND k.coll <> coalesce(a.attcollation, 100::oid) THEN
                    (SELECT json_build_object('schema', cn.nspname, 'name', co.collname)
                     FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                     WHERE co.oid = k.coll) END) ORDER BY k.ord)
               FROM unnest(i.indkey::int2[], i.indclass::oid[], i.indcollation::oid[], i.indoption::int2[])
                    WITH ORDINALITY AS k(attnum, opclass, coll, opt, ord)
               LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
               LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass) AS keys,
              pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS where,
              CASE WHEN i.indexprs IS NOT NULL THEN pg_catalog.pg_get_indexdef(i.indexrelid) ELSE '' END AS definition,
              to_json(ic.reloptions) AS options,
              dsc.description AS comment
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_catalog.pg_am am ON am.oid = ic.relam
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = i.indexrelid
         AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = 0
       WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition AND ${userRelation("c", "n")}
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                         WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
       ORDER BY i.indrelid, ic.relname`,
      [ctx.schemaParam],
    );
    const byRelation = new Map<string, Index[]>();
    for (const r of rows) {
      const indexes = byRelation.get(r.rel) ?? [];
      indexes.push(toIndex(r));
      byRelation.set(r.rel, indexes);
    }
    return byRelation;
  });

const toElement = (k: IndexKeyRow): IndexElement => {
  const option = k.option ?? 0;
  const desc = (option & INDOPTION_DESC) !== 0;
  const nullsFirst = (option & INDOPTION_NULLS_FIRST) !== 0;
  // ASC defaults to NULLS LAST and DESC to NULLS FIRST: only the other choice is stated.
  const nulls = nullsFirst === desc ? null : nullsFirst ? ("first" as const) : ("last" as const);
  return {
    ...opt("column", k.attnum !== 0 ? k.column : null),
    ...opt("expression", k.attnum === 0 && k.expression !== null ? normalizeExpression(k.expression) : null),
    ...opt("opclass", k.opclass_default ? null : k.opclass),
    ...opt("collation", k.collation),
    ...opt("order", desc ? ("desc" as const) : null),
    ...opt("nulls", nulls),
  };
};

/** `{"lists=100", "fillfactor=70"}` → `{ fillfactor: "70", lists: "100" }` (sorted keys). */
export const storageParameters = (options: readonly string[] | null): Record<string, string> | null => {
  if (options === null || options.length === 0) return null;
  const entries = options.map((o) => {
    const at = o.indexOf("=");
    return [o.slice(0, at), o.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

const collateCount = (text: string): number => (text.match(/\bCOLLATE\b/gi) ?? []).length;

/**
 * indcollation holds an expression key's collation even when it only comes from inside the expression
 * (`lower(email COLLATE "C")`); PostgreSQL prints a COLLATE clause for the key only when it differs from
 * the expression's own. The full definition tells which case it is: more COLLATE clauses than the key
 * expressions contain means explicit key collations.
 */
const withoutImplicitCollations = (r: IndexRow, keys: readonly IndexKeyRow[]): IndexKeyRow[] => {
  const insideExpressions = keys.reduce((n, k) => n + collateCount(k.expression ?? ""), 0);
  const explicit = collateCount(r.definition) - insideExpressions - collateCount(r.where ?? "");
  return keys.map((k) => (k.attnum === 0 && explicit <= 0 ? { ...k, collation: null } : k));
};

const toIndex = (r: IndexRow): Index => {
  const keys = withoutImplicitCollations(
    r,
    r.keys.filter((k) => k.ord <= r.key_count),
  );
  const include = r.keys.filter((k) => k.ord > r.key_count).map((k) => k.column ?? "");
  return {
    name: r.name,
    ...opt("method", r.method === "btree" ? null : (r.method as Index["method"])),
    ...flag("unique", r.unique),
    ...flag("nullsNotDistinct", r.nulls_not_distinct),
    elements: keys.map(toElement),
    ...list("include", include),
    ...opt("where", r.where === null ? null : normalizeExpression(r.where)),
    ...opt("with", storageParameters(r.options)),
    ...comment(r.comment),
  };
};
