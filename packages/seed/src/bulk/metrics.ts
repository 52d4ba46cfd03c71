import { dayMs, days, METRICS_RANGE } from "../plan/time.js";
import { rng } from "../prng.js";
import type { BulkTable } from "./types.js";

const SAMPLE_MINUTES = 5;

/**
 * `monitoring.metrics`: every node reports every five minutes for three days (one daily partition each).
 * Rows are node-major (all of node 1, then node 2, …), so more nodes at a larger scale append rows.
 */
export const metricsTable = (nodes: number): BulkTable => {
  const perNode = (days(METRICS_RANGE) * 24 * 60) / SAMPLE_MINUTES;
  const nodeId = (i: number): string => `node-${String(Math.floor(i / perNode) + 1).padStart(3, "0")}`;
  const recordedAt = (i: number): string =>
    new Date(dayMs(METRICS_RANGE.from) + (i % perNode) * SAMPLE_MINUTES * 60_000).toISOString();
  return {
    table: "monitoring.metrics",
    columns: ["recorded_at", "node_id", "sys_mem_mb", "go_routines", "db_open_conns", "db_wait_count", "extra"],
    count: nodes * perNode,
    batchSize: 5000,
    key: [
      { column: "node_id", type: "text" },
      { column: "recorded_at", type: "timestamptz" },
    ],
    keyAt: (i) => [nodeId(i), recordedAt(i)],
    rowAt: (i) => {
      const r = rng(`metric/${nodeId(i)}/${recordedAt(i)}`);
      const slot = i % perNode;
      // a daily cycle, so daily_stats shows something other than noise
      const load = 0.5 + 0.4 * Math.sin((slot / (24 * 12)) * 2 * Math.PI);
      return [
        recordedAt(i),
        nodeId(i),
        Math.round(1024 + load * 3072 + r.int(0, 256)),
        Math.round(50 + load * 400 + r.int(0, 40)),
        r.int(2, 10 + Math.round(load * 40)),
        r.chance(0.1) ? r.int(1, 20) : 0,
        JSON.stringify({ cpu_percent: Math.round(load * 90 + r.int(0, 10)), gc_pause_ms: r.int(0, 30) / 10 }),
      ];
    },
    partitioned: METRICS_RANGE,
  };
};
