import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { platformCatalog } from "@platform/schema";
import { afterAll, describe, expect, it } from "vitest";
import { runTypesCommand } from "../../src/cli/commands/types.js";
import type { Output } from "../../src/cli/output.js";
import { generateTypes } from "../../src/codegen/index.js";
import type { Finding } from "../../src/errors/index.js";

/** An Output that keeps what the command says, so the test reads it. */
const recorder = () => {
  const lines: string[] = [];
  const findings: Finding[] = [];
  const output: Output = {
    json: false,
    palette: { red: (s) => s, yellow: (s) => s, dim: (s) => s, green: (s) => s, bold: (s) => s },
    line: (text) => lines.push(text),
    progress: (text) => lines.push(text),
    finding: (finding) => findings.push(finding),
    document: () => {},
  };
  return { output, lines, findings };
};

const dir = mkdtempSync(join(tmpdir(), "migrate-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrate types", () => {
  const out = join(dir, "db.ts");

  it("writes the platform's types, then leaves an up-to-date file alone", async () => {
    const first = recorder();
    expect(await runTypesCommand({ out }, first.output)).toBe(0);
    expect(first.lines).toEqual([`wrote ${out}`]);
    expect(readFileSync(out, "utf8")).toBe(generateTypes(platformCatalog()));

    const second = recorder();
    expect(await runTypesCommand({ out }, second.output)).toBe(0);
    expect(second.lines).toEqual([`${out} is up to date`]);
  });

  it("--check exits 0 when fresh and 1 when stale, naming the file, the first differing line and the fix", async () => {
    const fresh = recorder();
    expect(await runTypesCommand({ out, check: true }, fresh.output)).toBe(0);
    expect(fresh.findings).toEqual([]);

    const content = readFileSync(out, "utf8");
    writeFileSync(out, content.replace("export interface DB {", "export interface DB {\n  legacy: Legacy;"));
    const stale = recorder();
    expect(await runTypesCommand({ out, check: true }, stale.output)).toBe(1);
    expect(stale.findings).toHaveLength(1);
    expect(stale.findings[0]).toMatchObject({ code: "types_stale", path: out, fix: "pnpm migrate types" });
    expect(stale.findings[0]?.message).toContain("found `legacy: Legacy;`");
    expect(readFileSync(out, "utf8")).toContain("legacy: Legacy;");
  });

  it("--validate lowers and validates the whole platform first, then writes the same types", async () => {
    const validated = recorder();
    const file = join(dir, "validated.ts");
    expect(await runTypesCommand({ out: file, validate: true }, validated.output)).toBe(0);
    expect(validated.findings).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe(generateTypes(platformCatalog()));
  });

  it("--check exits 1 when the file is missing", async () => {
    const missing = recorder();
    expect(await runTypesCommand({ out: join(dir, "none.ts"), check: true }, missing.output)).toBe(1);
    expect(missing.findings[0]).toMatchObject({ code: "types_missing", fix: "pnpm migrate types" });
  });

  it("writes what Biome would format unchanged (CI runs biome check on the committed file)", () => {
    const content = generateTypes(platformCatalog());
    const formatted = execFileSync("pnpm", ["exec", "biome", "format", "--stdin-file-path=packages/types/src/db.ts"], {
      input: content,
      encoding: "utf8",
    });
    expect(formatted).toBe(content);
  });
});
