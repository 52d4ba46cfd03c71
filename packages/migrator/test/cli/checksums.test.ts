import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { parseMigrationFile } from "../../src/files/index.js";
import { copyFixture, runCli } from "../runner/helpers/cli.js";
import { historyRows } from "../runner/helpers/databases.js";
import { describeOnProviders } from "../runner/helpers/providers.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

describeOnProviders("checksums of applied migrations", { providers: ["native"] }, (getDb) => {
  it("refuses an edited applied migration by name with both checksums, and runs nothing after it", async () => {
    const db = getDb();
    const dir = await copyFixture("basic");
    const args = ["--database-url", db.url as string, "--migrations-dir", dir];
    expect((await runCli(["up", "--to", "0002", ...args])).code).toBe(0);
    const path = join(dir, "0002_add_posts.sql");
    const original = parseMigrationFile(path, await readFile(path, "utf8"));
    await writeFile(path, (await readFile(path, "utf8")).replace("title text NOT NULL", "title varchar(200) NOT NULL"));
    const edited = parseMigrationFile(path, await readFile(path, "utf8"));

    const run = await runCli(["up", ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("applied migration 0002_add_posts was edited after it ran");
    expect(run.stderr).toContain(`recorded checksum ${original.checksum}`);
    expect(run.stderr).toContain(`file now ${edited.checksum}`);
    expect(run.stderr).toContain("Nothing was applied");
    expect((await historyRows(db.client)).map((row) => row.name)).toEqual(["0001_create_schema", "0002_add_posts"]);
    const column = await db.client.query("SELECT 1 FROM information_schema.columns WHERE column_name = 'display_name'");
    expect(column.rows).toHaveLength(0);

    const status = await runCli(["status", "--json", ...args]);
    expect(status.code).toBe(1);
    const document = JSON.parse(status.stdout) as { results: { migrations: { name: string; state: string }[] }[] };
    expect(document.results[0]?.migrations.map((migration) => migration.state)).toEqual([
      "applied",
      "changed",
      "pending",
      "pending",
    ]);
  });

  it("reports an applied migration whose file is missing", async () => {
    const db = getDb();
    const dir = await copyFixture("basic");
    const args = ["--database-url", db.url as string, "--migrations-dir", dir];
    expect((await runCli(["up", ...args])).code).toBe(0);
    await rm(join(dir, "0004_add_user_names.sql"));

    const status = await runCli(["status", ...args]);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/\? 0004_add_user_names\s+missing-file/);
    expect(status.stdout).toContain("migration 0004_add_user_names is applied on");
    expect(status.stdout).toContain("but its file is not in the migrations directory");

    const up = await runCli(["up", ...args]);
    expect(up.code).toBe(1);
    expect(up.stdout).toContain("0004_add_user_names");
    expect(up.stdout).toContain("nothing to do");
  });
});
