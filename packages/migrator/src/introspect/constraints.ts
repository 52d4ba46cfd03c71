import type {
  CheckConstraint,
  Deferrable,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  ReferentialAction,
  UniqueConstraint,
} from "@platform/schema";
import { normalizeExpression } from "../normalize/expressions.js";
import { type IntrospectContext, readStep, userRelation } from "./context.js";
import { comment, flag, list, opt } from "./optional.js";

interface ExclusionElementRow {
  column: string | null;
  expression: string | null;
  opclass: string | null;
  opclass_default: boolean | null;
  operator: string;
}

interface ConstraintRow {
  rel: string;
  name: string;
  type: "p" | "u" | "c" | "f" | "x";
  keys: string[] | null;
  include: string[] | null;
  nulls_not_distinct: boolean;
  deferrable: boolean;
  deferred: boolean;
  no_inherit: boolean;
  check: string | null;
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
  fk_columns: string[] | null;
  on_update: string;
  on_delete: string;
  match: string;
  exclusion: { using: string; where: string | null; elements: ExclusionElementRow[] } | null;
  comment: string | null;
}

/** The constraints of one table, as the Catalog's Table holds them. */
export interface TableConstraints {
  primaryKey?: PrimaryKey;
  uniques: UniqueConstraint[];
  checks: CheckConstraint[];
  foreignKeys: ForeignKey[];
  exclusions: ExclusionConstraint[];
}

const ACTIONS: Readonly<Record<string, ReferentialAction | undefined>> = {
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

const deferrable = (r: ConstraintRow): Deferrable | null =>
  !r.deferrable ? null : r.deferred ? "deferrable initially deferred" : "deferrable initially immediate";

/** Key columns of the constraint's index (to tell them from INCLUDE columns), `ord` counting from 1. */
const indexColumns = (range: string): string => `(
  SELECT json_agg(a.attname ORDER BY k.ord)
  FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  WHERE ${range})`;

/**
 * PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints of every reported table in one query.
 * NOT NULL constraints (contype `n`, PostgreSQL 18) are skipped: NOT NULL is a column property here.
 * Constraints cloned onto partitions or onto the partitions of a referenced table (conparentid) are skipped.
 */
export const readConstraints = (ctx: IntrospectContext): Promise<Map<string, TableConstraints>> =>
  readStep("constraints", ctx, async () => {
    const nullsNotDistinct = ctx.serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
    const { rows } = await ctx.client.query<ConstraintRow>(
      `SELECT con.conrelid::text AS rel, con.conname AS name, con.contype::text AS type,
              CASE WHEN con.contype IN ('p', 'u') THEN (SELECT ${indexColumns("k.ord <= i.indnkeyatts")}
                FROM pg_catalog.pg_index i WHERE i.indexrelid = con.conindid) END AS keys,
              CASE WHEN con.contype IN ('p', 'u') THEN (SELECT ${indexColumns("k.ord > i.indnkeyatts")}
                FROM pg_catalog.pg_index i WHERE i.indexrelid = con.conindid) END AS include,
              coalesce((SELECT ${nullsNotDistinct} FROM pg_catalog.pg_index i WHERE i.indexrelid = con.conindid
                        AND con.contype = 'u'), false) AS nulls_not_distinct,
              con.condeferrable AS deferrable, con.condeferred AS deferred, con.connoinherit AS no_inherit,
              CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check,
              fn.nspname AS ref_schema, fc.relname AS ref_table,
              CASE WHEN con.contype = 'f' THEN (
                SELECT json_agg(a.attname ORDER BY k.ord)
                FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) END AS ref_columns,
              CASE WHEN con.contype = 'f' THEN (
                SELECT json_agg(a.attname ORDER BY k.ord)
                FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) END AS fk_columns,
              con.confupdtype::text AS on_update, con.confdeltype::text AS on_delete, con.confmatchtype::text AS match,
              CASE WHEN con.contype = 'x' THEN (
                SELECT json_build_object('using', am.amname, 'where', pg_catalog.pg_get_expr(i.indpred, i.indrelid),
                  'elements', (
                    SELECT json_agg(json_build_object(
                      'column', a.attname,
                      'expression', CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END,
                      'opclass', oc.opcname, 'opclass_default', oc.opcdefault, 'operator', op.oprname) ORDER BY k.ord)
                    FROM unnest(i.indkey::int2[], i.indclass::oid[], con.conexclop) WITH ORDINALITY AS k(attnum, opclass, operator, ord)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
                    LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass
                    LEFT JOIN pg_catalog.pg_operator op ON op.oid = k.operator))
                FROM pg_catalog.pg_index i
                JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_catalog.pg_am am ON am.oid = ic.relam
                WHERE i.indexrelid = con.conindid) END AS exclusion,
              dsc.description AS comment
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
       LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = con.oid
         AND dsc.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND dsc.objsubid = 0
       WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conparentid = 0 AND con.conislocal
         AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userRelation("c", "n")}
       ORDER BY con.conrelid, con.conname`,
      [ctx.schemaParam],
    );
    const byTable = new Map<string, TableConstraints>();
    for (const r of rows) {
      const table = byTable.get(r.rel) ?? { uniques: [], checks: [], foreignKeys: [], exclusions: [] };
      addConstraint(table, r);
      byTable.set(r.rel, table);
    }
    return byTable;
  });

const addConstraint = (table: TableConstraints, r: ConstraintRow): void => {
  const common = comment(r.comment);
  switch (r.type) {
    case "p":
      table.primaryKey = { name: r.name, columns: r.keys ?? [], ...list("include", r.include), ...common };
      return;
    case "u":
      table.uniques.push({
        name: r.name,
        columns: r.keys ?? [],
        ...list("include", r.include),
        ...flag("nullsNotDistinct", r.nulls_not_distinct),
        ...opt("deferrable", deferrable(r)),
        ...common,
      });
      return;
    case "c":
      table.checks.push({
        name: r.name,
        expression: normalizeExpression(r.check ?? ""),
        ...flag("noInherit", r.no_inherit),
        ...common,
      });
      return;
    case "f":
      table.foreignKeys.push({
        name: r.name,
        columns: r.fk_columns ?? [],
        references: { schema: r.ref_schema ?? "", table: r.ref_table ?? "", columns: r.ref_columns ?? [] },
        ...opt("onDelete", ACTIONS[r.on_delete]),
        ...opt("onUpdate", ACTIONS[r.on_update]),
        ...opt("match", r.match === "f" ? ("full" as const) : null),
        ...opt("deferrable", deferrable(r)),
        ...common,
      });
      return;
    case "x":
      table.exclusions.push({
        name: r.name,
        using: r.exclusion?.using ?? "gist",
        elements: (r.exclusion?.elements ?? []).map((e) => ({
          ...opt("column", e.column),
          ...opt("expression", e.expression === null ? null : normalizeExpression(e.expression)),
          ...opt("opclass", e.opclass_default ? null : e.opclass),
          operator: e.operator,
        })),
        ...opt("where", r.exclusion?.where ? normalizeExpression(r.exclusion.where) : null),
        ...opt("deferrable", deferrable(r)),
        ...common,
      });
      return;
  }
};
