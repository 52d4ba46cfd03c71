import type { SqlClient } from "../db/client.js";

/** What every per-kind reader gets: the client, the server's version and the schema filter. */
export interface IntrospectContext {
  readonly client: SqlClient;
  /** `server_version_num`, e.g. 160004; catalog columns differ between major versions */
  readonly serverVersion: number;
  /** the role running introspection (default privileges it owns are reported without `forRole`) */
  readonly currentUser: string;
  /** `$1` of every query: the schemas asked for, or null for every user schema */
  readonly schemaParam: readonly string[] | null;
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

/** Predicate on a `pg_class` alias joined to its namespace alias: a relation we report. */
export const userRelation = (c: string, n: string): string =>
  `(${userNamespace(n)} AND ${notExtensionMember("pg_class", `${c}.oid`)})`;

/** Wraps a failure with the stage it happened in, keeping the cause. */
export const readStep = async <T>(what: string, ctx: IntrospectContext, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`introspecting ${what} of ${ctx.client.label}: ${message}`, { cause });
  }
};
