/**
 * Deterministic, idempotent sample data for the platform database (`pnpm seed`), written through the
 * typed API (@platform/types) and COPY.
 *
 * @example
 * import { connectUrl, seed } from "@platform/seed";
 * const connection = await connectUrl(process.env.DATABASE_URL ?? "");
 * try { await seed(connection, { scale: 1 }); } finally { await connection.close(); }
 */
export { embeddingsTable } from "./bulk/embeddings.js";
export type { BulkTable } from "./bulk/types.js";
export { writeBulk } from "./bulk/write.js";
export {
  connectUrl,
  fromPgliteInstance,
  openEmbeddedDatabase,
  openPglite,
  type SeedConnection,
} from "./connection.js";
export { renderError, SeedError } from "./errors.js";
export { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_USERNAME, SAMPLE_PASSWORD } from "./plan/passwords.js";
export { SEEDED_RELATIONS } from "./preflight.js";
export { type SeedOptions, type SeedReport, seed, type TableResult } from "./seed.js";
