/** What the seed tests read back: row counts, partitions used, and a content hash of selected tables. */
import type { SeedConnection } from "../src/index.js";
import { SEEDED_RELATIONS } from "../src/index.js";

export const rowCounts = async (connection: SeedConnection): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  for (const relation of SEEDED_RELATIONS) {
    const [row] = await connection.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${relation}`);
    counts[relation] = row?.n ?? -1;
  }
  return counts;
};

/** Rows per partition (`events_2026_01` → 1000), for a partitioned table. */
export const rowsPerPartition = async (
  connection: SeedConnection,
  relation: string,
): Promise<Record<string, number>> => {
  const rows = await connection.query<{ partition: string; n: number }>(
    `SELECT c.relname AS partition, count(*)::int AS n FROM ${relation} t JOIN pg_class c ON c.oid = t.tableoid GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.partition, r.n]));
};

/** Tables whose whole content (every column, as text) is compared between databases. */
export const HASHED_TABLES = [
  "auth.users",
  "auth.api_keys",
  "auth.group_memberships",
  "data_platform.datasets",
  "data_platform.text_embeddings",
  "data_platform.events",
  "model_platform.model_versions",
  "service_platform.deployments",
  "service_platform.request_logs",
  "monitoring.metrics",
] as const;

export const contentHash = async (connection: SeedConnection): Promise<Record<string, string>> => {
  await connection.exec("SET TIME ZONE 'UTC'");
  const hashes: Record<string, string> = {};
  for (const relation of HASHED_TABLES) {
    const [row] = await connection.query<{ h: string }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM ${relation} t`,
    );
    hashes[relation] = row?.h ?? "";
  }
  return hashes;
};
