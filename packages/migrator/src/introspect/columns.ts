import type { Column, QualifiedName } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
import { opt } from "./optional.js";

interface ColumnRow {
  rel: string;
  kind: string;
  attnum: number;
  name: string;
  attcollation: string;
  type: string;
  not_null: boolean;
  default: string | null;
  generated: string | null;
  identity: string;
  identity_sequence: { start: string; increment: string } | null;
  collation: QualifiedName | null;
  comment: string | null;
}

/** A column by relation oid and attnum: what index, constraint and trigger keys (attnum arrays) name. */
export type Attributes = Map<string, Map<number, { readonly name: string; readonly collation: string }>>;

export interface ReadColumns {
  /** Catalog columns by relation oid, in attnum order */
  readonly byTable: ReadonlyMap<string, Column[]>;
  readonly attributes: Attributes;
}

/**
 * PostgreSQL 18 adds VIRTUAL generated columns (attgenerated `v`); the Catalog models STORED ones only,
 * so a virtual column is reported as `generated` too (and would be re-created STORED).
 *
 * Columns of every reported table, view and materialized view, in attnum order, keyed by relation oid.
 * Partitions are skipped: their columns are the parent's. Types are `format_type` under the empty
 * search_path set by the session. View columns carry only name, type and comment (see `assembleViews`).
 * Defaults are deparsed without their relation (`pg_get_expr(adbin, 0)`): a default cannot name a
 * column, and deparsing against the relation would open every table (a relcache build per table on a
 * fresh connection). Generation expressions do name columns and are deparsed against their table.
 */
export const readColumns = (ctx: IntrospectContext): Promise<ReadColumns> =>
  readStep("columns", ctx, async () => {
    const rows = await queryRows<ColumnRow>(
      ctx,
      `SELECT a.attrelid::text AS rel, c.relkind::text AS kind, a.attnum::int AS attnum, a.attname AS name,
              a.attcollation::text AS attcollation, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null,
              CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS default,
              CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
              a.attidentity::text AS identity,
              CASE WHEN a.attidentity <> '' THEN (
                SELECT json_build_object('start', s.seqstart::text, 'increment', s.seqincrement::text)
                FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
                WHERE d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = a.attrelid
                  AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                  AND d.refobjsubid = a.attnum AND d.deptype = 'i' LIMIT 1) END AS identity_sequence,
              CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN (
                SELECT json_build_object('schema', cn.nspname, 'name', co.collname)
                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                WHERE co.oid = a.attcollation) END AS collation,
              dsc.description AS comment
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = a.attrelid
         AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = a.attnum
       WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
         AND ${userRelation("c")}
       ORDER BY a.attrelid, a.attnum`,
      [ctx.namespaces],
    );
    const byTable = new Map<string, Column[]>();
    const attributes: Attributes = new Map();
    for (const r of rows) {
      let columns = byTable.get(r.rel);
      let names = attributes.get(r.rel);
      if (columns === undefined || names === undefined) {
        columns = [];
        names = new Map();
        byTable.set(r.rel, columns);
        attributes.set(r.rel, names);
      }
      columns.push(toColumn(r));
      names.set(r.attnum, { name: r.name, collation: r.attcollation });
    }
    return { byTable, attributes };
  });

const toColumn = (r: ColumnRow): Column => {
  const identity =
    r.identity === "a" || r.identity === "d"
      ? {
          generation: r.identity === "a" ? ("always" as const) : ("by default" as const),
          ...opt("start", r.identity_sequence && r.identity_sequence.start !== "1" ? r.identity_sequence.start : null),
          ...opt(
            "increment",
            r.identity_sequence && r.identity_sequence.increment !== "1" ? r.identity_sequence.increment : null,
          ),
        }
      : null;
  // Built field by field rather than from spread helpers: this runs once per column of the database.
  const column: Column = { name: r.name, type: r.type };
  if (r.not_null) column.notNull = true;
  if (r.default !== null) column.default = normalizeExpression(r.default);
  if (identity !== null) column.identity = identity;
  if (r.generated !== null) column.generated = normalizeExpression(r.generated);
  if (r.collation !== null) column.collation = r.collation;
  if (r.comment !== null && r.comment !== "") column.comment = r.comment;
  return column;
};
