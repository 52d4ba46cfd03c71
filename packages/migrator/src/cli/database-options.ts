import { type Command, Option } from "commander";
import { parseCount, parseDuration } from "./durations.js";

const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

/**
 * The options every command that talks to databases shares. Call from a command's `configure`.
 * Resolution of targets: every --database-url plus every line of --database-urls-file; none → DATABASE_URL;
 * none → the embedded PGlite database under `<repo>/.data/pglite`.
 */
export const addDatabaseOptions = (command: Command): Command =>
  command
    .addOption(
      new Option(
        "--database-url <url>",
        "PostgreSQL URL; repeat for a fleet (default: env DATABASE_URL, else embedded)",
      )
        .argParser(collect)
        .default(undefined),
    )
    .option("--database-urls-file <file>", "a file with one URL per line (# comments allowed)")
    .addOption(
      new Option("--concurrency <n>", "migrate this many databases of a fleet at once")
        .argParser(parseCount(1))
        .default(1),
    )
    .option("--migrations-dir <dir>", "migration files (default: <repo>/packages/schema/migrations)")
    .option("--embedded-dir <dir>", "data directory of the embedded database (default: <repo>/.data/pglite)")
    .option("--json", "print one JSON document on stdout (progress goes to stderr)");

/** Options of the commands that take the migrator lock and run migrations. */
export const addRunOptions = (command: Command): Command =>
  command
    .option("--dry-run", "print the SQL that would run; change nothing")
    .addOption(duration("--lock-wait <duration>", "wait this long for another run's lock, then exit 2", "60s"))
    .addOption(duration("--lock-timeout <duration>", "lock_timeout per migration (0 = none)", "10s"))
    .addOption(duration("--statement-timeout <duration>", "statement_timeout per migration (0 = none)", "0"))
    .addOption(
      new Option("--lock-retries <n>", "retries of a migration that hit lock_timeout, with backoff")
        .argParser(parseCount(0))
        .default(3),
    );

/** Durations are written like `60s`, `500ms`, `2m`; the default is shown as written. */
const duration = (flags: string, description: string, fallback: string): Option =>
  new Option(flags, `${description}; e.g. 30s, 500ms, 2m`)
    .argParser(parseDuration)
    .default(parseDuration(fallback), fallback);

/** The runner's settings from the parsed `addRunOptions` flags. */
export const runSettingsFrom = (options: Readonly<Record<string, unknown>>) => ({
  lockWaitMs: options.lockWait as number,
  lockTimeoutMs: options.lockTimeout as number,
  statementTimeoutMs: options.statementTimeout as number,
  lockRetries: options.lockRetries as number,
  retryBaseDelayMs: 500,
});
