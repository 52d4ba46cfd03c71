import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLockFile } from "../../src/embedded/index.js";
import { MigratorError } from "../../src/errors/index.js";

describe("the embedded database's lock file", () => {
  const lockPath = async () => join(await mkdtemp(join(tmpdir(), "lock-file-")), "pglite.lock");

  it("is exclusive while held and gone after release", async () => {
    const path = await lockPath();
    const release = acquireLockFile(path, "the test database");
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => acquireLockFile(path, "the test database")).toThrow(MigratorError);
    expect(() => acquireLockFile(path, "the test database")).toThrow(`is in use by process ${process.pid}`);
    release();
    expect(existsSync(path)).toBe(false);
    acquireLockFile(path, "the test database")();
  });

  it("is taken over when its pid now belongs to a different process (pid reuse after a kill)", async () => {
    const path = await lockPath();
    await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), start: "1", since: "long ago" }));
    const release = acquireLockFile(path, "the test database");
    expect(JSON.parse(await readFile(path, "utf8")).since).not.toBe("long ago");
    release();
  });

  it("names the other host and says when deleting it is safe, for a lock from another machine", async () => {
    const path = await lockPath();
    await writeFile(path, JSON.stringify({ pid: 1, host: "elsewhere", start: null, since: "today" }));
    expect(() => acquireLockFile(path, "the test database")).toThrow(/locked by process 1 on host elsewhere/);
  });
});
