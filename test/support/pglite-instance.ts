import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import { vector } from "@electric-sql/pglite-pgvector";

/** The extensions PGlite is built with here (SQL names, as in `CREATE EXTENSION`). */
export const PGLITE_EXTENSIONS: ReadonlySet<string> = new Set([
  "citext",
  "pg_trgm",
  "pgcrypto",
  "plpgsql",
  "uuid-ossp",
  "vector",
]);

const extensions = { vector, pgcrypto, uuid_ossp, pg_trgm, citext };

const TEMPLATE_FILE = "pglite-template.tar";

/**
 * A new in-memory PGlite (PostgreSQL 18) with pgvector and the contrib extensions.
 *
 * initdb inside WebAssembly takes seconds, so the first instance of a run dumps its pristine data
 * directory into the run's scratch directory and later instances (any worker) start from that copy,
 * which roughly halves start-up. The file is written under a temporary name and renamed, so a
 * concurrent reader never sees half a tarball.
 */
export const createPglite = async (runDir: string | undefined): Promise<PGlite> => {
  const templatePath = runDir === undefined ? undefined : join(runDir, TEMPLATE_FILE);
  const template = templatePath === undefined ? undefined : await readFile(templatePath).catch(() => undefined);
  if (template !== undefined) {
    const db = new PGlite({ extensions, loadDataDir: new Blob([template]) });
    await db.waitReady;
    return db;
  }
  const db = new PGlite({ extensions });
  await db.waitReady;
  if (templatePath !== undefined) {
    const dump = await db.dumpDataDir("none");
    const partial = `${templatePath}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, templatePath);
  }
  return db;
};
