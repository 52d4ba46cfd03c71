import type { Index, IndexElement, QualifiedName } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import type { Attributes } from "./columns.js";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
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
  /** pg_index's per-key arrays, as read: indkey, indclass, indcollation, indoption */
  attnums: number[];
  opclasses: number[];
  collations: number[];
  options: number[];
  /** `pg_get_indexdef(index, k, true)` of every key, only for an index with expression keys */
  key_definitions: string[] | null;
  /** names of the key collations other than `default` (oid 100) */
  collation_names: CollationName[] | null;
  where: string | null;
  definition: string;
  storage: string[] | null;
  comment: string | null;
}

interface CollationName {
  oid: number;
  schema: string;
  name: string;
}

/** pg_index.indoption bits */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;
/** pg_collation's `default` */
const DEFAULT_COLLATION = 100;

/** Operator classes by oid (see `readOpclasses`). */
export type Opclasses = ReadonlyMap<number, { readonly name: string; readonly isDefault: boolean }>;

/**
 * Every operator class: index keys are read as oids and named here, which is much cheaper than a
 * per-index subquery joining pg_opclass (a few hundred rows, read once).
 */
export const readOpclasses = (ctx: IntrospectContext): Promise<Opclasses> =>
  readStep("operator classes", ctx, async () => {
    const rows = await queryRows<{ oid: number; name: string; is_default: boolean }>(
      ctx,
      "SELECT oc.oid::int8 AS oid, oc.opcname AS name, oc.opcdefault AS is_default FROM pg_catalog.pg_opclass oc",
    );
    return new Map(rows.map((r) => [Number(r.oid), { name: r.name, isDefault: r.is_default }]));
  });

/**
 * Indexes of tables and materialized views, keyed by relation oid. Left out: indexes that back a
 * PRIMARY KEY / UNIQUE / EXCLUDE constraint (they are the constraint) and indexes of partitions (the
 * partitioned parent's index stands for them). Keys come as pg_index's arrays and are named from the
 * columns (`attributes`, awaited once this query is back) and the operator classes: one flat scan, no
 * per-index subqueries.
 */
export const readIndexes = (
  ctx: IntrospectContext,
  attributes: () => Promise<Attributes>,
  opclasses: Opclasses,
): Promise<Map<string, Index[]>> =>
  readStep("indexes", ctx, async () => {
    const nullsNotDistinct = ctx.serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
    const rows = await queryRows<IndexRow>(
      ctx,
      `SELECT i.indrelid::text AS rel, ic.relname AS name, am.amname AS method, i.indisunique AS unique,
              ${nullsNotDistinct} AS nulls_not_distinct, i.indnkeyatts::int AS key_count,
              to_json(i.indkey::int2[]) AS attnums, to_json(i.indclass::oid[]) AS opclasses,
              to_json(i.indcollation::oid[]) AS collations, to_json(i.indoption::int2[]) AS options,
              CASE WHEN i.indexprs IS NOT NULL THEN (
                SELECT json_agg(pg_catalog.pg_get_indexdef(i.indexrelid, k, true) ORDER BY k)
                FROM generate_series(1, i.indnatts::int) AS k) END AS key_definitions,
              CASE WHEN NOT (i.indcollation::oid[] <@ '{0,100}'::pg_catalog.oid[]) THEN (
                SELECT json_agg(json_build_object('oid', co.oid, 'schema', cn.nspname, 'name', co.collname))
                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                WHERE co.oid = ANY (i.indcollation::oid[])) END AS collation_names,
              pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS where,
              CASE WHEN i.indexprs IS NOT NULL THEN pg_catalog.pg_get_indexdef(i.indexrelid) ELSE '' END AS definition,
              to_json(ic.reloptions) AS storage,
              dsc.description AS comment
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_catalog.pg_am am ON am.oid = ic.relam
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = i.indexrelid
         AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = 0
       WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition AND ${userRelation("c")}
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                         WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
       ORDER BY i.indrelid, ic.relname`,
      [ctx.namespaces],
    );
    const columns = await attributes();
    const byRelation = new Map<string, Index[]>();
    for (const r of rows) {
      const indexes = byRelation.get(r.rel) ?? [];
      indexes.push(toIndex(r, indexKeys(r, columns.get(r.rel), opclasses)));
      byRelation.set(r.rel, indexes);
    }
    return byRelation;
  });

/** The keys of one index, each with what the catalogs say about it, in key order (INCLUDE columns last). */
const indexKeys = (
  r: IndexRow,
  columns: ReadonlyMap<number, { readonly name: string; readonly collation: string }> | undefined,
  opclasses: Opclasses,
): IndexKeyRow[] => {
  const names =
    r.collation_names === null
      ? undefined
      : new Map(r.collation_names.map((c) => [Number(c.oid), { schema: c.schema, name: c.name }]));
  return r.attnums.map((attnum, k) => {
    const column = attnum === 0 ? undefined : columns?.get(attnum);
    const opclass = r.opclasses[k] === undefined ? undefined : opclasses.get(Number(r.opclasses[k]));
    const coll = Number(r.collations[k] ?? 0);
    const own = column === undefined ? DEFAULT_COLLATION : Number(column.collation);
    return {
      ord: k + 1,
      attnum,
      column: column?.name ?? null,
      expression: attnum === 0 ? (r.key_definitions?.[k] ?? null) : null,
      opclass: opclass?.name ?? null,
      opclass_default: opclass?.isDefault ?? null,
      collation: coll !== 0 && coll !== own ? (names?.get(coll) ?? null) : null,
      option: r.options[k] ?? null,
    };
  });
};

const toElement = (k: IndexKeyRow): IndexElement => {
  const option = k.option ?? 0;
  const desc = (option & INDOPTION_DESC) !== 0;
  const nullsFirst = (option & INDOPTION_NULLS_FIRST) !== 0;
  // ASC defaults to NULLS LAST and DESC to NULLS FIRST: only the other choice is stated.
  const nulls = nullsFirst === desc ? null : nullsFirst ? ("first" as const) : ("last" as const);
  // field by field rather than from spread helpers: this runs once per key of every index
  const element: IndexElement = {};
  if (k.attnum !== 0 && k.column !== null) element.column = k.column;
  if (k.attnum === 0 && k.expression !== null) element.expression = normalizeExpression(k.expression);
  if (!k.opclass_default && k.opclass !== null) element.opclass = k.opclass;
  if (k.collation !== null) element.collation = k.collation;
  if (desc) element.order = "desc";
  if (nulls !== null) element.nulls = nulls;
  return element;
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
const withoutImplicitCollations = (r: IndexRow, keys: IndexKeyRow[]): IndexKeyRow[] => {
  if (!keys.some((k) => k.attnum === 0)) return keys;
  const insideExpressions = keys.reduce((n, k) => n + collateCount(k.expression ?? ""), 0);
  const explicit = collateCount(r.definition) - insideExpressions - collateCount(r.where ?? "");
  return keys.map((k) => (k.attnum === 0 && explicit <= 0 ? { ...k, collation: null } : k));
};

const toIndex = (r: IndexRow, all: readonly IndexKeyRow[]): Index => {
  const keys = withoutImplicitCollations(
    r,
    all.filter((k) => k.ord <= r.key_count),
  );
  const include = all.filter((k) => k.ord > r.key_count).map((k) => k.column ?? "");
  return {
    name: r.name,
    ...opt("method", r.method === "btree" ? null : (r.method as Index["method"])),
    ...flag("unique", r.unique),
    ...flag("nullsNotDistinct", r.nulls_not_distinct),
    elements: keys.map(toElement),
    ...list("include", include),
    ...opt("where", r.where === null ? null : normalizeExpression(r.where)),
    ...opt("with", storageParameters(r.storage)),
    ...comment(r.comment),
  };
};
