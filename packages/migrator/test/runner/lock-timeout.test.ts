import { connectPg } from "@platform/migrator/db";
import { expect, it } from "vitest";
import { MigratorError } from "../../src/errors/index.js";
import { loadMigrations } from "../../src/files/index.js";
import type { RunnerEvent } from "../../src/runner/events.js";
import { migrateUp } from "../../src/runner/run.js";
import { defaultRunSettings } from "../../src/runner/settings.js";
import { fixture } from "./helpers/cli.js";
import { databaseFactory, historyRows, withClient } from "./helpers/databases.js";
import { describeOnProviders } from "./helpers/providers.js";

const settings = { ...defaultRunSettings, lockTimeoutMs: 200, retryBaseDelayMs: 300 };

describeOnProviders("lock_timeout failures (SQLSTATE 55P03)", { providers: ["native"] }, (getDb) => {
  /** Holds ACCESS EXCLUSIVE on accounts for `ms` in another session, like a long-running report would. */
  const blockAccounts = async (url: string, ms: number): Promise<{ released: Promise<void> }> => {
    const blocker = await connectPg(url, "blocker");
    await blocker.exec("BEGIN; LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
    const released = new Promise<void>((resolve) =>
      setTimeout(() => void blocker.exec("COMMIT").then(() => blocker.close().then(resolve)), ms),
    );
    return { released };
  };

  it("are retried with backoff and succeed once the lock is free", async () => {
    const db = getDb();
    const files = await loadMigrations(fixture("lock-retry"));
    await migrateUp(db.client, files, { settings, to: "0001" });
    const { released } = await blockAccounts(db.url as string, 1000);
    const events: RunnerEvent[] = [];
    const result = await migrateUp(db.client, files, { settings, listener: (event) => events.push(event) });
    await released;
    expect(result.migrations.map((migration) => migration.name)).toEqual(["0002_accounts_email"]);
    const retries = events.filter((event) => event.kind === "retry");
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.map((event) => (event.kind === "retry" ? event.attempt : 0))).toEqual(
      retries.map((_, index) => index + 1),
    );
    const column = await db.client.query("SELECT 1 FROM information_schema.columns WHERE column_name = 'email'");
    expect(column.rows).toHaveLength(1);
  });

  it("give up after the bounded retries with a clear error, leaving that migration unapplied", async () => {
    const db = getDb();
    const databases = databaseFactory(db.url as string, db.client);
    try {
      const url = await databases.create();
      const files = await loadMigrations(fixture("lock-retry"));
      await withClient(url, async (client) => {
        await migrateUp(client, files, { settings, to: "0001" });
        const { released } = await blockAccounts(url, 4000);
        const error = await migrateUp(client, files, { settings: { ...settings, lockRetries: 1 } }).catch(
          (caught: unknown) => caught,
        );
        await released;
        expect(error, String(error)).toBeInstanceOf(MigratorError);
        expect(error).toMatchObject({ code: "migration_lock_timeout", exitCode: 1 });
        expect((error as MigratorError).message).toContain("migration 0002_accounts_email (up) failed");
        expect((error as MigratorError).message).toContain("SQLSTATE 55P03");
        expect((error as MigratorError).path).toMatch(/0002_accounts_email\.sql:2$/);
        expect((await historyRows(client)).map((row) => row.name)).toEqual(["0001_accounts"]);
        // The lock was released in `finally`: a new run takes it at once and applies the rest.
        const again = await migrateUp(client, files, { settings });
        expect(again.migrations.map((migration) => migration.name)).toEqual(["0002_accounts_email"]);
      });
    } finally {
      await databases.dropAll();
    }
  });
});
