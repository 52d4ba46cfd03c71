import { type Catalog, emptyCatalog } from "@platform/schema";

/**
 * A small catalog with every kind of column the type generator maps: identity (always and by
 * default), serial, defaults, generated columns, enums, enum arrays, domains, bigint, numeric,
 * timestamps, date, interval, json and jsonb, bytea, inet, vector and halfvec, text arrays, a
 * partitioned table with a partition, a view and a materialized view, in `public` and elsewhere.
 * Tests create it in a database with the SQL emitter (`emitCreateScript`).
 */
export const fixtureCatalog: Catalog = {
  ...emptyCatalog(),
  extensions: [{ name: "vector", schema: "public" }],
  schemas: [{ name: "auth" }, { name: "data_platform" }, { name: "monitoring" }],
  enums: [
    { schema: "auth", name: "user_status", values: ["active", "disabled", "pending"] },
    { schema: "data_platform", name: "source_kind", values: ["s3", "postgres", "http"] },
  ],
  domains: [
    { schema: "public", name: "email", type: "text", checks: [{ name: "email_check", expression: "VALUE ~ '@'" }] },
  ],
  tables: [
    {
      schema: "auth",
      name: "users",
      comment: "People who sign in.",
      columns: [
        { name: "id", type: "uuid", notNull: true, default: "gen_random_uuid()" },
        { name: "email", type: "public.email", notNull: true },
        { name: "username", type: "character varying(100)", notNull: true },
        { name: "status", type: "auth.user_status", notNull: true, default: "'active'::auth.user_status" },
        { name: "past_statuses", type: "auth.user_status[]" },
        { name: "tags", type: "text[]", notNull: true, default: "'{}'::text[]" },
        { name: "metadata", type: "jsonb", notNull: true, default: "'{}'::jsonb", comment: "Free-form profile data." },
        { name: "login_count", type: "bigint", notNull: true, default: "0" },
        { name: "created_at", type: "timestamp with time zone", notNull: true, default: "now()" },
        { name: "last_login_at", type: "timestamp with time zone" },
        { name: "birthday", type: "date" },
      ],
      primaryKey: { name: "users_pkey", columns: ["id"] },
    },
    {
      schema: "data_platform",
      name: "text_embeddings",
      columns: [
        { name: "id", type: "bigint", notNull: true, identity: { generation: "always" } },
        { name: "content", type: "text", notNull: true },
        { name: "content_length", type: "integer", generated: "length(content)" },
        { name: "embedding", type: "public.vector(3)", notNull: true },
        { name: "preview", type: "public.halfvec(3)" },
        { name: "kind", type: "data_platform.source_kind" },
        { name: "score", type: "numeric(12,4)" },
        { name: "attributes", type: "json" },
        { name: "source_id", type: "integer", identity: { generation: "by default" } },
      ],
      primaryKey: { name: "text_embeddings_pkey", columns: ["id"] },
    },
    {
      schema: "monitoring",
      name: "metrics",
      columns: [
        { name: "seq", type: "bigserial", notNull: true },
        { name: "time", type: "timestamp with time zone", notNull: true },
        { name: "node_id", type: "text", notNull: true },
        { name: "sys_mem_mb", type: "double precision" },
        { name: "go_routines", type: "integer" },
        { name: "payload", type: "bytea" },
        { name: "client_ip", type: "inet" },
        { name: "uptime", type: "interval" },
        { name: "recorded_on", type: "timestamp without time zone" },
      ],
      partitionBy: { strategy: "range", keys: [{ column: "time" }] },
      partitions: [
        {
          name: "metrics_y2026m01",
          unlogged: true,
          bound: { kind: "range", from: ["'2026-01-01 00:00:00+00'"], to: ["'2026-02-01 00:00:00+00'"] },
        },
      ],
    },
    {
      schema: "public",
      name: "settings",
      columns: [
        { name: "id", type: "serial", notNull: true },
        { name: "key", type: "text", notNull: true },
        { name: "value", type: "jsonb" },
      ],
      primaryKey: { name: "settings_pkey", columns: ["id"] },
    },
  ],
  views: [
    {
      schema: "auth",
      name: "active_users",
      definition: "SELECT id, email FROM auth.users WHERE status = 'active'::auth.user_status",
      columns: [
        { name: "id", type: "uuid" },
        { name: "email", type: "public.email" },
      ],
    },
    {
      schema: "monitoring",
      name: "daily_stats",
      materialized: true,
      definition:
        "SELECT date_trunc('day', time) AS day, node_id, avg(sys_mem_mb) AS avg_mem, max(sys_mem_mb) AS max_mem, count(*) AS samples FROM monitoring.metrics GROUP BY 1, 2",
      columns: [
        { name: "day", type: "timestamp with time zone" },
        { name: "node_id", type: "text" },
        { name: "avg_mem", type: "double precision" },
        { name: "max_mem", type: "double precision" },
        { name: "samples", type: "bigint" },
      ],
    },
  ],
};
