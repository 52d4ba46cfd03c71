import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { MigratorError } from "../errors/index.js";
import type { MigrationFile } from "./migration-file.js";
import { parseMigrationFile } from "./parse.js";

/**
 * Reads every `*.sql` file directly in `dir` (subfolders such as `meta/` are not migrations), parses them and
 * orders them by numeric version. Two files with the same version are refused: their order would be a guess.
 */
export const loadMigrations = async (dir: string): Promise<readonly MigrationFile[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new MigratorError({
      code: "migrations_dir_missing",
      path: dir,
      message:
        error.code === "ENOENT"
          ? `the migrations directory ${dir} does not exist`
          : `cannot read the migrations directory ${dir}: ${error.message}`,
      fix: "pass --migrations-dir DIR, or run from the repository (default: packages/schema/migrations)",
      exitCode: 2,
      cause: error,
    });
  });
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".sql"))
    .map((entry) => entry.name)
    .sort();
  const files = await Promise.all(
    names.map(async (name) => parseMigrationFile(join(dir, name), await readFile(join(dir, name), "utf8"))),
  );
  return orderMigrations(files);
};

export const orderMigrations = (files: readonly MigrationFile[]): readonly MigrationFile[] => {
  const sorted = [...files].sort(
    (a, b) => compareVersions(a.version, b.version) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  sorted.forEach((file, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && compareVersions(previous.version, file.version) === 0) {
      throw new MigratorError({
        code: "migration_version_duplicate",
        path: file.path,
        message: `migrations ${previous.name} and ${file.name} have the same version ${file.version}; their order is undefined`,
        fix: "renumber the newer one to the next free version",
        exitCode: 2,
      });
    }
  });
  return sorted;
};

const compareVersions = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
