import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";
import { fixtureCatalog } from "../../packages/migrator/test/codegen/fixture-catalog.js";

/** An in-process PGlite (PostgreSQL 18 + pgvector) with the codegen fixture created by the SQL emitter. */
export const fixtureDatabase = async (): Promise<PGlite> => {
  const db = new PGlite({ extensions: { vector } });
  await db.exec(emitCreateScript(fixtureCatalog));
  return db;
};

export interface ServedDatabase {
  /** a `pg` connection string over a Unix socket (no port to collide with other tests) */
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves a PGlite instance over the PostgreSQL wire protocol, so `pg` and child processes can reach it. */
export const servePglite = async (db: PGlite): Promise<ServedDatabase> => {
  const dir = mkdtempSync(join(tmpdir(), "platform-types-"));
  const server = new PGLiteSocketServer({ db, path: join(dir, ".s.PGSQL.5432"), maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
