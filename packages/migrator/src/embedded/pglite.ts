import type { PGlite } from "@electric-sql/pglite";

/**
 * PGlite (PostgreSQL 18) with the extensions the platform declares: pgvector and the contrib modules
 * pgcrypto, uuid-ossp, pg_trgm and citext. In memory without `dataDir`. The one place that knows the set, so
 * the embedded database, `diff --check`'s scratch database and the seed cannot drift apart.
 */
export const openPlatformPglite = async (dataDir?: string): Promise<PGlite> => {
  const [{ PGlite }, { vector }, { pgcrypto }, { uuid_ossp }, { pg_trgm }, { citext }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-pgvector"),
    import("@electric-sql/pglite/contrib/pgcrypto"),
    import("@electric-sql/pglite/contrib/uuid_ossp"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/citext"),
  ]);
  const extensions = { vector, pgcrypto, uuid_ossp, pg_trgm, citext };
  return dataDir === undefined ? PGlite.create({ extensions }) : PGlite.create(dataDir, { extensions });
};
