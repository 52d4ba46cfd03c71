import { connectPg } from "@platform/migrator/db";
import { expect, it } from "vitest";
import { describeOnProviders } from "../support/index.js";

/**
 * Pins how pglite-socket behaves with several connections, which the README documents: they all work,
 * but share PGlite's single backend session. If a pglite-socket upgrade changes this, these fail and
 * the README's "Limits" must be updated.
 */
describeOnProviders(
  "pglite-socket serves several connections over one session",
  { providers: ["pglite-socket"] },
  (getDb) => {
    it("accepts concurrent pg connections and serves each one's queries", async () => {
      const db = getDb();
      const url = db.url ?? "";
      const clients = await Promise.all([1, 2, 3].map((n) => connectPg(url, `socket-${n}`)));
      try {
        await db.client.exec("CREATE TABLE hits (n integer)");
        await Promise.all(clients.map((client, n) => client.query("INSERT INTO hits VALUES ($1)", [n])));
        const { rows } = await db.client.query<{ n: number }>("SELECT n FROM hits ORDER BY n");
        expect(rows).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
      } finally {
        await Promise.all(clients.map((client) => client.close()));
      }
    });

    it("shares session state: an advisory lock held on one connection does not exclude another", async () => {
      const db = getDb();
      const other = await connectPg(db.url ?? "", "socket-other");
      try {
        await db.client.query("SELECT pg_advisory_lock(7)");
        const tried = await other.query<{ got: boolean }>("SELECT pg_try_advisory_lock(7) AS got");
        expect(tried.rows).toEqual([{ got: true }]);
        const pids = await Promise.all(
          [db.client, other].map((c) => c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")),
        );
        expect(pids[0]?.rows[0]?.pid).toBe(pids[1]?.rows[0]?.pid);
      } finally {
        await db.client.query("SELECT pg_advisory_unlock_all()");
        await other.close();
      }
    });
  },
);
