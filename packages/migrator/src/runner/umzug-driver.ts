import type { Umzug } from "umzug";
import { MigratorError } from "../errors/index.js";
import type { MigrationFile } from "../files/index.js";
import { type ApplyContext, applyDown, applyUp } from "./apply.js";
import type { Reconciled } from "./reconcile.js";
import type { MigrationOutcome } from "./result.js";

/**
 * Hands ordering to umzug: it decides which migrations `up({to})` / `down({step})` run and in which order.
 * The history it reads is the one read under the lock; recording happens inside each migration's own
 * transaction (apply.ts), so umzug's log/unlog hooks have nothing left to do. In a dry run the migration
 * functions only collect SQL.
 */
export const runWithUmzug = async (
  ctx: ApplyContext,
  files: readonly MigrationFile[],
  reconciled: Reconciled,
  dryRun: boolean,
  drive: (umzug: Umzug<object>) => Promise<unknown>,
): Promise<readonly MigrationOutcome[]> => {
  // Lazy: umzug is only needed once a command actually migrates, keeping CLI start-up small.
  const { Umzug } = await import("umzug");
  const outcomes: MigrationOutcome[] = [];
  // The same order `down` counted its steps in; files missing on disk were refused before getting here.
  const orderedApplied = reconciled.applied.map(({ row }) => row.name);
  const umzug = new Umzug<object>({
    logger: undefined,
    context: {},
    storage: {
      executed: async () => orderedApplied,
      logMigration: async () => undefined,
      unlogMigration: async () => undefined,
    },
    migrations: files.map((file) => ({
      name: file.name,
      path: file.path,
      up: async () => {
        if (dryRun) {
          outcomes.push({ name: file.name, direction: "up", sql: file.up.sql, transactional: file.up.transaction });
          return;
        }
        ctx.listener({ kind: "migration-start", name: file.name, direction: "up" });
        const ms = await applyUp(ctx, file);
        ctx.listener({ kind: "migration-done", name: file.name, direction: "up", ms });
        outcomes.push({ name: file.name, direction: "up", ms: Math.round(ms), transactional: file.up.transaction });
      },
      down: async () => {
        const transactional = file.down?.transaction ?? true;
        if (dryRun) {
          outcomes.push({ name: file.name, direction: "down", sql: file.down?.sql ?? "", transactional });
          return;
        }
        ctx.listener({ kind: "migration-start", name: file.name, direction: "down" });
        const ms = await applyDown(ctx, file);
        ctx.listener({ kind: "migration-done", name: file.name, direction: "down", ms });
        outcomes.push({ name: file.name, direction: "down", ms: Math.round(ms), transactional });
      },
    })),
  });
  await drive(umzug).catch((error: unknown) => {
    throw unwrapUmzugError(error);
  });
  return outcomes;
};

/** umzug wraps what a migration throws in its own MigrationError; callers want our typed error back. */
const unwrapUmzugError = (error: unknown): unknown => {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current instanceof MigratorError) return current;
    current = current.cause;
  }
  return error;
};
