import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { MigratorError } from "../errors/index.js";

interface Owner {
  readonly pid: number;
  readonly host: string;
  /** Linux process start time (clock ticks since boot): tells a live owner from a new process reusing its pid */
  readonly start: string | null;
  readonly since: string;
}

/**
 * An exclusive lock file next to the PGlite data directory. PGlite is single-process: two processes on one
 * data directory corrupt it, so the second is refused. A file whose owner process is gone (killed) is stale
 * and taken over. Returns the release function.
 */
export const acquireLockFile = (path: string, what: string): (() => void) => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = openSync(path, "wx");
      const me: Owner = {
        pid: process.pid,
        host: hostname(),
        start: startTimeOf(process.pid),
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      if (owner === "stale") {
        unlinkSync(path);
        continue;
      }
      if (owner === "unreadable") {
        sleepSync(50);
        continue;
      }
      throw new MigratorError({
        code: "embedded_in_use",
        path,
        message:
          owner.host === hostname()
            ? `${what} is in use by process ${owner.pid} (since ${owner.since}); PGlite cannot share a data directory between processes`
            : `${what} is locked by process ${owner.pid} on host ${owner.host} (since ${owner.since}); PGlite cannot share a data directory between processes`,
        fix:
          owner.host === hostname()
            ? `wait for process ${owner.pid} to finish, or use a PostgreSQL server with --database-url`
            : `if no process on ${owner.host} uses it any more, delete ${path}`,
        exitCode: 2,
      });
    }
  }
  throw new MigratorError({
    code: "embedded_in_use",
    path,
    message: `cannot take the lock file ${path} for ${what}`,
    fix: `if no other migrate process is running, delete ${path}`,
    exitCode: 2,
  });
};

const readOwner = (path: string): Owner | "stale" | "unreadable" => {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(path, "utf8")) as Owner;
  } catch {
    // Empty or half-written: its writer was killed between create and write, or is writing right now.
    try {
      return Date.now() - statSync(path).mtimeMs > 5_000 ? "stale" : "unreadable";
    } catch {
      return "unreadable";
    }
  }
  if (owner.host !== hostname()) return owner;
  if (!isAlive(owner.pid)) return "stale";
  const start = startTimeOf(owner.pid);
  return owner.start !== null && start !== null && start !== owner.start ? "stale" : owner;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const startTimeOf = (pid: number): string | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
};

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
