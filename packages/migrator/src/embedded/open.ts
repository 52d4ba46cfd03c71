import { mkdir } from "node:fs/promises";
import { dirname, relative } from "node:path";
import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import { acquireLockFile } from "./lock-file.js";
import { openPlatformPglite } from "./pglite.js";

/**
 * Opens (creating on first use) the embedded database: PGlite — PostgreSQL 18 in WebAssembly — persisted in
 * `dataDir`, with pgvector and the contrib extensions the platform uses. Guarded by `<dataDir>.lock` because
 * PGlite cannot share a data directory between processes. Closing the client releases the lock.
 *
 * @example const client = await openEmbedded(join(repoRoot, ".data/pglite"));
 */
export const openEmbedded = async (dataDir: string): Promise<SqlClient> => {
  await mkdir(dirname(dataDir), { recursive: true });
  const fromCwd = relative(process.cwd(), dataDir);
  const label = `pglite:${fromCwd === "" || fromCwd.startsWith("..") ? dataDir : fromCwd}`;
  const release = acquireLockFile(`${dataDir}.lock`, `the embedded database ${label}`);
  try {
    const [db, { fromPglite }] = await Promise.all([openPlatformPglite(dataDir), import("../db/pglite-client.js")]);
    const client = fromPglite(db, label);
    return {
      ...client,
      label,
      query: client.query,
      exec: client.exec,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    if (error instanceof MigratorError) throw error;
    throw new MigratorError({
      code: "embedded_open_failed",
      path: label,
      message: `cannot open the embedded database at ${dataDir}: ${error instanceof Error ? error.message : String(error)}`,
      fix: `if it was created by another PGlite version or is damaged, move ${dataDir} away and run again (it is re-created empty)`,
      exitCode: 2,
      cause: error,
    });
  }
};
