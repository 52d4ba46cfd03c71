import type { SqlClient } from "../db/index.js";
import { openPlatformPglite } from "../embedded/pglite.js";

/**
 * A throwaway in-process PGlite (PostgreSQL 18, in memory) with the extensions the embedded database
 * has: where `diff --check` replays the migration files. Nothing touches the disk or a server.
 */
export const openScratch = async (): Promise<SqlClient> => {
  const [db, { fromPglite }] = await Promise.all([openPlatformPglite(), import("../db/pglite-client.js")]);
  return fromPglite(db, "scratch (in-memory PGlite)");
};
