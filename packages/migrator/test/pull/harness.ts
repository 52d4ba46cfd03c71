/**
 * Shared pieces of the pull tests: write pulled files into a directory inside the repository (so their
 * `@platform/schema` imports resolve through this package's node_modules), import the index, lower it.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Catalog } from "@platform/schema";
import { comparableCatalog } from "../../src/normalize/index.js";

export { createTestDatabase, describeOnProviders, type TestDatabase } from "../../../../test/support/index.js";

export interface WrittenDeclarations {
  readonly dir: string;
  /** import the generated index.ts and return its `catalog` (lowered and validated by defineCatalog) */
  readonly load: () => Promise<Catalog>;
  readonly remove: () => Promise<void>;
}

export const writeDeclarations = async (files: ReadonlyMap<string, string>): Promise<WrittenDeclarations> => {
  const dir = join(import.meta.dirname, `.out-${randomBytes(6).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  for (const [path, source] of files) await writeFile(join(dir, path), source);
  return {
    dir,
    load: async () => ((await import(join(dir, "index.ts"))) as { catalog: Catalog }).catalog,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};

/** Both sides in comparable form (normal form, expressions as comparison keys). */
export const comparable = (catalog: Catalog): Catalog => comparableCatalog(catalog);
