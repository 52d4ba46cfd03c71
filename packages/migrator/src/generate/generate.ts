import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Catalog } from "@platform/schema";
import { MigratorError } from "../errors/index.js";
import { MIGRATION_FILE_NAME } from "../files/index.js";
import { type Hazard, type Plan, plan, renderHazards, splitMigrations } from "../plan/index.js";
import { downMigrations } from "./down.js";
import { renderMigrationFile } from "./render.js";
import { listMatching, readLatestSnapshot, SNAPSHOT_FILE, serializeSnapshot } from "./snapshot.js";

export interface GenerateOptions {
  /** the Catalog the declarations lower to */
  readonly declared: Catalog;
  /** where `NNNN_snapshot.json` files live (`packages/schema/migrations/meta`) */
  readonly snapshotDir: string;
  /** where `NNNN_name.sql` files live (`packages/schema/migrations`) */
  readonly migrationsDir: string;
  /** the migration's name: letters, digits and `_` (other characters become `_`) */
  readonly name: string;
  /** allow steps that delete data (dropped tables, columns, enum values, partitions) */
  readonly allowDestructive?: boolean;
  /** only compute: return the files without writing them */
  readonly dryRun?: boolean;
}

export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

export type GenerateResult =
  | { readonly status: "no-changes"; readonly snapshot?: string }
  | {
      readonly status: "generated";
      /** the migration files, in the order they apply */
      readonly files: readonly GeneratedFile[];
      readonly snapshot: GeneratedFile;
      readonly plan: Plan;
      readonly hazards: readonly Hazard[];
    };

/**
 * Diff the declarations against the latest snapshot and write the next migration(s) and the snapshot
 * they lead to. No database is involved; the same inputs always give byte-identical files.
 *
 * Usually one file. A step that cannot run in a transaction (`CREATE INDEX CONCURRENTLY` on a table
 * that has rows, a validated constraint, `ALTER TYPE ... ADD VALUE`) gets a `transaction:false` file of
 * its own, numbered after the others (`0008_add_email`, `0009_add_email_2`, ...). One snapshot is
 * written, numbered like the last file: the state after all of them.
 *
 * @example
 *   const result = await generateMigration({ declared, snapshotDir, migrationsDir, name: "add_email" });
 *   if (result.status === "no-changes") console.log("no changes");
 */
export const generateMigration = async (options: GenerateOptions): Promise<GenerateResult> => {
  const latest = await readLatestSnapshot(options.snapshotDir, options.migrationsDir);
  const planned = plan(latest.catalog, options.declared, { allowDestructive: options.allowDestructive ?? false });
  if (planned.steps.length === 0) return { status: "no-changes", ...(latest.path ? { snapshot: latest.path } : {}) };
  const up = splitMigrations(planned.steps);
  const down = downMigrations(latest.catalog, options.declared, planned.changes, up);
  const first = await nextVersion(options.migrationsDir, options.snapshotDir);
  const name = migrationName(options.name);
  const files = up.map((migration, i): GeneratedFile => {
    const version = formatVersion(first.number + i, first.width);
    return {
      path: join(options.migrationsDir, `${version}_${i === 0 ? name : `${name}_${i + 1}`}.sql`),
      contents: renderMigrationFile({
        up: migration,
        down: down[i] ?? { transactional: migration.transactional, steps: [] },
        fromHash: planned.fromHash,
        toHash: planned.toHash,
        part: i + 1,
        parts: up.length,
      }),
    };
  });
  const snapshot: GeneratedFile = {
    path: join(options.snapshotDir, `${formatVersion(first.number + up.length - 1, first.width)}_snapshot.json`),
    contents: serializeSnapshot(options.declared),
  };
  if (!options.dryRun) {
    await mkdir(options.migrationsDir, { recursive: true });
    await mkdir(options.snapshotDir, { recursive: true });
    for (const file of [...files, snapshot]) await writeFile(file.path, file.contents, { flag: "wx" });
  }
  return { status: "generated", files, snapshot, plan: planned, hazards: planned.steps.flatMap((s) => s.hazards) };
};

/** Text for people: what was written and every hazard, or that nothing changed. */
export const renderGenerateResult = (result: GenerateResult): string => {
  if (result.status === "no-changes") return "no changes: the declarations match the latest snapshot; nothing written";
  const lines = [
    ...result.files.map((f) => `wrote ${f.path}`),
    `wrote ${result.snapshot.path}`,
    `${result.plan.steps.length} step${result.plan.steps.length === 1 ? "" : "s"}, ${result.hazards.length} hazard${result.hazards.length === 1 ? "" : "s"}`,
  ];
  const hazards = renderHazards(result.plan.steps);
  return hazards === "" ? lines.join("\n") : `${lines.join("\n")}\n${hazards}`;
};

const migrationName = (name: string): string => {
  const cleaned = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (cleaned === "" || !MIGRATION_FILE_NAME.test(`0001_${cleaned}.sql`)) {
    throw new MigratorError({
      code: "migration_name_invalid",
      path: name,
      message: `"${name}" cannot be used as a migration name`,
      fix: "use letters, digits and underscores, e.g. add_user_email",
      exitCode: 2,
    });
  }
  return cleaned;
};

/** One past the highest version among migration files and snapshots; width as the existing files use (4 by default). */
const nextVersion = async (migrationsDir: string, snapshotDir: string): Promise<{ number: number; width: number }> => {
  const versions = [
    ...(await listMatching(migrationsDir, MIGRATION_FILE_NAME)),
    ...(await listMatching(snapshotDir, SNAPSHOT_FILE)),
  ].map((f) => f.version);
  const highest = versions.reduce((max, v) => Math.max(max, Number(v)), 0);
  const width = versions.reduce((w, v) => Math.max(w, v.length), 4);
  return { number: highest + 1, width };
};

const formatVersion = (n: number, width: number): string => String(n).padStart(width, "0");
