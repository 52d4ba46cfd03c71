import type { SqlClient } from "../db/index.js";
import { type Finding, MigratorError } from "../errors/index.js";
import type { MigrationFile } from "../files/index.js";
import type { AfterUpCheck } from "./after-up.js";
import { type ApplyContext, irreversible } from "./apply.js";
import type { RunnerListener } from "./events.js";
import { ensureHistory, type HistoryRow, readHistory } from "./history.js";
import { acquireLock, releaseLock } from "./lock.js";
import { preflight } from "./preflight.js";
import { type Reconciled, reconcile, reconcileFindings } from "./reconcile.js";
import type { MigrationOutcome, RunResult } from "./result.js";
import { defaultRunSettings, type RunSettings } from "./settings.js";
import { runWithUmzug } from "./umzug-driver.js";

export interface RunOptions {
  readonly settings?: RunSettings;
  readonly listener?: RunnerListener;
  /** prints nothing to the database: no lock, no history table, no SQL; reports what would run */
  readonly dryRun?: boolean;
}

export interface UpOptions extends RunOptions {
  /** apply pending migrations up to and including this one (name or version) */
  readonly to?: string;
  readonly afterUp?: readonly AfterUpCheck[];
}

export interface DownOptions extends RunOptions {
  /** revert every migration applied after this one (name or version; `0` reverts all); it stays applied */
  readonly to?: string;
  /** revert this many of the most recent migrations; default 1 */
  readonly steps?: number;
}

/**
 * Applies pending migrations to one database under the advisory lock.
 *
 * @example const result = await migrateUp(client, await loadMigrations("packages/schema/migrations"));
 */
export const migrateUp = async (
  client: SqlClient,
  files: readonly MigrationFile[],
  options: UpOptions = {},
): Promise<RunResult> => {
  const to = options.to === undefined ? undefined : resolveName(files, options.to, client.label);
  return withRun(client, files, "up", options, async (ctx, reconciled, findings) => {
    const pending = reconciled.pending;
    const targetIndex = to === undefined ? pending.length - 1 : pending.findIndex((file) => file.name === to);
    const selected = pending.slice(0, targetIndex + 1);
    if (!options.dryRun && selected.length > 0) {
      // Preflight before the history table exists: a refused run leaves the database exactly as it was.
      await preflight(client, selected);
      await ensureHistory(client);
    }
    const outcomes = await runWithUmzug(ctx, files, reconciled, options.dryRun === true, (umzug) =>
      selected.length === 0 ? Promise.resolve() : umzug.up({ to: selected[selected.length - 1]?.name as string }),
    );
    if (!options.dryRun) {
      for (const check of options.afterUp ?? []) findings.push(...(await check(client)));
    }
    return outcomes;
  });
};

/** Reverts the most recent migrations (`steps`, default 1) or everything after `to`, under the advisory lock. */
export const migrateDown = async (
  client: SqlClient,
  files: readonly MigrationFile[],
  options: DownOptions = {},
): Promise<RunResult> => {
  if (options.to !== undefined && options.steps !== undefined) {
    throw new MigratorError({
      code: "usage",
      path: "down",
      message: "down takes --to or --steps, not both",
      fix: "pass one of them",
      exitCode: 2,
    });
  }
  const to = options.to === undefined || options.to === "0" ? options.to : resolveName(files, options.to, client.label);
  return withRun(client, files, "down", options, async (ctx, reconciled) => {
    const applied = reconciled.applied;
    const count = countToRevert(applied, to, options.steps ?? 1, client.label);
    const toRevert = applied.slice(applied.length - count).reverse();
    for (const { row, file } of toRevert) {
      if (file === undefined) {
        throw new MigratorError({
          code: "migration_file_missing",
          path: row.name,
          message: `cannot revert ${row.name} on ${client.label}: its file is not in the migrations directory; nothing was reverted`,
          fix: "restore the file, or run down with fewer --steps",
          exitCode: 1,
        });
      }
      if (file.down === undefined) throw irreversible(file);
    }
    return runWithUmzug(ctx, files, reconciled, options.dryRun === true, (umzug) =>
      count === 0 ? Promise.resolve() : umzug.down({ step: count }),
    );
  });
};

type Body = (ctx: ApplyContext, reconciled: Reconciled, findings: Finding[]) => Promise<readonly MigrationOutcome[]>;

/**
 * The shape every mutating run shares: lock, history under the lock, refuse edited migrations before anything
 * runs, do the work, release the lock in `finally` (checking it was still held).
 */
const withRun = async (
  client: SqlClient,
  files: readonly MigrationFile[],
  command: "up" | "down",
  options: RunOptions,
  body: Body,
): Promise<RunResult> => {
  const settings = options.settings ?? defaultRunSettings;
  const listener = options.listener ?? (() => undefined);
  const ctx: ApplyContext = { client, settings, listener };
  const dryRun = options.dryRun === true;
  if (!dryRun) await acquireLock(client, settings.lockWaitMs, listener);
  let failure: unknown;
  try {
    return await reconcileAndRun(ctx, files, command, dryRun, await readHistory(client), body);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (!dryRun) {
      await releaseLock(client).catch((error: unknown) => {
        // A lost lock matters, but not more than the error that is already on its way out.
        if (failure === undefined) throw error;
      });
    }
  }
};

const reconcileAndRun = async (
  ctx: ApplyContext,
  files: readonly MigrationFile[],
  command: "up" | "down",
  dryRun: boolean,
  history: readonly HistoryRow[],
  body: Body,
): Promise<RunResult> => {
  const reconciled = reconcile(files, history);
  // `up` repairs interrupted migrations whose file it has (reported as repair events): no finding there.
  const names = new Set(files.map((file) => file.name));
  const reported: Reconciled =
    command === "up"
      ? { ...reconciled, interrupted: reconciled.interrupted.filter((row) => !names.has(row.name)) }
      : reconciled;
  const findings = [...reconcileFindings(reported, ctx.client.label)];
  const refused = findings.filter((finding) => finding.severity === "error");
  if (refused.length > 0) {
    throw new MigratorError({
      code: "checksum_mismatch",
      path: refused.map((finding) => finding.path).join(", "),
      message: `refusing to run: ${refused.map((finding) => finding.message).join("; ")}. Nothing was applied`,
      fix: refused[0]?.fix ?? "",
      exitCode: 1,
    });
  }
  const migrations = await body(ctx, reconciled, findings);
  const delta = migrations.reduce((sum, outcome) => sum + (outcome.direction === "up" ? 1 : -1), 0);
  const appliedCount = reconciled.applied.length + delta;
  return {
    target: ctx.client.label,
    command,
    dryRun,
    migrations,
    appliedCount,
    pendingCount: reconciled.pending.length - delta,
    findings,
    exitCode: findings.length > 0 ? 1 : 0,
  };
};

/** Accepts a full name (`0003_add_users`) or a version (`0003`, `3`). */
const resolveName = (files: readonly MigrationFile[], wanted: string, target: string): string => {
  const exact = files.find((file) => file.name === wanted);
  if (exact !== undefined) return exact.name;
  const byVersion = /^\d+$/.test(wanted) ? files.find((file) => BigInt(file.version) === BigInt(wanted)) : undefined;
  if (byVersion !== undefined) return byVersion.name;
  throw new MigratorError({
    code: "usage",
    path: target,
    message: `--to ${wanted}: there is no migration with that name or version`,
    fix: `use one of the file names without .sql (e.g. ${files[files.length - 1]?.name ?? "0001_init"}) or a version number`,
    exitCode: 2,
  });
};

const countToRevert = (
  applied: Reconciled["applied"],
  to: string | undefined,
  steps: number,
  target: string,
): number => {
  if (to === undefined) return Math.min(Math.max(steps, 0), applied.length);
  if (to === "0") return applied.length;
  const index = applied.findIndex(({ row }) => row.name === to);
  if (index === -1) {
    throw new MigratorError({
      code: "usage",
      path: target,
      message: `--to ${to}: that migration is not applied on ${target}, so there is nothing to revert down to`,
      fix: "run `migrate status` to see what is applied; --to 0 reverts everything",
      exitCode: 2,
    });
  }
  return applied.length - 1 - index;
};
