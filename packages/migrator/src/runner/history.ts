import { hostname, userInfo } from "node:os";
import type { SqlClient } from "../db/index.js";

export const HISTORY_SCHEMA = "platform_migrator";
export const HISTORY_TABLE = `${HISTORY_SCHEMA}.history`;

/**
 * One row per migration. `state` is `started` only for a `transaction:false` migration that has begun and not
 * finished: such a row means a previous run died inside it, and the next run repairs and re-runs it.
 */
export interface HistoryRow {
  readonly name: string;
  readonly checksum: string;
  readonly state: "started" | "applied";
  readonly transactional: boolean;
  readonly appliedAt: string;
  readonly durationMs: number | null;
  readonly appliedBy: string;
}

const CREATE_HISTORY = `
CREATE SCHEMA IF NOT EXISTS ${HISTORY_SCHEMA};
CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  state text NOT NULL CHECK (state IN ('started', 'applied')),
  transactional boolean NOT NULL,
  applied_at timestamp with time zone NOT NULL DEFAULT now(),
  duration_ms integer,
  applied_by text NOT NULL
);`;

export const historyExists = async (client: SqlClient): Promise<boolean> => {
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('${HISTORY_TABLE}') IS NOT NULL AS exists`,
  );
  return rows[0]?.exists === true;
};

/** Creates the history table; called under the advisory lock so concurrent runners never race on DDL. */
export const ensureHistory = async (client: SqlClient): Promise<void> => {
  if (!(await historyExists(client))) await client.exec(CREATE_HISTORY);
};

/** Reads history ordered by name; an absent table is an empty history (a fresh database). */
export const readHistory = async (client: SqlClient): Promise<readonly HistoryRow[]> => {
  if (!(await historyExists(client))) return [];
  const { rows } = await client.query<{
    name: string;
    checksum: string;
    state: "started" | "applied";
    transactional: boolean;
    applied_at: string;
    duration_ms: number | null;
    applied_by: string;
  }>(
    `SELECT name, checksum, state, transactional, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS applied_at,
            duration_ms, applied_by FROM ${HISTORY_TABLE} ORDER BY name`,
  );
  return rows.map((row) => ({
    name: row.name,
    checksum: row.checksum,
    state: row.state,
    transactional: row.transactional,
    appliedAt: row.applied_at,
    durationMs: row.duration_ms,
    appliedBy: row.applied_by,
  }));
};

/** `osuser@host (pid N) as dbrole` — who to ask about a migration. */
export const appliedByExpression = (): string => `${safeUser()}@${hostname()} (pid ${process.pid})`;

const safeUser = (): string => {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
};

export const recordApplied = async (
  client: SqlClient,
  entry: { name: string; checksum: string; transactional: boolean; durationMs: number },
): Promise<void> => {
  await client.query(
    `INSERT INTO ${HISTORY_TABLE} (name, checksum, state, transactional, duration_ms, applied_by)
     VALUES ($1, $2, 'applied', $3, $4, $5 || ' as ' || current_user)
     ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, state = 'applied',
       transactional = excluded.transactional, duration_ms = excluded.duration_ms,
       applied_by = excluded.applied_by, applied_at = now()`,
    [entry.name, entry.checksum, entry.transactional, Math.round(entry.durationMs), appliedByExpression()],
  );
};

export const recordStarted = async (client: SqlClient, entry: { name: string; checksum: string }): Promise<void> => {
  await client.query(
    `INSERT INTO ${HISTORY_TABLE} (name, checksum, state, transactional, applied_by)
     VALUES ($1, $2, 'started', false, $3 || ' as ' || current_user)
     ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, state = 'started', applied_at = now(),
       applied_by = excluded.applied_by`,
    [entry.name, entry.checksum, appliedByExpression()],
  );
};

export const deleteHistory = async (client: SqlClient, name: string): Promise<void> => {
  await client.query(`DELETE FROM ${HISTORY_TABLE} WHERE name = $1`, [name]);
};
