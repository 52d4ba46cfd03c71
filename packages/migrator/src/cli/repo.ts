import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest ancestor of the working directory with `pnpm-workspace.yaml` (so running
 * from any package folder works), else the checkout this CLI file lives in (src/cli or dist/cli → four up).
 */
export const findRepoRoot = (cwd = process.cwd()): string => {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) break;
  }
  return fileURLToPath(new URL("../../../../", import.meta.url));
};

export const defaultMigrationsDir = (root = findRepoRoot()): string => join(root, "packages/schema/migrations");

export const defaultEmbeddedDir = (root = findRepoRoot()): string => join(root, ".data/pglite");
