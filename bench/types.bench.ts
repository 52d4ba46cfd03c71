/**
 * `migrate types` (Catalog → Kysely types, no database) vs kysely-codegen (live database → Kysely
 * types) on the same migrated database, whole processes, in the same run. Standalone:
 *
 *   pnpm exec tsx --conditions=@platform/source bench/types.bench.ts [--rounds 7]
 *
 * The database: BENCH_DATABASE_URL when set (already migrated, e.g. by `pnpm migrate up`), else an
 * in-process PGlite (PostgreSQL 18 + pgvector) built from the platform Catalog by the SQL emitter and
 * served over the wire, which kysely-codegen reads through `pg` like any server. Rows:
 * - `migrate types` — `node packages/migrator/dist/cli/main.js types --out <tmp>` (built first, as
 *   `pnpm migrate` does; the build is not timed). If the CLI does not list the command yet, the same
 *   command module is run from dist by a two-line entry and the row says so.
 * - `migrate types --check` — the CI form: same work, compares instead of writing.
 * - `kysely-codegen` — `node node_modules/kysely-codegen/dist/cli/bin.js --dialect postgres --url …`.
 * Both outputs are checked to describe the same relations before anything is timed.
 * Two more rows time the work alone, in this process after a warm-up (modules loaded, declarations
 * lowered): `generateTypes` + write vs kysely-codegen's `Cli.generate` (introspect + write). The
 * difference between the two pairs is process start and module loading.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { platformCatalog } from "@platform/schema";
import { Cli } from "kysely-codegen";
import { generateTypes } from "../packages/migrator/src/codegen/index.js";
import { writeTypesFile } from "../packages/migrator/src/codegen/types-file.js";
import { emitCreateScript } from "../packages/migrator/src/sql/index.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const argValue = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const ROUNDS = argValue("rounds", 7);

interface Run {
  readonly code: number;
  readonly ms: number;
  readonly output: string;
}

const run = (command: string, args: readonly string[]): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? -1, ms: Number(process.hrtime.bigint() - started) / 1e6, output }),
    );
  });

const mustSucceed = async (label: string, command: string, args: readonly string[]): Promise<Run> => {
  const result = await run(command, args);
  if (result.code !== 0) throw new Error(`${label} exited ${result.code}:\n${result.output}`);
  return result;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const startDatabase = async (): Promise<{ url: string; label: string; stop: () => Promise<void> }> => {
  const fromEnv = process.env.BENCH_DATABASE_URL;
  if (fromEnv) return { url: fromEnv, label: "BENCH_DATABASE_URL", stop: async () => {} };
  const db = new PGlite({ extensions: { vector, pgcrypto, uuid_ossp, pg_trgm, citext } });
  await db.exec(emitCreateScript(platformCatalog()));
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    label: "PGlite (PG 18 + pgvector) over pglite-socket, platform applied by emitCreateScript",
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
};

/** `DB` keys of a generated file, to check both tools describe the same relations. */
const dbKeys = (source: string): string[] => {
  const body = /export interface DB \{\n([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => /^\s+"?([^":]+)"?:/.exec(line)?.[1])
    .filter((key): key is string => key !== undefined)
    .sort();
};

const main = async (): Promise<void> => {
  console.log("building @platform/migrator (not timed) …");
  await mustSucceed("build", "pnpm", [
    "exec",
    "turbo",
    "run",
    "build",
    "--filter=@platform/migrator",
    "--output-logs=errors-only",
  ]);
  const work = await mkdtemp(join(tmpdir(), "types-bench-"));
  const database = await startDatabase();
  try {
    const ours = join(work, "ours.ts");
    const theirs = join(work, "kysely-codegen.ts");
    const cli = join(repoRoot, "packages/migrator/dist/cli/main.js");
    const registered = /^\s+types\b/m.test((await run(process.execPath, [cli, "--help"])).output);
    const entry = join(work, "types-entry.mjs");
    await writeFile(
      entry,
      `import { runTypesCommand } from ${JSON.stringify(join(repoRoot, "packages/migrator/dist/cli/commands/types.js"))};
import { createOutput } from ${JSON.stringify(join(repoRoot, "packages/migrator/dist/cli/output.js"))};
process.exitCode = await runTypesCommand({ out: process.argv[2], check: process.argv[3] === "--check" }, createOutput(false));
`,
    );
    const oursArgs = (check: boolean): string[] =>
      registered
        ? [cli, "types", "--out", ours, ...(check ? ["--check"] : [])]
        : [entry, ours, ...(check ? ["--check"] : [])];
    const kyselyArgs = [
      join(repoRoot, "node_modules/kysely-codegen/dist/cli/bin.js"),
      "--dialect",
      "postgres",
      "--url",
      database.url,
      "--out-file",
      theirs,
      "--log-level",
      "error",
    ];

    // warm-up, and proof that both describe the same relations
    await mustSucceed("migrate types", process.execPath, oursArgs(false));
    await mustSucceed("kysely-codegen", process.execPath, kyselyArgs);
    const [oursKeys, theirKeys] = [dbKeys(await readFile(ours, "utf8")), dbKeys(await readFile(theirs, "utf8"))];
    if (JSON.stringify(oursKeys) !== JSON.stringify(theirKeys)) {
      throw new Error(`the two outputs describe different relations:\nours ${oursKeys}\nkysely-codegen ${theirKeys}`);
    }

    const label = registered ? "migrate types" : "migrate types (module from dist; CLI lacks `types`)";
    const samples: Record<string, number[]> = { [label]: [], [`${label} --check`]: [], "kysely-codegen": [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // interleaved, so load from other processes on the machine hits every row alike
      samples[label]?.push((await mustSucceed("migrate types", process.execPath, oursArgs(false))).ms);
      samples[`${label} --check`]?.push(
        (await mustSucceed("migrate types --check", process.execPath, oursArgs(true))).ms,
      );
      samples["kysely-codegen"]?.push((await mustSucceed("kysely-codegen", process.execPath, kyselyArgs)).ms);
    }

    const inProcess = {
      ours: "generateTypes + write (in-process, warm)",
      theirs: "kysely-codegen Cli.generate (in-process, warm)",
    };
    samples[inProcess.ours] = [];
    samples[inProcess.theirs] = [];
    const catalog = platformCatalog();
    const kysely = new Cli();
    const kyselyOptions = {
      dialect: "postgres" as const,
      url: database.url,
      outFile: theirs,
      logLevel: "error" as const,
    };
    await kysely.generate(kyselyOptions);
    for (let round = 0; round < ROUNDS; round += 1) {
      let started = performance.now();
      await writeTypesFile(ours, generateTypes(catalog));
      samples[inProcess.ours]?.push(performance.now() - started);
      started = performance.now();
      await kysely.generate(kyselyOptions);
      samples[inProcess.theirs]?.push(performance.now() - started);
    }

    const baseline = median(samples["kysely-codegen"] ?? []);
    const inProcessBaseline = median(samples[inProcess.theirs] ?? []);
    console.log(
      `\ndatabase: ${database.label}\nrelations: ${oursKeys.length}, rounds: ${ROUNDS} (median of whole processes, node ${process.version})\n`,
    );
    console.log(`| ${"tool".padEnd(60)} | median ms |   min ms | kysely-codegen ÷ this |`);
    // in-process rows compare with kysely-codegen in-process; process rows with its whole process
    console.log(`| ${"-".repeat(60)} | --------: | -------: | --------------------: |`);
    for (const [name, values] of Object.entries(samples)) {
      const ms = median(values);
      const reference = name.includes("in-process") ? inProcessBaseline : baseline;
      const ratio = `${(reference / ms).toFixed(1)}×`;
      console.log(
        `| ${name.padEnd(60)} | ${ms.toFixed(ms < 10 ? 1 : 0).padStart(9)} | ${Math.min(...values)
          .toFixed(0)
          .padStart(8)} | ${ratio.padStart(21)} |`,
      );
    }
    console.log("\ntarget (issue 6): migrate types ≥ 10× faster than kysely-codegen, whole process");
  } finally {
    await database.stop();
    await rm(work, { recursive: true, force: true });
  }
};

await main();
