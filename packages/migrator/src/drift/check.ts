import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Catalog } from "@platform/schema";
import { MigratorError } from "../errors/index.js";
import { loadMigrations, type MigrationFile } from "../files/index.js";
import { listMatching, readLatestSnapshot, SNAPSHOT_FILE } from "../generate/snapshot.js";
import { plan, renderMigrationSql, splitMigrations } from "../plan/index.js";
import { migrateUp } from "../runner/run.js";
import type { Drift } from "../verify/drift.js";
import { verifyDetailed } from "../verify/verify.js";
import { openScratch } from "./scratch.js";

/** One reason `diff --check` fails, as data. */
export type CheckProblem =
  | {
      readonly code: "migration_missing";
      /** the latest snapshot the declarations were compared with (or the migrations directory) */
      readonly path: string;
      readonly message: string;
      /** the SQL a generated migration would contain */
      readonly sql: string;
      readonly fix: string;
    }
  | { readonly code: "migration_failed"; readonly path: string; readonly message: string; readonly fix: string }
  | {
      readonly code: "migration_edited";
      /** the migration file whose replay does not produce its snapshot */
      readonly path: string;
      readonly message: string;
      readonly snapshot: string;
      /** how the replayed database differs from the snapshot */
      readonly drift: readonly Drift[];
      readonly fix: string;
    };

export interface CheckOptions {
  readonly migrationsDir: string;
  readonly snapshotDir: string;
  readonly declared: Catalog;
}

/**
 * The CI check: (1) the declarations equal the latest snapshot (else a migration was not generated:
 * the SQL it would hold is returned); (2) replaying the migration files into a scratch PGlite
 * produces, after each file that has a snapshot, exactly that snapshot (else a file was edited after
 * it was generated; the first such file is named, with the drift).
 *
 * @example
 *   const problems = await checkMigrations({ migrationsDir, snapshotDir, declared: platformCatalog() });
 */
export const checkMigrations = async (options: CheckOptions): Promise<CheckProblem[]> => {
  const missing = await missingMigration(options);
  const edited = await replayMismatch(options);
  return [...(missing === undefined ? [] : [missing]), ...(edited === undefined ? [] : [edited])];
};

const missingMigration = async (options: CheckOptions): Promise<CheckProblem | undefined> => {
  const latest = await readLatestSnapshot(options.snapshotDir);
  // The same comparison `migrate generate` makes: what it would write is what is missing.
  const planned = plan(latest.catalog, options.declared, { allowDestructive: true });
  if (planned.steps.length === 0) return undefined;
  const sql = splitMigrations(planned.steps).map(renderMigrationSql).join("\n");
  const against = latest.path ?? options.migrationsDir;
  return {
    code: "migration_missing",
    path: against,
    message: `the declarations changed since ${latest.path === undefined ? "the last migration (there is none)" : `the latest snapshot ${latest.path}`}: ${planned.steps.length} step(s) have no migration`,
    sql,
    fix: "pnpm migrate generate <name>, review the file, and commit it with its snapshot",
  };
};

const readSnapshot = async (path: string): Promise<Catalog> => {
  const parsed = Catalog.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) {
    throw new MigratorError({
      code: "snapshot_invalid",
      path,
      message: `the snapshot ${path} is not a Catalog: ${parsed.error.issues[0]?.message ?? ""}`,
      fix: "restore it from version control (it is written by `migrate generate`, never by hand)",
      exitCode: 2,
    });
  }
  return parsed.data;
};

/**
 * Replays the files in order; after the last file of each snapshot's version (`0003_x.sql`,
 * `0003_x_2.sql` → `0003_snapshot.json`, or the file numbered like it) the scratch database must verify
 * clean against the snapshot.
 */
const replayMismatch = async (options: CheckOptions): Promise<CheckProblem | undefined> => {
  const files = await loadMigrations(options.migrationsDir);
  if (files.length === 0) return undefined;
  const snapshots = new Map(
    (await listMatching(options.snapshotDir, SNAPSHOT_FILE)).map((s) => [Number(s.version), s.name]),
  );
  const client = await openScratch();
  try {
    for (const checkpoint of checkpoints(files, snapshots)) {
      const run = await migrateUp(client, files, { to: checkpoint.file.name });
      if (run.exitCode !== 0) {
        const finding = run.findings[0];
        return {
          code: "migration_failed",
          path: finding?.path ?? checkpoint.file.path,
          message: `replaying the migrations into a scratch database failed: ${finding?.message ?? "unknown error"}`,
          fix: finding?.fix ?? "fix the migration file so it applies to a fresh database",
        };
      }
      const path = join(options.snapshotDir, checkpoint.snapshot);
      const { drift } = await verifyDetailed(client, await readSnapshot(path));
      if (drift.length > 0) {
        return {
          code: "migration_edited",
          path: checkpoint.file.path,
          message: `replaying the migrations up to ${checkpoint.file.name} does not produce ${checkpoint.snapshot}: ${drift.length} difference(s); a migration was edited after it was generated (or the snapshot was)`,
          snapshot: path,
          drift,
          fix: "restore the migration as generated and put the change in a new migration (pnpm migrate generate <name>); if the edit is intended, make the snapshot match what the files produce",
        };
      }
    }
    return undefined;
  } finally {
    await client.close();
  }
};

/** Each snapshot paired with the last migration file at or below its version. */
const checkpoints = (
  files: readonly MigrationFile[],
  snapshots: ReadonlyMap<number, string>,
): Array<{ readonly file: MigrationFile; readonly snapshot: string }> =>
  [...snapshots.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([version, snapshot]) => {
      const file = files.filter((f) => Number(f.version) <= version).at(-1);
      return file === undefined ? [] : [{ file, snapshot }];
    });
