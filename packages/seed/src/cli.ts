#!/usr/bin/env node
/**
 * `pnpm seed [--scale N] [--database-url URL] [--embedded-dir DIR]`: seeds the database `pnpm migrate up`
 * migrated — DATABASE_URL when set, else the embedded PGlite database under `<repo>/.data/pglite`.
 * Exit codes: 0 seeded (or already seeded), 1 seeding failed, 2 unusable target (not migrated,
 * unreachable, embedded database in use, bad arguments).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { connectUrl, openEmbeddedDatabase, type SeedConnection } from "./connection.js";
import { renderError } from "./errors.js";
import { seed } from "./seed.js";

/** The nearest ancestor with pnpm-workspace.yaml (as the migrator finds it), else this checkout. */
const repoRoot = (): string => {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) break;
  }
  return fileURLToPath(new URL("../../../", import.meta.url));
};

const parseScale = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number, 1 or more");
  return n;
};

const open = async (options: { databaseUrl?: string; embeddedDir?: string }): Promise<SeedConnection> => {
  const url = options.databaseUrl ?? process.env.DATABASE_URL?.trim();
  if (url) return connectUrl(url);
  return openEmbeddedDatabase(options.embeddedDir ? resolve(options.embeddedDir) : join(repoRoot(), ".data/pglite"));
};

const program = new Command("seed")
  .description("Fill a migrated platform database with deterministic sample data (idempotent)")
  .addOption(new Option("--scale <n>", "multiply the sample data by n").argParser(parseScale).default(1))
  .option("--database-url <url>", "PostgreSQL URL (default: env DATABASE_URL, else the embedded database)")
  .option("--embedded-dir <dir>", "data directory of the embedded database (default: <repo>/.data/pglite)")
  .option("--quiet", "print only the summary")
  .exitOverride()
  .addHelpText(
    "after",
    "\nExit codes: 0 seeded or already seeded, 1 seeding failed, 2 database not migrated / unreachable / in use.",
  )
  .action(async (options: { scale: number; databaseUrl?: string; embeddedDir?: string; quiet?: boolean }) => {
    const started = performance.now();
    const connection = await open(options);
    try {
      console.log(`seeding ${connection.label} (scale ${options.scale})`);
      const report = await seed(connection, {
        scale: options.scale,
        log: options.quiet ? undefined : (line) => console.log(`  ${line}`),
      });
      const inserted = report.tables.reduce((sum, t) => sum + t.inserted, 0);
      const planned = report.tables.reduce((sum, t) => sum + t.planned, 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        inserted === 0
          ? `already seeded: all ${planned} rows present, nothing changed (${seconds}s)`
          : `seeded: ${inserted} rows inserted, ${planned - inserted} already present (${seconds}s)`,
      );
    } finally {
      await connection.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  // commander has printed its own message (usage error) or the help text
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  const { text, exitCode } = renderError(error);
  console.error(text);
  process.exitCode = exitCode;
});
