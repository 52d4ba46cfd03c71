/**
 * The diff engine against its baselines, whole processes, every row measured in the same run (rounds
 * interleaved, so a load spike on the shared machine hits both sides of a ratio alike). Standalone:
 *
 *   pnpm exec tsx --conditions=@platform/source bench/diff-engine.bench.ts [--sizes 100,500,1000] [--rounds 5] [--no-build]
 *
 * On the synthetic platform-like schema of `fixtures/synthetic` (written by its generator first):
 * - `migrate generate` (compiled CLI, `node packages/migrator/dist/cli/main.js generate --catalog …`): full create
 *   into an empty migrations dir, and incremental (1% of tables changed) against the full schema's snapshot,
 *   vs `drizzle-kit generate` on the same model in pg-core, full and incremental against its own snapshot.
 * - `migrate verify --declarations catalog.json` on a native PostgreSQL 16 database migrated to the schema
 *   vs kysely-codegen's introspection of the same database (`--out-file`) vs a floor of one `psql` query
 *   reading every column (name, type, nullability, default) from the catalogs.
 * - Growth from the smallest to the largest size for each of our measurements (linear: ≤ 11× for 10× tables).
 * Median of `--rounds` runs per cell; the load average is printed before and after.
 */
import { cp, mkdir, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { connectPg, type SqlClient } from "@platform/migrator/db";
import { type SyntheticFiles, writeSynthetic } from "../fixtures/synthetic/generate.js";
import { openNativeRun } from "../test/support/native-run.js";
import { argValue, markdownTable, median, type ProcessResult, timeProcess } from "./support/process.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const SIZES = (argValue("sizes") ?? "100,500,1000").split(",").map(Number);
const ROUNDS = Number(argValue("rounds") ?? 5);
const CLI = join(repoRoot, "packages/migrator/dist/cli/main.js");
const DRIZZLE_KIT = join(repoRoot, "node_modules/drizzle-kit/bin.cjs");
const KYSELY_CODEGEN = join(repoRoot, "node_modules/kysely-codegen/dist/cli/bin.js");
const PSQL = "/usr/bin/psql";
const node = process.execPath;

/** Every column of every user relation, with what verify compares of a column: the floor of one catalog read. */
const FLOOR_QUERY = `SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
  pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;

type Samples = Map<string, number[]>;
const record = (samples: Samples, key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
/** Keeps both clocks of a process: wall under `key`, CPU under `cpu:key`. */
const measure = async (samples: Samples, key: string, run: Promise<ProcessResult>): Promise<ProcessResult> => {
  const result = await run;
  record(samples, key, result.ms);
  if (result.cpuMs !== undefined) record(samples, `cpu:${key}`, result.cpuMs);
  return result;
};
const cell = (samples: Samples, key: string): number | undefined => {
  const values = samples.get(key);
  return values && values.length > 0 ? median(values) : undefined;
};

const buildCli = async (): Promise<string> => {
  if (process.argv.includes("--no-build")) return "not rebuilt (--no-build)";
  try {
    await timeProcess("pnpm", ["--filter", "@platform/migrator", "build"], { cwd: repoRoot });
    return "rebuilt";
  } catch (error) {
    return `build FAILED, measuring the existing dist (${String(error).split("\n")[0]})`;
  }
};

/** `migrate generate` / `drizzle-kit generate` full and incremental, `rounds` times, interleaved. */
const benchGenerate = async (n: number, files: SyntheticFiles, samples: Samples): Promise<string> => {
  const runs = join(files.dir, "runs");
  await rm(runs, { recursive: true, force: true });
  const ours = (catalog: string, dir: string, name: string) =>
    timeProcess(node, [CLI, "generate", name, "--catalog", catalog, "--migrations-dir", dir], { cwd: repoRoot });
  // drizzle-kit mangles an absolute --out; relative to the repository root it works
  const drizzle = (schema: string, dir: string) =>
    timeProcess(
      node,
      [
        DRIZZLE_KIT,
        "generate",
        "--dialect",
        "postgresql",
        "--schema",
        relative(repoRoot, schema),
        "--out",
        relative(repoRoot, dir),
      ],
      { cwd: repoRoot },
    );
  const oursBase = join(runs, "ours-base");
  const drizzleBase = join(runs, "drizzle-base");
  await ours(files.catalog, oursBase, "full");
  await drizzle(files.drizzleSchema, drizzleBase);
  for (let round = 0; round < ROUNDS; round++) {
    const dir = (what: string) => join(runs, `${what}-${round}`);
    await measure(samples, `${n}:generate-full`, ours(files.catalog, dir("ours-full"), "full"));
    await measure(samples, `${n}:drizzle-full`, drizzle(files.drizzleSchema, dir("drizzle-full")));
    await cp(oursBase, dir("ours-inc"), { recursive: true });
    const inc = await measure(samples, `${n}:generate-inc`, ours(files.catalogChanged, dir("ours-inc"), "change"));
    if (!inc.stdout.includes("wrote")) throw new Error(`migrate generate wrote nothing incrementally:\n${inc.stdout}`);
    await cp(drizzleBase, dir("drizzle-inc"), { recursive: true });
    const drizzleInc = await measure(
      samples,
      `${n}:drizzle-inc`,
      drizzle(files.drizzleSchemaChanged, dir("drizzle-inc")),
    );
    if (!drizzleInc.stdout.includes("Your SQL migration file")) {
      throw new Error(`drizzle-kit generate wrote nothing incrementally:\n${drizzleInc.stdout.slice(-1000)}`);
    }
  }
  const sql = await readFile(join(oursBase, "0001_full.sql"), "utf8");
  await rm(runs, { recursive: true, force: true });
  return sql;
};

/** The up section of a generated file, in one transaction. */
const upSection = (file: string): string => {
  const up = file.split(/^-- migrate:down/m)[0]?.split(/^-- migrate:up.*$/m)[1] ?? "";
  return `BEGIN;\n${up}\nCOMMIT;`;
};

const benchVerify = async (
  n: number,
  files: SyntheticFiles,
  migrationSql: string,
  admin: SqlClient,
  adminUrl: string,
  samples: Samples,
  notes: string[],
): Promise<void> => {
  const name = `synthetic_${n}`;
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = await connectPg(url.toString(), "bench-apply");
  try {
    await client.exec(upSection(migrationSql));
  } finally {
    await client.close();
  }
  const verifyArgs = [CLI, "verify", "--database-url", url.toString(), "--declarations", files.catalog];
  const first = await timeProcess(node, verifyArgs, { cwd: repoRoot, okCodes: [0, 1] });
  if (first.code !== 0)
    notes.push(`${n} tables: verify found drift (exit ${first.code}):\n${first.stdout.slice(0, 1500)}`);
  const out = join(tmpdir(), `bench-kysely-codegen-${process.pid}.ts`);
  for (let round = 0; round < ROUNDS; round++) {
    await measure(samples, `${n}:verify`, timeProcess(node, verifyArgs, { cwd: repoRoot, okCodes: [0, 1] }));
    const codegenArgs = [KYSELY_CODEGEN, "--dialect", "postgres", "--url", url.toString(), "--out-file", out];
    await measure(samples, `${n}:kysely-codegen`, timeProcess(node, codegenArgs, { cwd: repoRoot }));
    const floorArgs = ["-X", "-A", "-t", "-c", FLOOR_QUERY, url.toString()];
    const floor = await measure(samples, `${n}:psql`, timeProcess(PSQL, floorArgs, { cwd: repoRoot }));
    if (round === 0) notes.push(`${n} tables: the psql floor read ${floor.stdout.trim().split("\n").length} columns`);
  }
  await rm(out, { force: true });
  await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
};

const ms = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? "–" : `${(a / b).toFixed(2)}×`;

/** The comparison and growth tables for one clock: `""` wall, `"cpu:"` CPU time. */
const renderClock = (samples: Samples, clock: "" | "cpu:"): string => {
  const unit = clock === "" ? "ms" : "CPU ms";
  const rows: string[][] = [];
  for (const n of SIZES) {
    const pair = (
      what: string,
      ours: string,
      base: string,
      baseName: string,
      target: string,
      ok: (r: number) => boolean,
    ) => {
      const o = cell(samples, `${clock}${n}:${ours}`);
      const b = cell(samples, `${clock}${n}:${base}`);
      const r = o !== undefined && b !== undefined ? b / o : undefined;
      rows.push([
        String(n),
        what,
        ms(o),
        baseName,
        ms(b),
        r === undefined ? "–" : `${r.toFixed(2)}×`,
        target,
        r === undefined ? "–" : ok(r) ? "yes" : "no",
      ]);
    };
    pair(
      "migrate generate (full)",
      "generate-full",
      "drizzle-full",
      "drizzle-kit generate",
      "≥10× (at 1000)",
      (r) => r >= 10,
    );
    pair(
      "migrate generate (1% changed)",
      "generate-inc",
      "drizzle-inc",
      "drizzle-kit generate",
      "≥10× (at 1000)",
      (r) => r >= 10,
    );
    pair("migrate verify", "verify", "kysely-codegen", "kysely-codegen", "≥5×", (r) => r >= 5);
    pair("migrate verify", "verify", "psql", "psql floor (1 query)", "≥0.5× (within 2×)", (r) => r >= 0.5);
  }
  const table = markdownTable(
    ["tables", "ours", `ours ${unit}`, "baseline", `baseline ${unit}`, "baseline/ours", "target", "met"],
    rows,
  );
  const lo = Math.min(...SIZES);
  const hi = Math.max(...SIZES);
  if (lo === hi) return table;
  const growth = markdownTable(
    [
      "measurement",
      `${lo} tables ${unit}`,
      `${hi} tables ${unit}`,
      "growth",
      `linear (≤${((hi / lo) * 1.1).toFixed(0)}×)`,
    ],
    ["generate-full", "generate-inc", "verify", "drizzle-full", "drizzle-inc", "kysely-codegen", "psql"].map((key) => {
      const a = cell(samples, `${clock}${lo}:${key}`);
      const b = cell(samples, `${clock}${hi}:${key}`);
      return [key, ms(a), ms(b), ratio(b, a), a && b ? (b / a <= (hi / lo) * 1.1 ? "yes" : "no") : "–"];
    }),
  );
  return [table, "", growth].join("\n");
};

const render = (samples: Samples, notes: readonly string[]): string =>
  [
    `Wall clock, whole processes, median of ${ROUNDS}:`,
    "",
    renderClock(samples, ""),
    "",
    `CPU time (user + system, the process and its children; robust to the shared machine's load), median of ${ROUNDS}:`,
    "",
    renderClock(samples, "cpu:"),
    "",
    ...notes.map((n) => `- ${n}`),
  ].join("\n");

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

const main = async () => {
  const startLoad = load();
  const build = await buildCli();
  console.log(`diff-engine bench: sizes ${SIZES.join(", ")}, ${ROUNDS} rounds, ${cpus().length} cores, CLI ${build}`);
  console.log(`load average (1/5/15 min) at start: ${startLoad}`);
  const samples: Samples = new Map();
  const notes: string[] = [];
  const fixtures = new Map<number, SyntheticFiles>();
  const migrations = new Map<number, string>();
  for (const n of SIZES) {
    fixtures.set(n, await writeSynthetic(n));
    console.log(`generate: ${n} tables…`);
    migrations.set(n, await benchGenerate(n, fixtures.get(n) as SyntheticFiles, samples));
  }
  const run = await openNativeRun({ versions: [16] });
  const server = run.servers[0];
  if (!server) throw new Error("no native server");
  const admin = await connectPg(server.adminUrl, "bench-admin");
  try {
    for (const n of SIZES) {
      console.log(`verify: ${n} tables…`);
      await benchVerify(
        n,
        fixtures.get(n) as SyntheticFiles,
        migrations.get(n) as string,
        admin,
        server.adminUrl,
        samples,
        notes,
      );
    }
  } finally {
    await admin.close();
    await run.close();
  }
  notes.push(`load average (1/5/15 min): ${startLoad} at start, ${load()} at end, ${cpus().length} cores`);
  console.log(`\n${render(samples, notes)}`);
};

await mkdir(tmpdir(), { recursive: true });
await main();
