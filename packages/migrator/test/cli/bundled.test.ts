/**
 * The CLI as users run it: `pnpm migrate` starts the esbuild bundle in dist (build-cli.mjs), not the
 * TypeScript sources the other CLI tests start. Bundling can break what the sources do not (a CommonJS
 * package imported dynamically lost its named exports once: "Umzug is not a constructor"), so the main
 * job runs here end to end from dist: up on a fresh embedded database with the after-up verify, status,
 * verify, generate (nothing to do: the declarations match the latest snapshot) and types --check.
 * `pnpm test` builds before vitest runs; a missing bundle fails with the command that makes it.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { type CliResult, repoRoot } from "../runner/helpers/cli.js";

vi.setConfig({ testTimeout: 400_000 });

const bundle = join(repoRoot, "packages/migrator/dist/cli/main.js");

const runBundle = (args: readonly string[]): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: undefined, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });

describe("the bundled CLI (packages/migrator/dist/cli/main.js)", () => {
  let embeddedDir = "";
  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`pnpm turbo run build\` first`);
    embeddedDir = join(await mkdtemp(join(tmpdir(), "migrator-bundled-")), "pglite");
  });

  it("migrates a fresh embedded database to the platform and verifies it clean", async () => {
    const up = await runBundle(["up", "--embedded-dir", embeddedDir]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/applied \d+ migration\(s\)/);
    const files = (await readdir(join(repoRoot, "packages/schema/migrations"))).filter((f) => f.endsWith(".sql"));
    const status = await runBundle(["status", "--json", "--embedded-dir", embeddedDir]);
    expect(status.code, status.stderr).toBe(0);
    const states = (
      JSON.parse(status.stdout) as { results: { migrations: { state: string }[] }[] }
    ).results[0]?.migrations.map((m) => m.state);
    expect(states).toEqual(files.map(() => "applied"));
    const verify = await runBundle(["verify", "--embedded-dir", embeddedDir, "--json"]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it("generates nothing when the declarations match the latest snapshot, and finds the types fresh", async () => {
    const migrations = await mkdtemp(join(tmpdir(), "migrator-bundled-generate-"));
    await cp(join(repoRoot, "packages/schema/migrations"), migrations, { recursive: true });
    const before = await readdir(migrations, { recursive: true });
    const generate = await runBundle(["generate", "unchanged", "--migrations-dir", migrations]);
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stdout).toMatch(/nothing/i);
    expect(await readdir(migrations, { recursive: true })).toEqual(before);
    const types = await runBundle(["types", "--check"]);
    expect(types.code, types.stdout + types.stderr).toBe(0);
  });
});
