import { resolve } from "node:path";
import type { SqlClient } from "../db/index.js";
import { type ExitCode, type Finding, isMigratorError, worstExitCode } from "../errors/index.js";
import { loadMigrations, type MigrationFile } from "../files/index.js";
import type { RunnerEvent } from "../runner/events.js";
import { runFleet } from "../runner/fleet.js";
import { describeHolder } from "../runner/lock.js";
import type { Output } from "./output.js";
import { defaultMigrationsDir } from "./repo.js";
import { labelOf, openTarget, resolveTargets } from "./targets.js";

/** One database's outcome: the command's result, or the error that stopped it. */
export type TargetOutcome<R> =
  | { readonly target: string; readonly ok: true; readonly result: R; readonly exitCode: ExitCode }
  | { readonly target: string; readonly ok: false; readonly error: Finding; readonly exitCode: ExitCode };

export interface TargetWork {
  readonly client: SqlClient;
  /** progress for this database, prefixed with its label when there are several */
  readonly report: (text: string) => void;
}

export interface MigrationTargetWork extends TargetWork {
  readonly files: readonly MigrationFile[];
}

/**
 * Runs `work` on every target — one after another or `--concurrency N` at once — each on its own connection,
 * closed afterwards. One database failing never hides the others; the exit code is the worst of all.
 * Commands that compare or read a database (verify) use this directly: they never read the migration files.
 */
export const onTargets = async <R extends { readonly exitCode: ExitCode }>(
  options: Readonly<Record<string, unknown>>,
  output: Output,
  work: (context: TargetWork) => Promise<R>,
): Promise<{ readonly outcomes: readonly TargetOutcome<R>[]; readonly exitCode: ExitCode }> => {
  const targets = await resolveTargets(options);
  const several = targets.length > 1;
  const results = await runFleet(targets, (options.concurrency as number | undefined) ?? 1, async (target) => {
    const label = await labelOf(target);
    const report = (text: string): void =>
      output.progress(several ? `${output.palette.dim(`[${label}]`)} ${text}` : text);
    const client = await openTarget(target);
    try {
      return { label: client.label, result: await work({ client, report }) };
    } finally {
      await client.close().catch(() => undefined);
    }
  });
  const outcomes = await Promise.all(
    results.map(async (outcome, index): Promise<TargetOutcome<R>> => {
      if (outcome.ok) {
        return {
          target: outcome.value.label,
          ok: true,
          result: outcome.value.result,
          exitCode: outcome.value.result.exitCode,
        };
      }
      const target = await labelOf(targets[index] as (typeof targets)[number]);
      const error = asFinding(outcome.error, target);
      return { target, ok: false, error, exitCode: isMigratorError(outcome.error) ? outcome.error.exitCode : 2 };
    }),
  );
  return { outcomes, exitCode: worstExitCode(outcomes.map((outcome) => outcome.exitCode)) };
};

/**
 * `onTargets` for the commands that run or list migrations (up, down, status): loads the migration files
 * once first, so bad files fail before any connection, and hands them to `work` with each connection.
 */
export const onMigrationTargets = async <R extends { readonly exitCode: ExitCode }>(
  options: Readonly<Record<string, unknown>>,
  output: Output,
  work: (context: MigrationTargetWork) => Promise<R>,
): Promise<{ readonly outcomes: readonly TargetOutcome<R>[]; readonly exitCode: ExitCode }> => {
  const dir = options.migrationsDir === undefined ? defaultMigrationsDir() : resolve(options.migrationsDir as string);
  const files = await loadMigrations(dir);
  return onTargets(options, output, (context) => work({ ...context, files }));
};

/** Unexpected errors still become findings, with the stack hidden unless DEBUG is set. */
const asFinding = (error: unknown, target: string): Finding => {
  if (isMigratorError(error)) return error.toFinding();
  if (process.env.DEBUG !== undefined) console.error(error);
  return {
    code: "unexpected_error",
    severity: "error",
    path: target,
    message: `unexpected error on ${target}: ${error instanceof Error ? error.message : String(error)}`,
    fix: "run again with DEBUG=1 for the stack trace, and report it",
  };
};

/** Progress lines for runner events. */
export const describeEvent = (event: RunnerEvent, output: Output): string | undefined => {
  const { palette } = output;
  switch (event.kind) {
    case "lock-wait":
      return palette.yellow(`waiting for the migrator lock held by ${describeHolder(event.holder)}`);
    case "lock-acquired":
      return `lock acquired after ${(event.waitedMs / 1000).toFixed(1)}s`;
    case "migration-start":
      return undefined;
    case "migration-done":
      return `${palette.green(event.direction === "up" ? "↑" : "↓")} ${event.name} ${palette.dim(`${Math.round(event.ms)} ms`)}`;
    case "retry":
      return palette.yellow(
        `${event.name} hit lock_timeout; retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)}s`,
      );
    case "repair":
      return palette.yellow(
        `${event.name} was interrupted by an earlier run; repairing${event.droppedIndexes.length === 0 ? "" : ` (dropped ${event.droppedIndexes.join(", ")})`} and running it again`,
      );
  }
};
