import type { SeedConnection } from "./connection.js";
import { SeedError } from "./errors.js";
import type { Features } from "./plan/types.js";

/** Every relation the seed writes or refreshes, in the order a migration creates them. */
export const SEEDED_RELATIONS = [
  "auth.organizations",
  "auth.users",
  "auth.groups",
  "auth.group_memberships",
  "auth.api_keys",
  "data_platform.data_sources",
  "data_platform.datasets",
  "data_platform.text_embeddings",
  "data_platform.documents",
  "data_platform.storage_records",
  "data_platform.events",
  "algo_platform.algorithms",
  "algo_platform.training_jobs",
  "model_platform.models",
  "model_platform.model_versions",
  "service_platform.endpoints",
  "service_platform.deployments",
  "service_platform.request_logs",
  "monitoring.metrics",
  "monitoring.daily_stats",
] as const;

/**
 * Refuses a database that is not migrated (naming what is missing) and finds out which optional columns
 * this variant of the platform has: without pgvector there are no embedding columns.
 */
export const preflight = async (connection: SeedConnection): Promise<Features> => {
  const present = await connection.query<{ name: string; present: boolean }>(
    "SELECT name, to_regclass(name) IS NOT NULL AS present FROM unnest($1::text[]) WITH ORDINALITY AS r(name, n) ORDER BY n",
    [[...SEEDED_RELATIONS]],
  );
  const missing = present.filter((r) => !r.present).map((r) => r.name);
  if (missing.length > 0) {
    throw new SeedError(
      "not_migrated",
      missing[0] as string,
      `${connection.label} is not migrated: ${missing.length === SEEDED_RELATIONS.length ? "none" : `${missing.length}`} of the platform's tables ${missing.length === SEEDED_RELATIONS.length ? "exist" : `are missing (${missing.join(", ")})`}`,
      "run `pnpm migrate up` against this database first, then `pnpm seed`",
    );
  }
  const columns = await connection.query<{ relation: string }>(
    `SELECT format('%s.%s', table_schema, table_name) AS relation FROM information_schema.columns
     WHERE table_schema = 'data_platform' AND table_name IN ('text_embeddings', 'documents') AND column_name = 'embedding'`,
  );
  const has = (relation: string) => columns.some((c) => c.relation === relation);
  return {
    textEmbeddingVector: has("data_platform.text_embeddings"),
    documentEmbedding: has("data_platform.documents"),
  };
};
