import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { copyFixture, runCli } from "../runner/helpers/cli.js";
import { historyRows } from "../runner/helpers/databases.js";
import { describeOnProviders } from "../runner/helpers/providers.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

describeOnProviders("a migration that fails", { providers: ["native"] }, (getDb) => {
  it("is rolled back whole, named with file and line, and stops the run; fixed, the next up continues", async () => {
    const db = getDb();
    const dir = await copyFixture("broken");
    const args = ["--database-url", db.url as string, "--migrations-dir", dir];
    const run = await runCli(["up", ...args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("↑ 0001_good");
    expect(run.stderr).toContain(
      `migration 0002_half (up) failed in "INSERT INTO half VALUES (1)": duplicate key value violates unique constraint`,
    );
    expect(run.stderr).toContain("[SQLSTATE 23505]");
    expect(run.stderr).toContain("its transaction was rolled back, nothing of it was applied");
    expect(run.stderr).toContain(`${join(dir, "0002_half.sql")}:4`);
    expect((await historyRows(db.client)).map((row) => row.name)).toEqual(["0001_good"]);
    const tables = await db.client.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relname IN ('good', 'half', 'after_half') AND relkind = 'r' ORDER BY 1",
    );
    expect(tables.rows.map((row) => row.relname)).toEqual(["good"]);

    const path = join(dir, "0002_half.sql");
    await writeFile(
      path,
      (await readFile(path, "utf8")).replace("INSERT INTO half VALUES (1);\n-- migrate", "-- migrate"),
    );
    await writeFile(path, (await readFile(path, "utf8")).replace(/INSERT INTO half VALUES \(1\);\n(?=\n)/, ""));
    const fixed = await runCli(["up", ...args]);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect((await historyRows(db.client)).map((row) => row.name)).toEqual(["0001_good", "0002_half", "0003_after"]);
  });
});
