/**
 * Shared pieces of the SQL emitter tests: a fresh real database per describe block, and read-backs of
 * what a Catalog declares (comments, column types) that every fixture is checked with.
 */
import type { SqlClient } from "@platform/migrator/db";
import type { Catalog } from "@platform/schema";
import { describe, it } from "vitest";
import { availableProviderNames, describeOnProviders, type TestDatabase } from "../../../../test/support/index.js";
import { type CommentTarget, collectComments, functionIdentity, quoteQualified } from "../../src/sql/index.js";

/** What a fixture needs from a server beyond extensions. */
export interface ServerNeeds {
  /** the oldest PostgreSQL major version the fixture's SQL runs on, and why */
  readonly minVersion?: { readonly major: number; readonly because: string };
}

const nativeMajor = (provider: string): number | undefined => {
  const match = /^native-(\d+)$/.exec(provider);
  return match ? Number(match[1]) : undefined;
};

/**
 * A describe block run on a fresh database of each provider that has the extensions: PGlite
 * (PostgreSQL 18 + pgvector) and native PostgreSQL (16 by default; `PG_VERSIONS` for more). Providers
 * without a needed extension, or older than the fixture needs, are skipped and printed.
 */
export const describeOnDatabases = (
  title: string,
  extensions: readonly string[],
  body: (getDb: () => TestDatabase) => void,
  needs: ServerNeeds = {},
): void => {
  const min = needs.minVersion;
  const natives = availableProviderNames().filter((name) => nativeMajor(name) !== undefined);
  const tooOld = min ? natives.filter((name) => (nativeMajor(name) ?? 0) < min.major) : [];
  if (tooOld.length > 0 && min) {
    describe(title, () => {
      for (const name of tooOld) {
        const reason = `needs PostgreSQL ${min.major}+ (${min.because})`;
        console.log(`[test databases] skipped "${title}" on ${name}: ${reason}`);
        it.skip(`${name}: ${reason}`, () => {});
      }
    });
  }
  const providers = ["pglite", ...natives.filter((name) => !tooOld.includes(name))];
  describeOnProviders(title, { extensions, providers }, body);
};

/** The extensions a Catalog installs: what a provider must have to run its test. */
export const extensionsOf = (catalog: Catalog): string[] => catalog.extensions.map((e) => e.name);

/** The first column of the first row. */
export const scalar = async <T>(client: SqlClient, sql: string, params: readonly unknown[] = []): Promise<T> => {
  const result = await client.query<Record<string, T>>(sql, params);
  const row = result.rows[0];
  if (!row) throw new Error(`no row from: ${sql}`);
  return Object.values(row)[0] as T;
};

/** Runs `sql` and returns the error message it fails with (undefined when it succeeds). */
export const failureOf = async (client: SqlClient, sql: string): Promise<string | undefined> => {
  try {
    await client.exec(sql);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

const regclass = (schema: string, name: string): string => quoteQualified({ schema, name });

/** The SQL that reads the comment a target has in the database; its parameters come from `COMMENT_PARAMS`. */
const COMMENT_QUERY = {
  extension: `SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = $1`,
  schema: `SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = $1`,
  role: `SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = $1`,
  collation: `SELECT obj_description(c.oid, 'pg_collation') FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE n.nspname = $1 AND c.collname = $2`,
  type: `SELECT obj_description($1::regtype, 'pg_type')`,
  domain: `SELECT obj_description($1::regtype, 'pg_type')`,
  "domain constraint": `SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE contypid = $1::regtype AND conname = $2`,
  sequence: `SELECT obj_description($1::regclass, 'pg_class')`,
  function: `SELECT obj_description($1::regprocedure, 'pg_proc')`,
  table: `SELECT obj_description($1::regclass, 'pg_class')`,
  column: `SELECT col_description(attrelid, attnum) FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`,
  constraint: `SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
  index: `SELECT obj_description($1::regclass, 'pg_class')`,
  trigger: `SELECT obj_description(oid, 'pg_trigger') FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname = $2`,
  policy: `SELECT obj_description(oid, 'pg_policy') FROM pg_policy WHERE polrelid = $1::regclass AND polname = $2`,
  view: `SELECT obj_description($1::regclass, 'pg_class')`,
  "materialized view": `SELECT obj_description($1::regclass, 'pg_class')`,
} as const satisfies Record<CommentTarget["kind"], string>;

const COMMENT_PARAMS = {
  extension: (t) => [t.name],
  schema: (t) => [t.name],
  role: (t) => [t.name],
  collation: (t) => [t.object.schema, t.object.name],
  type: (t) => [regclass(t.object.schema, t.object.name)],
  domain: (t) => [regclass(t.object.schema, t.object.name)],
  "domain constraint": (t) => [regclass(t.domain.schema, t.domain.name), t.name],
  sequence: (t) => [regclass(t.object.schema, t.object.name)],
  function: (t) => [functionIdentity(t.fn)],
  table: (t) => [regclass(t.object.schema, t.object.name)],
  column: (t) => [regclass(t.table.schema, t.table.name), t.column],
  constraint: (t) => [regclass(t.table.schema, t.table.name), t.name],
  index: (t) => [regclass(t.object.schema, t.object.name)],
  trigger: (t) => [regclass(t.table.schema, t.table.name), t.name],
  policy: (t) => [regclass(t.table.schema, t.table.name), t.name],
  view: (t) => [regclass(t.object.schema, t.object.name)],
  "materialized view": (t) => [regclass(t.object.schema, t.object.name)],
} as const satisfies { [K in CommentTarget["kind"]]: (t: Extract<CommentTarget, { kind: K }>) => unknown[] };

/**
 * Every comment the Catalog declares, read back from the database: `{ declared, found }` for each one
 * whose text differs (empty when all are there).
 */
export const commentMismatches = async (
  client: SqlClient,
  catalog: Catalog,
): Promise<{ target: CommentTarget; declared: string; found: unknown }[]> => {
  const mismatches: { target: CommentTarget; declared: string; found: unknown }[] = [];
  for (const { target, text } of collectComments(catalog)) {
    const sql = COMMENT_QUERY[target.kind];
    const params = (COMMENT_PARAMS[target.kind] as (t: CommentTarget) => unknown[])(target);
    const result = await client.query<Record<string, unknown>>(sql, params);
    const found = result.rows[0] ? Object.values(result.rows[0])[0] : "<object not found>";
    if (found !== text) mismatches.push({ target, declared: text, found });
  }
  return mismatches;
};

const PSEUDO_TYPES: Readonly<Record<string, string>> = {
  serial: "integer",
  bigserial: "bigint",
  smallserial: "smallint",
};

/**
 * Each declared column's type as the server prints it (`format_type` with an empty search_path, minus
 * `pg_catalog.`), compared with the Catalog's spelling; serial pseudo-types compare as their integer type.
 */
export const columnTypeMismatches = async (
  client: SqlClient,
  catalog: Catalog,
): Promise<{ column: string; declared: string; found: string | undefined }[]> => {
  await client.exec("SET search_path = ''");
  try {
    const mismatches: { column: string; declared: string; found: string | undefined }[] = [];
    for (const table of catalog.tables) {
      const result = await client.query<{ attname: string; type: string }>(
        `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
          WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [regclass(table.schema, table.name)],
      );
      const found = new Map(result.rows.map((r) => [r.attname, r.type.replace(/^pg_catalog\./, "")]));
      for (const column of table.columns) {
        const declared = PSEUDO_TYPES[column.type] ?? column.type;
        const actual = found.get(column.name);
        if (actual !== declared) {
          mismatches.push({ column: `${table.schema}.${table.name}.${column.name}`, declared, found: actual });
        }
      }
    }
    return mismatches;
  } finally {
    await client.exec("RESET search_path");
  }
};
