import type {
  CheckConstraint,
  Deferrable,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  ReferentialAction,
  UniqueConstraint,
} from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import type { Attributes } from "./columns.js";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
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
  /** pg_index.indkey of a PRIMARY KEY / UNIQUE constraint's index, and its key count (the rest are INCLUDE) */
  index_attnums: number[] | null;
  index_key_count: number | null;
  nulls_not_distinct: boolean;
  deferrable: boolean;
  deferred: boolean;
  no_inherit: boolean;
  check: string | null;
  ref_rel: string | null;
  ref_schema: string | null;
  ref_table: string | null;
  /** conkey and confkey of a foreign key */
  fk_attnums: number[] | null;
  ref_attnums: number[] | null;
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

/**
 * PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints of every reported table in one query.
 * NOT NULL constraints (contype `n`, PostgreSQL 18) are skipped: NOT NULL is a column property here.
 * Constraints cloned onto partitions or onto the partitions of a referenced table (conparentid) are skipped.
 */
export const readConstraints = (
  ctx: IntrospectContext,
  attributes: () => Promise<Attributes>,
): Promise<Map<string, TableConstraints>> =>
  readStep("constraints", ctx, async () => {
    const nullsNotDistinct = ctx.serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
    const rows = await queryRows<ConstraintRow>(
      ctx,
      `SELECT con.conrelid::text AS rel, con.conname AS name, con.contype::text AS type,
              CASE WHEN con.contype IN ('p', 'u') THEN to_json(i.indkey::int2[]) END AS index_attnums,
              CASE WHEN con.contype IN ('p', 'u') THEN i.indnkeyatts::int END AS index_key_count,
              coalesce(con.contype = 'u' AND ${nullsNotDistinct}, false) AS nulls_not_distinct,
              con.condeferrable AS deferrable, con.condeferred AS deferred, con.connoinherit AS no_inherit,
              CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check,
              CASE WHEN con.contype = 'f' THEN con.confrelid::text END AS ref_rel,
              fn.nspname AS ref_schema, fc.relname AS ref_table,
              CASE WHEN con.contype = 'f' THEN to_json(con.conkey) END AS fk_attnums,
              CASE WHEN con.contype = 'f' THEN to_json(con.confkey) END AS ref_attnums,
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
                FROM pg_catalog.pg_class ic
                JOIN pg_catalog.pg_am am ON am.oid = ic.relam
                WHERE ic.oid = i.indexrelid) END AS exclusion,
              dsc.description AS comment
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
       LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x')
       LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
       LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = con.oid
         AND dsc.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND dsc.objsubid = 0
       WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conparentid = 0 AND con.conislocal
         AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userRelation("c")}
       ORDER BY con.conrelid, con.conname`,
      [ctx.namespaces],
    );
    const names = await referencedColumnNames(ctx, rows, await attributes());
    const byTable = new Map<string, TableConstraints>();
    for (const r of rows) {
      const table = byTable.get(r.rel) ?? { uniques: [], checks: [], foreignKeys: [], exclusions: [] };
      addConstraint(table, r, names);
      byTable.set(r.rel, table);
    }
    return byTable;
  });

/** Column names for `attnums` of relation `rel`, in order (attnums a relation does not have are skipped). */
type ColumnNames = (rel: string, attnums: readonly number[] | null) => string[];

/**
 * Names for the attnums the constraints hold: from the columns already read, and for a foreign key that
 * references a relation outside them (another schema than the ones asked for) from one more query.
 */
const referencedColumnNames = async (
  ctx: IntrospectContext,
  rows: readonly ConstraintRow[],
  attributes: Attributes,
): Promise<ColumnNames> => {
  const missing = [
    ...new Set(rows.flatMap((r) => (r.ref_rel !== null && !attributes.has(r.ref_rel) ? [r.ref_rel] : []))),
  ];
  const more: Attributes = new Map();
  if (missing.length > 0) {
    const found = await queryRows<{ rel: string; attnum: number; name: string }>(
      ctx,
      `SELECT a.attrelid::text AS rel, a.attnum::int AS attnum, a.attname AS name FROM pg_catalog.pg_attribute a
       WHERE a.attrelid = ANY ($1::pg_catalog.oid[]) AND a.attnum > 0 AND NOT a.attisdropped`,
      [missing],
    );
    for (const f of found) {
      const columns = more.get(f.rel) ?? new Map();
      columns.set(f.attnum, { name: f.name, collation: "0" });
      more.set(f.rel, columns);
    }
  }
  return (rel, attnums) => {
    const columns = attributes.get(rel) ?? more.get(rel);
    return (attnums ?? []).flatMap((n) => {
      const name = columns?.get(n)?.name;
      return name === undefined ? [] : [name];
    });
  };
};

const addConstraint = (table: TableConstraints, r: ConstraintRow, names: ColumnNames): void => {
  const common = comment(r.comment);
  const indexKeys = r.index_attnums ?? [];
  const keyCount = r.index_key_count ?? indexKeys.length;
  const keys = () => names(r.rel, indexKeys.slice(0, keyCount));
  const include = () => names(r.rel, indexKeys.slice(keyCount));
  switch (r.type) {
    case "p":
      table.primaryKey = { name: r.name, columns: keys(), ...list("include", include()), ...common };
      return;
    case "u":
      table.uniques.push({
        name: r.name,
        columns: keys(),
        ...list("include", include()),
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
        columns: names(r.rel, r.fk_attnums),
        references: {
          schema: r.ref_schema ?? "",
          table: r.ref_table ?? "",
          columns: names(r.ref_rel ?? "", r.ref_attnums),
        },
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
