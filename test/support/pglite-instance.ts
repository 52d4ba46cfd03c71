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

const templatePath = (runDir: string): string => join(runDir, TEMPLATE_FILE);

/**
 * initdb inside WebAssembly takes seconds (tens of seconds on a busy machine), so the global setup runs
 * it once per test run and leaves the pristine data directory as a tarball in the run directory; every
 * test database then starts from that copy. Written under a temporary name and renamed, so a reader
 * never sees half a tarball.
 */
export const writePgliteTemplate = async (runDir: string): Promise<void> => {
  const db = new PGlite({ extensions });
  try {
    await db.waitReady; // dumpDataDir() before ready never settles
    const dump = await db.dumpDataDir("none");
    const partial = `${templatePath(runDir)}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, templatePath(runDir));
  } finally {
    await db.close();
  }
};

/**
 * A new in-memory PGlite (PostgreSQL 18) with pgvector and the contrib extensions, started from the
 * run's template when there is one (see writePgliteTemplate), else initialised from scratch.
 */
export const createPglite = async (runDir: string | undefined): Promise<PGlite> => {
  const template = runDir === undefined ? undefined : await readFile(templatePath(runDir)).catch(() => undefined);
  const db =
    template === undefined ? new PGlite({ extensions }) : new PGlite({ extensions, loadDataDir: new Blob([template]) });
  await db.waitReady;
  return db;
};
