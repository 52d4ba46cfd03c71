import type { SqlClient } from "../db/index.js";

/**
 * A throwaway in-process PGlite (PostgreSQL 18, in memory) with the extensions the embedded database
 * has: where `diff --check` replays the migration files. Nothing touches the disk or a server.
 */
export const openScratch = async (): Promise<SqlClient> => {
  const [{ PGlite }, { vector }, { pgcrypto }, { uuid_ossp }, { pg_trgm }, { citext }, { fromPglite }] =
    await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite-pgvector"),
      import("@electric-sql/pglite/contrib/pgcrypto"),
      import("@electric-sql/pglite/contrib/uuid_ossp"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("@electric-sql/pglite/contrib/citext"),
      import("../db/index.js"),
    ]);
  const db = await PGlite.create({ extensions: { vector, pgcrypto, uuid_ossp, pg_trgm, citext } });
  return fromPglite(db, "scratch (in-memory PGlite)");
};
