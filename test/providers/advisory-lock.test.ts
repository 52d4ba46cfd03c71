import { connectPg, type SqlClient } from "@platform/migrator/db";
import { expect, it } from "vitest";
import { describeOnProviders } from "../support/index.js";

const KEY = 4242;

/** Polls until `check` is true (or fails after `ms`), so the test waits on the server, not on a fixed sleep. */
const eventually = async (check: () => Promise<boolean>, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const waitingForAdvisoryLock = async (observer: SqlClient): Promise<boolean> => {
  const { rows } = await observer.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
    [KEY],
  );
  return rows[0]?.n === 1;
};

// Real servers only: pglite-socket serves every connection from one shared session (see pglite-sessions.test.ts).
describeOnProviders(
  "a session advisory lock excludes other connections",
  { providers: ["native", "url", "testcontainers"] },
  (getDb) => {
    it("pg_try_advisory_lock is refused and pg_advisory_lock waits until the holder unlocks", async () => {
      const db = getDb();
      if (db.url === undefined) throw new Error(`${db.provider} has no connection string`);
      const holder = await connectPg(db.url, "lock-holder");
      const contender = await connectPg(db.url, "lock-contender");
      try {
        await holder.query("SELECT pg_advisory_lock($1)", [KEY]);

        const tried = await contender.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1) AS got", [KEY]);
        expect(tried.rows).toEqual([{ got: false }]);

        let acquired = false;
        const blocked = contender.query("SELECT pg_advisory_lock($1)", [KEY]).then(() => {
          acquired = true;
        });
        await eventually(() => waitingForAdvisoryLock(db.client));
        expect(acquired).toBe(false);

        const released = await holder.query<{ ok: boolean }>("SELECT pg_advisory_unlock($1) AS ok", [KEY]);
        expect(released.rows).toEqual([{ ok: true }]);
        await blocked;
        expect(acquired).toBe(true);
      } finally {
        await holder.close();
        await contender.close();
      }
    });
  },
);
