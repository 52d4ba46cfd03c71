import type { SqlClient } from "../db/index.js";
import type { MigrationFile } from "../files/index.js";
import { splitStatements } from "../files/index.js";
import { quoteIdent } from "./quote.js";

const IDENT = `(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const CREATE_INDEX_CONCURRENTLY = new RegExp(
  String.raw`^create (?:unique )?index concurrently (if not exists )?(${IDENT}) on (?:only )?(${IDENT}(?:\.${IDENT})?)`,
  "i",
);

export interface ConcurrentIndex {
  /** the index name as PostgreSQL stores it (unquoted, case-folded) */
  readonly name: string;
  /** the table as written in the SQL, for to_regclass */
  readonly table: string;
  readonly ifNotExists: boolean;
}

/** The indexes a migration section builds with CREATE INDEX CONCURRENTLY. */
export const concurrentIndexesOf = (sql: string): readonly ConcurrentIndex[] =>
  splitStatements(sql).flatMap((statement) => {
    const match = CREATE_INDEX_CONCURRENTLY.exec(statement.code);
    if (match === null) return [];
    const [, ifNotExists, name = "", table = ""] = match;
    return [{ name: identValue(name), table, ifNotExists: ifNotExists !== undefined }];
  });

const identValue = (token: string): string =>
  token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();

/**
 * Makes an interrupted `transaction:false` migration safe to run again. A CREATE INDEX CONCURRENTLY that died
 * leaves an INVALID index that `IF NOT EXISTS` would then silently keep, so every index the migration builds is
 * dropped when INVALID, and also when VALID but built without IF NOT EXISTS (the re-run would fail on it
 * otherwise; the re-run rebuilds it). Every other statement of such a migration must be re-runnable on its own
 * (IF NOT EXISTS / IF EXISTS) — the documented rule for transaction:false migrations.
 *
 * Runs under the advisory lock, so the session that died is gone (it held the lock).
 * Returns the dropped indexes as `schema.name`.
 */
export const repairInterrupted = async (client: SqlClient, file: MigrationFile): Promise<readonly string[]> => {
  const dropped: string[] = [];
  for (const index of concurrentIndexesOf(file.up.sql)) {
    const { rows } = await client.query<{ schema: string; valid: boolean }>(
      `SELECT n.nspname AS schema, i.indisvalid AS valid
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.indrelid = to_regclass($1) AND c.relname = $2`,
      [index.table, index.name],
    );
    const existing = rows[0];
    if (existing === undefined || (existing.valid && index.ifNotExists)) continue;
    await client.exec(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(existing.schema)}.${quoteIdent(index.name)}`);
    dropped.push(`${existing.schema}.${index.name}`);
  }
  return dropped;
};
