/**
 * `migrate diff --check` (CI) as a process: clean on the repository's migrations; exit 1 with the missing
 * SQL when the declarations changed without a migration; exit 1 naming the file when a migration was
 * edited after it was generated (its replay into a scratch PGlite no longer produces its snapshot).
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { migrate } from "../verify/migrate-cli.js";

vi.setConfig({ testTimeout: 400_000 });

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const migrations = join(repoRoot, "packages/schema/migrations");

const copyMigrations = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "diff-check-"));
  await cp(migrations, dir, { recursive: true });
  return dir;
};

describe("migrate diff --check", () => {
  it("passes on the repository's migrations", async () => {
    const run = await migrate(["diff", "--check"]);
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stdout).toContain("the migrations match the declarations and replay to their snapshots");
  });

  it("fails with the missing SQL when a declaration changed without a migration", async () => {
    const dir = await copyMigrations();
    const declarations = join(repoRoot, "test/drift/fixtures/platform-with-extra-column.ts");
    const run = await migrate(["diff", "--check", "--migrations-dir", dir, "--declarations", declarations]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the declarations changed since the latest snapshot");
    expect(run.stdout).toContain("ALTER TABLE auth.groups ADD COLUMN archived_at timestamp with time zone;");
  });

  it("fails naming the migration file that was edited", async () => {
    const dir = await copyMigrations();
    const file = join(dir, "0001_initial.sql");
    const text = await readFile(file, "utf8");
    await writeFile(
      file,
      text.replace("-- migrate:down", "ALTER TABLE auth.groups ADD COLUMN sneaky text;\n\n-- migrate:down"),
    );
    const run = await migrate(["diff", "--check", "--migrations-dir", dir, "--json"]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      problems: { code: string; path: string; drift?: { code: string; path: string }[] }[];
    };
    expect(doc.problems.map((p) => [p.code, p.path])).toEqual([["migration_edited", file]]);
    expect(doc.problems[0]?.drift?.map((d) => `${d.code} ${d.path}`)).toEqual(["column_unexpected auth.groups.sneaky"]);
  });
});
