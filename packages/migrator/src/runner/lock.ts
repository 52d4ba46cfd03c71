import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import type { RunnerListener } from "./events.js";

/**
 * The advisory lock key, as two int4 so `pg_locks` shows it as classid/objid (objsubid = 2):
 * "plat" and "migr" in ASCII. Advisory locks are per database, so each database of a fleet has its own.
 */
export const LOCK_KEY = [0x706c6174, 0x6d696772] as const;

export interface LockHolder {
  readonly pid: number;
  readonly applicationName: string;
  readonly clientAddr: string | null;
  readonly user: string | null;
  readonly since: string | null;
}

/**
 * Takes the session-level advisory lock on `client`, polling `pg_try_advisory_lock` so that while it waits it
 * can say who holds it. Throws `lock_wait_expired` (exit 2) after `waitMs`.
 */
export const acquireLock = async (
  client: SqlClient,
  waitMs: number,
  listener: RunnerListener,
  pollMs = 200,
): Promise<void> => {
  const started = Date.now();
  let lastHolderPid: number | undefined | null = null;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
      ...LOCK_KEY,
    ]);
    if (rows[0]?.locked === true) {
      if (lastHolderPid !== null) listener({ kind: "lock-acquired", waitedMs: Date.now() - started });
      return;
    }
    const holder = await lockHolder(client);
    if (holder?.pid !== lastHolderPid) {
      lastHolderPid = holder?.pid;
      listener({ kind: "lock-wait", holder });
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) {
      throw new MigratorError({
        code: "lock_wait_expired",
        path: client.label,
        message: `another migration run holds the migrator lock on ${client.label} (${describeHolder(holder)}); gave up after ${(waited / 1000).toFixed(1)}s`,
        fix: "wait for that run to finish and retry, raise --lock-wait, or if that session is stuck end it with SELECT pg_terminate_backend(<pid>)",
        exitCode: 2,
      });
    }
    await sleep(Math.min(pollMs, waitMs - waited));
  }
};

/** Releases the lock and checks that it really was held: a `false` means the session lost it mid-run. */
export const releaseLock = async (client: SqlClient): Promise<void> => {
  const { rows } = await client.query<{ unlocked: boolean }>("SELECT pg_advisory_unlock($1, $2) AS unlocked", [
    ...LOCK_KEY,
  ]);
  if (rows[0]?.unlocked !== true) {
    throw new MigratorError({
      code: "lock_lost",
      path: client.label,
      message: `the migrator lock on ${client.label} was not held when releasing it; another runner may have run concurrently`,
      fix: "check platform_migrator.history and run `migrate status`; report this as a bug",
      exitCode: 2,
    });
  }
};

export const lockHolder = async (client: SqlClient): Promise<LockHolder | undefined> => {
  const { rows } = await client.query<{
    pid: number;
    application_name: string;
    client_addr: string | null;
    usename: string | null;
    backend_start: string | null;
  }>(
    `SELECT a.pid, a.application_name, a.client_addr::text AS client_addr, a.usename::text AS usename,
            a.backend_start::text AS backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
        AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      LIMIT 1`,
    [...LOCK_KEY],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        pid: row.pid,
        applicationName: row.application_name,
        clientAddr: row.client_addr,
        user: row.usename,
        since: row.backend_start,
      };
};

export const describeHolder = (holder: LockHolder | undefined): string =>
  holder === undefined
    ? "holder not visible: it may have just released it, or pg_stat_activity is restricted for this role"
    : `pid ${holder.pid}, application "${holder.applicationName}", client ${holder.clientAddr ?? "local socket"}` +
      `${holder.user === null ? "" : `, user ${holder.user}`}${holder.since === null ? "" : `, connected since ${holder.since}`}`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
