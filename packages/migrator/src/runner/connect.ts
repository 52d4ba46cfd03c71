import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import { sqlStateOf } from "./sql-state.js";

/**
 * Opens the one dedicated connection a run uses (lock, history and migrations all on it). `pg` is imported
 * lazily so that commands that never reach a server do not pay for loading it.
 */
export const connectTarget = async (url: string, applicationName = `platform-migrator pid ${process.pid}`) => {
  const [{ default: pg }, { fromPgClient, redactUrl }] = await Promise.all([import("pg"), import("../db/index.js")]);
  const label = redactUrl(url);
  const client = new pg.Client({
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: 15_000,
  });
  // A server that goes away mid-run emits 'error' on the client; without a listener Node would crash the
  // process instead of letting the failing query report it.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(label, error);
  }
  const sql = fromPgClient(client, label);
  await configureSession(sql);
  return sql;
};

/**
 * On PostgreSQL 14+, makes the server notice within a second that this client died (killed process, lost
 * network) and cancel its running statement, instead of finishing a long CREATE INDEX CONCURRENTLY for nobody
 * while holding the migrator lock.
 */
const configureSession = async (client: SqlClient): Promise<void> => {
  const { rows } = await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
  if ((rows[0]?.v ?? 0) >= 140000) await client.exec("SET client_connection_check_interval = 1000");
};

/** One paragraph per way a connection fails, saying what to do. */
export const connectionError = (label: string, error: unknown): MigratorError => {
  const code = sqlStateOf(error) ?? (error as { code?: string }).code;
  const detail = error instanceof Error ? error.message : String(error);
  const base = { path: label, exitCode: 2 as const, cause: error };
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
    case undefined:
      return new MigratorError({
        ...base,
        code: "server_unreachable",
        message: `cannot reach a PostgreSQL server at ${label}: ${detail || code || "connection failed"}`,
        fix: "check host and port in the URL and that the server is running and accepts TCP connections; to use the embedded database instead, run without --database-url and without DATABASE_URL",
      });
    case "28P01":
      return new MigratorError({
        ...base,
        code: "authentication_failed",
        message: `the server at ${label} rejected the password: ${detail}`,
        fix: "put the right password in the URL (postgres://user:password@host/db, percent-encoded) or in PGPASSWORD",
      });
    case "28000":
      return new MigratorError({
        ...base,
        code: "authentication_failed",
        message: `the server at ${label} does not let this user connect: ${detail}`,
        fix: "check the user name, and ask the server's administrator for a pg_hba.conf entry for this host/user/database",
      });
    case "3D000":
      return new MigratorError({
        ...base,
        code: "database_missing",
        message: `the database in ${label} does not exist: ${detail}`,
        fix: "create it first (createdb <name>, or CREATE DATABASE <name>), or fix the database name in the URL",
      });
    case "53300":
      return new MigratorError({
        ...base,
        code: "too_many_connections",
        message: `the server at ${label} has no free connection slots: ${detail}`,
        fix: "retry later, lower --concurrency, or raise max_connections",
      });
    default:
      return new MigratorError({
        ...base,
        code: "connection_failed",
        message: `cannot connect to ${label}: ${detail}${code === undefined ? "" : ` [${code}]`}`,
        fix: "check the URL and that the server accepts connections from this host",
      });
  }
};
