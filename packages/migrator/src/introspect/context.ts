import type { SqlClient } from "../db/client.js";

/** What every per-kind reader gets: the client, the server's version and the schema filter. */
export interface IntrospectContext {
  readonly client: SqlClient;
  /** `server_version_num`, e.g. 160004; catalog columns differ between major versions */
  readonly serverVersion: number;
  /** the role running introspection (default privileges it owns are reported without `forRole`) */
  readonly currentUser: string;
  /** the schemas asked for, or null for every user schema (`$1` of the schemas query) */
  readonly schemaParam: readonly string[] | null;
  /**
   * `$1` of every query after the schemas one: the oids of the user schemas being read (see
   * `inUserSchema`). Passing the list lets the planner filter relations by schema directly; a predicate
   * on pg_namespace is estimated at one row and leads it into nested loops over pg_class.
   */
  readonly namespaces: readonly string[];
}

/** The migrator's own bookkeeping schema: never part of a Catalog. */
export const MIGRATOR_SCHEMA = "platform_migrator";

/**
 * Predicate on a `pg_namespace` alias: a user schema (not `pg_*`, `information_schema`, the migrator's
 * own schema, or a schema created by an extension), restricted to `$1` when given.
 */
export const userNamespace = (n: string): string => `(
  ${n}.nspname NOT LIKE 'pg\\_%' AND ${n}.nspname <> 'information_schema' AND ${n}.nspname <> '${MIGRATOR_SCHEMA}'
  AND ($1::text[] IS NULL OR ${n}.nspname = ANY ($1::text[]))
  AND ${notExtensionMember("pg_namespace", `${n}.oid`)}
)`;

/** Predicate: the object `oid` of catalog `catalog` is not a member of an extension (pg_depend deptype 'e'). */
export const notExtensionMember = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep WHERE ext_dep.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND ext_dep.objid = ${oid} AND ext_dep.deptype = 'e')`;

/** Predicate on a schema oid column (`t.typnamespace`): one of the user schemas being read (`$1`). */
export const inUserSchema = (namespaceOid: string): string => `${namespaceOid} = ANY ($1::pg_catalog.oid[])`;

/** Predicate on a `pg_class` alias: a relation we report (in a schema being read, not an extension's). */
export const userRelation = (c: string): string =>
  `(${inUserSchema(`${c}.relnamespace`)} AND ${notExtensionMember("pg_class", `${c}.oid`)})`;

/** Wraps a failure with the stage it happened in, keeping the cause. */
export const readStep = async <T>(
  what: string,
  ctx: Pick<IntrospectContext, "client">,
  run: () => Promise<T>,
): Promise<T> => {
  try {
    return await run();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`introspecting ${what} of ${ctx.client.label}: ${message}`, { cause });
  }
};

/**
 * The rows of a catalog query, shipped as one JSON array: the driver then parses one value instead of a
 * message and an object per row with a parser per field (most of the client's time on 10k+ columns).
 * The array keeps the query's ORDER BY (the aggregate reads its sorted subquery in order).
 */
export const queryRows = async <R>(
  ctx: Pick<IntrospectContext, "client">,
  sql: string,
  params?: readonly unknown[],
): Promise<R[]> => {
  const { rows } = await ctx.client.query<{ rows: R[] | null }>(
    `SELECT pg_catalog.json_agg(q) AS rows FROM (${sql}) q`,
    params,
  );
  return rows[0]?.rows ?? [];
};
