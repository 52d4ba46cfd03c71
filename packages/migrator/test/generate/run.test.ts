import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Catalog, emptyCatalog } from "@platform/schema";
import { afterEach, describe, expect, it } from "vitest";
import type { Output } from "../../src/cli/output.js";
import { MigratorError } from "../../src/errors/index.js";
import { runGenerate } from "../../src/generate/run.js";

/** An Output that keeps what the command printed. */
const recorder = (json = false) => {
  const lines: string[] = [];
  const documents: unknown[] = [];
  const id = (s: string) => s;
  const output: Output = {
    json,
    palette: { red: id, yellow: id, dim: id, green: id, bold: id },
    line: (t) => lines.push(t),
    progress: (t) => lines.push(t),
    finding: (f) => lines.push(f.message),
    document: (v) => documents.push(v),
  };
  return { output, lines, documents };
};

const declared: Catalog = {
  ...emptyCatalog(),
  schemas: [{ name: "cli" }],
  tables: [{ schema: "cli", name: "t", columns: [{ name: "id", type: "integer" }] }],
};

const roots: string[] = [];
const setup = async (catalog: unknown) => {
  const root = await mkdtemp(join(tmpdir(), "generate-run-"));
  roots.push(root);
  const catalogFile = join(root, "catalog.json");
  await writeFile(catalogFile, JSON.stringify(catalog));
  return { migrationsDir: join(root, "migrations"), catalogFile };
};
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe("migrate generate (runGenerate)", () => {
  it("writes from a Catalog JSON file, then reports no changes", async () => {
    const paths = await setup(declared);
    const first = recorder();
    expect(await runGenerate({ name: "Create T!", ...paths }, first.output)).toBe(0);
    expect(first.lines.join("\n")).toMatch(/wrote .*0001_create_t\.sql/);
    expect((await readdir(paths.migrationsDir)).sort()).toEqual(["0001_create_t.sql", "meta"]);

    const second = recorder();
    expect(await runGenerate({ name: "again", ...paths }, second.output)).toBe(0);
    expect(second.lines.join("\n")).toContain("no changes");
  });

  it("--dry-run prints the files and writes nothing; --json gives one document", async () => {
    const paths = await setup(declared);
    const dry = recorder();
    await runGenerate({ name: "init", ...paths, dryRun: true }, dry.output);
    expect(dry.lines.join("\n")).toContain("CREATE TABLE cli.t");
    expect(dry.lines.join("\n")).toContain("would write");
    await expect(readdir(paths.migrationsDir)).rejects.toThrow();

    const json = recorder(true);
    await runGenerate({ name: "init", ...paths }, json.output);
    expect(json.documents).toEqual([
      expect.objectContaining({ command: "generate", status: "generated", steps: 2, hazards: [] }),
    ]);
  });

  it("refuses a file that is not a Catalog, naming the file and the field", async () => {
    const paths = await setup({ ...declared, tables: [{ schema: "cli", name: "t" }] });
    const error = await runGenerate({ name: "x", ...paths }, recorder().output).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigratorError);
    expect((error as MigratorError).code).toBe("catalog_invalid");
    expect((error as MigratorError).exitCode).toBe(2);
    expect((error as MigratorError).path).toContain("catalog.json:tables.0");
  });
});
