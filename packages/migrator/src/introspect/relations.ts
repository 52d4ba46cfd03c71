import type { QualifiedName } from "@platform/schema";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
import { type AclEntry, grantsJson } from "./grants.js";

/** One row per table, partition, view and materialized view: what lives on pg_class itself. */
export interface RelationRow {
  oid: string;
  schema: string;
  name: string;
  /** `r` table, `p` partitioned table, `v` view, `m` materialized view */
  kind: "r" | "p" | "v" | "m";
  unlogged: boolean;
  is_partition: boolean;
  parent: string | null;
  bound: string | null;
  partition_key: string | null;
  partition_columns: PartitionColumnRow[] | null;
  rls: boolean;
  rls_forced: boolean;
  definition: string | null;
  depends_on: QualifiedName[] | null;
  comment: string | null;
  grants: AclEntry[];
}

export interface PartitionColumnRow {
  attnum: number;
  column: string | null;
  opclass: string | null;
  opclass_default: boolean | null;
  collation: QualifiedName | null;
}

export const readRelations = (ctx: IntrospectContext): Promise<RelationRow[]> =>
  readStep("tables and views", ctx, async () => {
    const rows = await queryRows<RelationRow>(
      ctx,
      `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
              c.relpersistence = 'u' AS unlogged, c.relispartition AS is_partition,
              CASE WHEN c.relispartition THEN (
                SELECT i.inhparent::text FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid LIMIT 1) END AS parent,
              CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
              CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
              CASE WHEN c.relkind = 'p' THEN (
                SELECT json_agg(json_build_object(
                  'attnum', k.attnum, 'column', a.attname, 'opclass', oc.opcname, 'opclass_default', oc.opcdefault,
                  'collation', CASE WHEN k.coll <> 0 AND k.coll <> coalesce(a.attcollation, 100::oid) THEN
                     (SELECT json_build_object('schema', cn.nspname, 'name', co.collname)
                      FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                      WHERE co.oid = k.coll) END) ORDER BY k.ord)
                FROM pg_catalog.pg_partitioned_table pt,
                     unnest(pt.partattrs::int2[], pt.partclass::oid[], pt.partcollation::oid[]) WITH ORDINALITY AS k(attnum, opclass, coll, ord)
                LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum <> 0
                LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass
                WHERE pt.partrelid = c.oid) END AS partition_columns,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS rls_forced,
              CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END AS definition,
              CASE WHEN c.relkind IN ('v', 'm') THEN (
                SELECT json_agg(json_build_object('schema', dn.nspname, 'name', dc.relname))
                FROM pg_catalog.pg_rewrite rw
                JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = rw.oid
                JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid
                JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
                WHERE rw.ev_class = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                  AND d.refobjid <> c.oid AND dc.relkind IN ('r', 'p', 'v', 'm', 'f')) END AS depends_on,
              dsc.description AS comment,
              ${grantsJson("c.relacl", "c.relowner", "r")} AS grants
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid
         AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = 0
       WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${userRelation("c")}
       ORDER BY n.nspname, c.relname`,
      [ctx.namespaces],
    );
    return rows;
  });
