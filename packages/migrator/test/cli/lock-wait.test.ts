import { connectPg } from "@platform/migrator/db";
import { expect, it, vi } from "vitest";
import { LOCK_KEY } from "../../src/runner/lock.js";
import { fixture, runCli } from "../runner/helpers/cli.js";
import { describeOnProviders } from "../runner/helpers/providers.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

describeOnProviders("waiting for another runner's lock", { providers: ["native"] }, (getDb) => {
  it("names the holder while waiting, then exits 2 when --lock-wait expires, having applied nothing", async () => {
    const db = getDb();
    const holder = await connectPg(db.url as string, "someone-else-migrating");
    try {
      await holder.query("SELECT pg_advisory_lock($1, $2)", [...LOCK_KEY]);
      const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const started = Date.now();
      const run = await runCli([
        "up",
        "--database-url",
        db.url as string,
        "--migrations-dir",
        fixture("basic"),
        "--lock-wait",
        "1500ms",
      ]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(
        `waiting for the migrator lock held by pid ${rows[0]?.pid}, application "someone-else-migrating"`,
      );
      expect(run.stderr).toContain("another migration run holds the migrator lock");
      expect(run.stderr).toMatch(/gave up after 1\.[5-9]s/);
      expect(run.stderr).toContain("raise --lock-wait");
      const schema = await db.client.query("SELECT 1 FROM pg_namespace WHERE nspname IN ('app', 'platform_migrator')");
      expect(schema.rows).toHaveLength(0);
    } finally {
      await holder.close();
    }
  });
});
