import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MigratorError } from "../../src/errors/index.js";
import { checksumOf, loadMigrations, parseMigrationFile } from "../../src/files/index.js";

const parseError = (path: string, text: string): MigratorError => {
  try {
    parseMigrationFile(path, text);
  } catch (error) {
    if (error instanceof MigratorError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
};

describe("parseMigrationFile", () => {
  it("reads up and down sections, the transaction option and the name", () => {
    const file = parseMigrationFile(
      "m/0003_index.sql",
      "-- a comment above\n-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);\n\n-- migrate:down\nDROP INDEX i;\n",
    );
    expect(file.name).toBe("0003_index");
    expect(file.version).toBe("0003");
    expect(file.up.transaction).toBe(false);
    expect(file.up.line).toBe(2);
    expect(file.up.sql.trim()).toBe("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);");
    expect(file.down?.sql.trim()).toBe("DROP INDEX i;");
    expect(file.down?.transaction).toBe(true);
  });

  it("treats a down section with only comments as absent (irreversible)", () => {
    const file = parseMigrationFile("0001_a.sql", "-- migrate:up\nselect 1;\n-- migrate:down\n-- TODO\n");
    expect(file.down).toBeUndefined();
    expect(parseMigrationFile("0001_a.sql", "-- migrate:up\nselect 1;\n-- migrate:down\n\n").down).toBeUndefined();
  });

  it("reads a down section saying only `-- nothing to undo` (generate's marker) as one that reverts by doing nothing", () => {
    const file = parseMigrationFile("0001_a.sql", "-- migrate:up\nselect 1;\n-- migrate:down\n-- nothing to undo\n");
    expect(file.down?.sql.trim()).toBe("-- nothing to undo");
  });

  it("checksums the up section only, ignoring line endings and the down section", () => {
    const a = parseMigrationFile("0001_a.sql", "-- migrate:up\nselect 1;\n-- migrate:down\nselect 2;\n");
    const b = parseMigrationFile(
      "0001_a.sql",
      "-- header\r\n-- migrate:up\r\nselect 1;\r\n-- migrate:down\r\nselect 3;\r\n",
    );
    const c = parseMigrationFile("0001_a.sql", "-- migrate:up\nselect 2;\n-- migrate:down\nselect 2;\n");
    const d = parseMigrationFile(
      "0001_a.sql",
      "-- migrate:up transaction:false\nselect 1;\n-- migrate:down\nselect 2;\n",
    );
    expect(a.checksum).toBe(b.checksum);
    expect(a.checksum).toBe(checksumOf("-- migrate:up\nselect 1;"));
    expect(a.checksum).not.toBe(c.checksum);
    expect(a.checksum).not.toBe(d.checksum);
  });

  it.each([
    ["badname.sql", "-- migrate:up\nselect 1;", "does not have the form NNNN_name.sql", undefined],
    ["0001_a.sql", "select 1;\n-- migrate:up\nselect 2;", "SQL before the `-- migrate:up` line", 1],
    ["0001_a.sql", "-- just a comment\n", "has no `-- migrate:up` section", 1],
    ["0001_a.sql", "-- migrate:up\n\n-- only comments\n", "contains no SQL", 1],
    ["0001_a.sql", "-- migrate:up\nselect 1;\n-- migrate:up\nselect 2;", "second `-- migrate:up`", 3],
    ["0001_a.sql", "-- migrate:down\nselect 1;\n-- migrate:up\nselect 2;", "before `-- migrate:up`", 1],
    ["0001_a.sql", "-- migrate:up transaction:maybe\nselect 1;", 'unknown option "transaction:maybe"', 1],
    ["0001_a.sql", "-- migrate:up\nselect 1;\n-- migrate:dwon\nselect 2;", 'unknown directive "-- migrate:dwon"', 3],
    [
      "0001_a.sql",
      "-- migrate:up\nselect 1;\n\nCREATE INDEX CONCURRENTLY i ON t (a);",
      "cannot run inside a transaction",
      4,
    ],
    ["0001_a.sql", "-- migrate:up\nBEGIN;\nselect 1;\nCOMMIT;", "which already runs in a transaction of its own", 2],
  ])("refuses %s %j with file, line and fix", (path, text, problem, line) => {
    const error = parseError(`dir/${path}`, text);
    expect(error.code).toBe("migration_file_invalid");
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(`dir/${path}`);
    expect(error.message).toContain(problem);
    expect(error.path).toBe(line === undefined ? `dir/${path}` : `dir/${path}:${line}`);
    expect(error.fix).toBeTruthy();
  });
});

describe("loadMigrations", () => {
  it("orders by numeric version, skips subfolders and other files, refuses duplicate versions", async () => {
    const dir = await mkdtemp(join(tmpdir(), "migrations-"));
    await writeFile(join(dir, "10_ten.sql"), "-- migrate:up\nselect 10;");
    await writeFile(join(dir, "0002_two.sql"), "-- migrate:up\nselect 2;");
    await writeFile(join(dir, "README.md"), "not a migration");
    const files = await loadMigrations(dir);
    expect(files.map((file) => file.name)).toEqual(["0002_two", "10_ten"]);
    await writeFile(join(dir, "002_again.sql"), "-- migrate:up\nselect 2;");
    await expect(loadMigrations(dir)).rejects.toMatchObject({ code: "migration_version_duplicate", exitCode: 2 });
    await expect(loadMigrations(join(dir, "nope"))).rejects.toMatchObject({ code: "migrations_dir_missing" });
  });
});
