import type { SqlClient } from "../db/client.js";

export interface SessionRow {
  server_version: number;
  current_user: string;
  search_path: string;
  timezone: string;
  datestyle: string;
  intervalstyle: string;
  extra_float_digits: string;
  /** inside an open transaction block: its uncommitted DDL is visible on this connection only */
  in_transaction: boolean;
  /** PGlite (PostgreSQL in WebAssembly): one backend shared by every connection */
  embedded: boolean;
}

/**
 * Settings that change how PostgreSQL prints what we read: an empty search_path makes `format_type`,
 * `pg_get_expr` and `pg_get_viewdef` schema-qualify every user object (so the text does not depend on
 * the caller's path), UTC and ISO make partition bounds on timestamps print the same everywhere.
 */
const SETTINGS = `pg_catalog.set_config('search_path', '', false) AS s1, pg_catalog.set_config('TimeZone', 'UTC', false) AS s2,
       pg_catalog.set_config('DateStyle', 'ISO, YMD', false) AS s3,
       pg_catalog.set_config('IntervalStyle', 'postgres', false) AS s4,
       pg_catalog.set_config('extra_float_digits', '3', false) AS s5`;

/**
 * The reading settings, with the previous values captured in the same statement (the CTE is read
 * before set_config runs), so `CLOSE_SESSION` can restore them.
 */
export const OPEN_SESSION = `
WITH previous AS MATERIALIZED (
  SELECT current_setting('server_version_num')::int AS server_version, current_user::text AS current_user,
         current_setting('search_path') AS search_path, current_setting('TimeZone') AS timezone,
         current_setting('DateStyle') AS datestyle, current_setting('IntervalStyle') AS intervalstyle,
         current_setting('extra_float_digits') AS extra_float_digits,
         pg_catalog.transaction_timestamp() <> pg_catalog.statement_timestamp() AS in_transaction,
         pg_catalog.version() LIKE '%emscripten%' AS embedded)
SELECT previous.*, ${SETTINGS}
FROM previous`;

export const CLOSE_SESSION = `SELECT pg_catalog.set_config('search_path', $1, false), pg_catalog.set_config('TimeZone', $2, false),
  pg_catalog.set_config('DateStyle', $3, false), pg_catalog.set_config('IntervalStyle', $4, false),
  pg_catalog.set_config('extra_float_digits', $5, false)`;

/**
 * A second connection for half of the catalog queries, so the server works on two of them at once and
 * the client parses one result while the server computes the next. Only where it sees exactly what the
 * caller's connection sees: not inside a transaction block (uncommitted DDL is invisible elsewhere), not
 * on PGlite (one backend for all connections), and not where the client cannot open one. Any failure to
 * open it just means one connection; the caller closes what it gets.
 */
export const openSideConnection = async (client: SqlClient, session: SessionRow): Promise<SqlClient | undefined> => {
  if (client.fork === undefined || session.in_transaction || session.embedded) return undefined;
  let side: SqlClient;
  try {
    side = await client.fork();
  } catch {
    return undefined;
  }
  try {
    await side.query(`SELECT ${SETTINGS}`);
    return side;
  } catch {
    await side.close().catch(() => undefined);
    return undefined;
  }
};
