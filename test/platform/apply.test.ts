/**
 * The platform's create script applied to real servers: PGlite (PostgreSQL 18 + pgvector) takes the whole
 * platform; native PostgreSQL without pgvector takes the variant without the vector parts.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import { vector } from "@electric-sql/pglite-pgvector";
import { platformCatalog } from "@platform/schema";
import { afterAll, beforeAll, describe } from "vitest";
// the adapter file, not the `@platform/migrator/db` barrel (which loads `pg` under vitest's resolve conditions)
import { fromPglite } from "../../packages/migrator/src/db/pglite-client.js";
import { type PlatformDatabase, platformChecks } from "./checks.js";

describe("platform on PGlite (PostgreSQL 18 + pgvector)", () => {
  let db: PlatformDatabase | undefined;
  beforeAll(async () => {
    const pglite = new PGlite({ extensions: { vector, pgcrypto, uuid_ossp, pg_trgm } });
    db = { provider: "pglite", client: fromPglite(pglite, "pglite") };
  });
  afterAll(async () => {
    await db?.client.close();
  });
  platformChecks(() => {
    if (!db) throw new Error("database not ready");
    return db;
  }, platformCatalog());
});
