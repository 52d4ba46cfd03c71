/**
 * The `seed` command as a process: a database that is not migrated, a missing embedded database and bad
 * arguments exit 2 with a message saying what to do.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  availableProviderNames,
  createTestDatabase,
  matchesSelector,
  type TestDatabase,
} from "../../../test/support/index.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(repoRoot, "packages/seed/src/cli.ts");

const runSeed = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=@platform/source", cli, ...args], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe("seed CLI", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seed-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses an embedded database that does not exist, without creating it (exit 2)", () => {
    const missing = join(dir, "never-migrated");
    const run = runSeed(["--embedded-dir", missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the embedded database ${missing} does not exist`);
    expect(run.stderr).toContain("fix: run `pnpm migrate up` first");
    expect(existsSync(missing)).toBe(false);
  });

  it("rejects a scale that is not a whole number of at least 1 (exit 2)", () => {
    const run = runSeed(["--scale", "0", "--embedded-dir", join(dir, "x")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--scale");
  });
});

const native = availableProviderNames().find((name) => matchesSelector(name, "native"));

describe.skipIf(native === undefined)(`seed CLI on ${native ?? "native PostgreSQL (not available)"}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("native");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("names the missing tables of a database that is not migrated and exits 2 (DATABASE_URL)", async () => {
    const run = runSeed([], { DATABASE_URL: database.url as string });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not migrated: none of the platform's tables exist");
    expect(run.stderr).toContain("→ at auth.organizations");
    expect(run.stderr).toContain("fix: run `pnpm migrate up` against this database first");
    const { rows } = await database.client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'auth'");
    expect(rows).toEqual([]);
  });

  it("names what is missing in a partly migrated database", async () => {
    await database.client.exec("CREATE SCHEMA auth; CREATE TABLE auth.organizations (id uuid)");
    const run = runSeed(["--database-url", database.url as string]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("19 of the platform's tables are missing (auth.users, auth.groups,");
    expect(run.stderr).toContain("→ at auth.users");
  });
});
