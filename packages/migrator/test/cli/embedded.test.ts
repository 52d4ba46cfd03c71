import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fixture, runCli, spawnCli } from "../runner/helpers/cli.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

/** The embedded default: no --database-url, no DATABASE_URL → PGlite persisted in a data directory. */
describe("the embedded PGlite database (no URL given)", () => {
  const freshDir = async () => join(await mkdtemp(join(tmpdir(), "migrator-embedded-")), "pglite");
  const statusOf = async (dir: string, migrations: string) => {
    const run = await runCli(["status", "--json", "--embedded-dir", dir, "--migrations-dir", migrations]);
    return {
      code: run.code,
      states: (JSON.parse(run.stdout) as { results: { migrations: { state: string }[] }[] }).results[0]?.migrations.map(
        (migration) => migration.state,
      ),
    };
  };

  it("applies every migration, and a second `up` says there is nothing to do", async () => {
    const dir = await freshDir();
    const first = await runCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("basic")]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("applied 4 migration(s)");
    const second = await runCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("basic")]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("nothing to do: all 4 migration(s) are applied");
    expect(await statusOf(dir, fixture("basic"))).toEqual({
      code: 0,
      states: ["applied", "applied", "applied", "applied"],
    });
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("has pgvector: the migration a native server without it refuses applies here", async () => {
    const dir = await freshDir();
    const run = await runCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("needs-vector")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("applied 2 migration(s)");
  });

  it("refuses a second process on the same data directory while the first runs", async () => {
    const dir = await freshDir();
    const first = spawnCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("killable")]);
    while (!existsSync(`${dir}.lock`)) await sleep(20);
    const second = await runCli(["status", "--embedded-dir", dir, "--migrations-dir", fixture("killable")]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`is in use by process ${first.child.pid}`);
    expect(second.stderr).toContain("PGlite cannot share a data directory between processes");
    const firstDone = await first.done;
    expect(firstDone.code, firstDone.stderr).toBe(0);
  });

  it("takes over the lock file of a process that was killed, and converges", async () => {
    const dir = await freshDir();
    const victim = spawnCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("killable")]);
    while (!existsSync(`${dir}.lock`)) await sleep(20);
    await sleep(1500);
    victim.child.kill("SIGKILL");
    await victim.done;
    expect(JSON.parse(await readFile(`${dir}.lock`, "utf8"))).toMatchObject({ pid: victim.child.pid });

    const next = await runCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("killable")]);
    expect(next.code, next.stderr).toBe(0);
    expect(await statusOf(dir, fixture("killable"))).toEqual({
      code: 0,
      states: ["applied", "applied", "applied", "applied"],
    });
  });

  it("takes over a lock file left by a process that no longer exists", async () => {
    const dir = await freshDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("close", resolve));
    await writeFile(
      `${dir}.lock`,
      JSON.stringify({ pid: gone.pid, host: (await import("node:os")).hostname(), start: null, since: "earlier" }),
    );
    const run = await runCli(["up", "--embedded-dir", dir, "--migrations-dir", fixture("lock-retry")]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
