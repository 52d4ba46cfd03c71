/**
 * The platform's create script applied to every available server: PGlite (PostgreSQL 18 + pgvector)
 * takes the whole platform; native PostgreSQL (16 by default, PG_VERSIONS=14,15,16,17,18 for the matrix)
 * has no pgvector and takes the variant without the vector parts.
 */
import { describeOnProviders } from "../support/index.js";
import { platformChecks } from "./checks.js";

describeOnProviders("platform create script", { extensions: ["pgcrypto", "uuid-ossp", "pg_trgm"] }, (getDb) =>
  platformChecks(getDb),
);
