/**
 * `monitoring`: node metrics of document 004 — an UNLOGGED, daily-partitioned time series with a BRIN
 * index — and the `daily_stats` rollup.
 */
import {
  byRange,
  daily,
  defaultPartition,
  index,
  integer,
  jsonb,
  materializedView,
  schema,
  sql,
  table,
  text,
  timestamptz,
  uniqueIndex,
} from "../dsl/factories.js";
import { appendOnlyAccess, schemaUsage, viewAccess } from "./roles.js";

export const monitoring = schema("monitoring", {
  comment: "Operational metrics of the platform's own nodes",
  grants: schemaUsage,
});

/**
 * Samples arrive in time order, so a BRIN index on `recorded_at` stays tiny and selective. As for
 * `request_logs`, persistence is a property of the partitions (PostgreSQL 18 refuses UNLOGGED parents).
 */
export const metrics = table(
  monitoring,
  "metrics",
  {
    recorded_at: timestamptz().notNull().comment("sample time; the partition key"),
    node_id: text().notNull().comment("which node reported"),
    sys_mem_mb: integer().comment("resident memory in MiB"),
    go_routines: integer(),
    db_open_conns: integer(),
    db_wait_count: integer(),
    extra: jsonb().comment("further metrics by name"),
  },
  (t) => ({
    comment: "Node metrics: UNLOGGED daily partitions, BRIN on time",
    indexes: [
      index("metrics_recorded_at_brin_idx").using("brin", t.recorded_at).with({ pages_per_range: 32 }),
      index().on(t.node_id, t.recorded_at.desc()),
    ],
    partitionBy: byRange(t.recorded_at),
    partitions: [
      defaultPartition("metrics_default", { unlogged: true, comment: "rows outside every daily partition" }),
    ],
    partitionTemplate: daily("metrics_{YYYY}{MM}{DD}", { premake: 3, retain: 30, unlogged: true }),
    grants: appendOnlyAccess,
  }),
);

/** Days are UTC days, independent of the session's TimeZone. Refresh with REFRESH ... CONCURRENTLY. */
export const dailyStats = materializedView(
  monitoring,
  "daily_stats",
  sql`SELECT (m.recorded_at AT TIME ZONE 'UTC')::date AS day,
  m.node_id,
  count(*) AS samples,
  avg(m.sys_mem_mb) AS avg_mem,
  max(m.sys_mem_mb) AS max_mem,
  avg(m.go_routines) AS avg_goroutines,
  max(m.db_open_conns) AS max_conns
FROM ${metrics} m
GROUP BY 1, 2`,
  {
    comment: "Per node and UTC day: memory, goroutines and connections",
    indexes: [
      uniqueIndex("daily_stats_day_node_id_idx")
        .on("day", "node_id")
        .comment("one row per (day, node); lets REFRESH MATERIALIZED VIEW CONCURRENTLY work"),
    ],
    grants: viewAccess,
  },
);
