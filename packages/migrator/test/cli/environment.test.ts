import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { fixture, runCli } from "../runner/helpers/cli.js";
import { databaseFactory, historyRows, urlFor, withClient } from "../runner/helpers/databases.js";
import { describeOnProviders } from "../runner/helpers/providers.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

interface RunDocument {
  exitCode: number;
  results: { target: string; ok: boolean; exitCode: number; error?: { code: string }; appliedCount?: number }[];
}

describeOnProviders("fleets and bad environments", { providers: ["native"] }, (getDb) => {
  it("a fleet (flags + --database-urls-file) with one unreachable URL: the others migrate, the report names each, exit 2", async () => {
    const db = getDb();
    const databases = databaseFactory(db.url as string, db.client);
    try {
      const good = [await databases.create(), await databases.create()];
      const bad = "postgres://nobody:pw@127.0.0.1:1/nowhere";
      const urlsFile = join(await mkdtemp(join(tmpdir(), "urls-")), "fleet.txt");
      await writeFile(urlsFile, `# the second half of the fleet\n${bad}\n\n${good[1]}\n`);
      const run = await runCli([
        "up",
        "--json",
        "--concurrency",
        "2",
        "--migrations-dir",
        fixture("basic"),
        "--database-url",
        good[0] as string,
        "--database-urls-file",
        urlsFile,
      ]);
      expect(run.code).toBe(2);
      const document = JSON.parse(run.stdout) as RunDocument;
      expect(document.exitCode).toBe(2);
      expect(document.results.map((result) => [result.ok, result.exitCode, result.error?.code])).toEqual([
        [true, 0, undefined],
        [false, 2, "server_unreachable"],
        [true, 0, undefined],
      ]);
      expect(document.results[1]?.target).toBe("postgres://nobody@127.0.0.1:1/nowhere");
      for (const url of good) {
        expect(await withClient(url, async (client) => (await historyRows(client)).length)).toBe(4);
      }
      const human = await runCli([
        "status",
        "--migrations-dir",
        fixture("basic"),
        "--database-url",
        good[0] as string,
        "--database-url",
        bad,
      ]);
      expect(human.code).toBe(2);
      expect(human.stderr).toContain("cannot reach a PostgreSQL server at postgres://nobody@127.0.0.1:1/nowhere");
    } finally {
      await databases.dropAll();
    }
  });

  it("a wrong password is one paragraph saying what to do, exit 2", async () => {
    const url = new URL(getDb().url as string);
    url.password = "definitely-wrong";
    const run = await runCli(["up", "--database-url", url.toString(), "--migrations-dir", fixture("basic")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("rejected the password");
    expect(run.stderr).toContain("fix: put the right password in the URL");
    expect(run.stderr).not.toContain("definitely-wrong");
  });

  it("a missing extension is refused before anything runs, naming the file and the fix", async () => {
    const db = getDb();
    if (db.availableExtensions.has("vector")) return; // this server has pgvector: nothing to refuse here
    const databases = databaseFactory(db.url as string, db.client);
    try {
      const url = await databases.create();
      const run = await runCli(["up", "--database-url", url, "--migrations-dir", fixture("needs-vector")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("pending migrations need the extension vector");
      expect(run.stderr).toContain("not in pg_available_extensions; first needed by 0002_embeddings");
      expect(run.stderr).toContain("0002_embeddings.sql:2");
      expect(run.stderr).toContain("install pgvector");
      const tables = await withClient(url, (client) =>
        client.query(
          "SELECT 1 FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid WHERE nspname IN ('public', 'platform_migrator')",
        ),
      );
      expect(tables.rows).toHaveLength(0);
    } finally {
      await databases.dropAll();
    }
  });

  it("a role that may not create the history schema is refused before anything runs, exit 2", async () => {
    const db = getDb();
    const role = `weak_${process.pid}`;
    await db.client.exec(`CREATE ROLE ${role} LOGIN PASSWORD 'weak'`);
    const databases = databaseFactory(db.url as string, db.client);
    try {
      const owned = await databases.create();
      const url = new URL(owned);
      url.username = role;
      url.password = "weak";
      const run = await runCli(["up", "--database-url", url.toString(), "--migrations-dir", fixture("lock-retry")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`role ${role} may not create schemas in this database`);
      expect(run.stderr).toContain("nothing was applied");
      expect(run.stderr).toContain(`GRANT CREATE ON DATABASE`);
      const tables = await withClient(owned, (client) =>
        client.query("SELECT 1 FROM pg_class WHERE relname = 'accounts'"),
      );
      expect(tables.rows).toHaveLength(0);
    } finally {
      await databases.dropAll();
      await db.client.exec(`DROP ROLE ${role}`);
    }
  });

  it("a database that does not exist says how to create it, exit 2", async () => {
    const run = await runCli([
      "status",
      "--database-url",
      urlFor(getDb().url as string, "no_such_database_here"),
      "--migrations-dir",
      fixture("basic"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("does not exist");
    expect(run.stderr).toContain("createdb");
  });
});
