/**
 * The seed's fixed calendar: every timestamp is derived from these days, never from "now", so two runs
 * (and two databases) hold the same rows, and the partitions the bulk rows need are known in advance.
 */

/** small tables: created during January 2026 */
export const CREATED_FROM = "2026-01-05";

/** events: three monthly partitions */
export const EVENTS_RANGE = { from: "2026-01-01", to: "2026-04-01" } as const;
/** request logs: seven daily partitions */
export const REQUEST_LOGS_RANGE = { from: "2026-03-25", to: "2026-04-01" } as const;
/** metrics: three daily partitions, one sample per node every five minutes */
export const METRICS_RANGE = { from: "2026-03-29", to: "2026-04-01" } as const;
/** storage records: one monthly partition */
export const STORAGE_RANGE = { from: "2026-03-01", to: "2026-04-01" } as const;

const DAY_MS = 86_400_000;

export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** `day` plus `minutes`, as an ISO string (UTC). */
export const at = (day: string, minutes: number): string => new Date(dayMs(day) + minutes * 60_000).toISOString();

/** A point in [from, to) at fraction `f` of the range, whole seconds. */
export const within = (range: { readonly from: string; readonly to: string }, f: number): Date => {
  const start = dayMs(range.from);
  const span = dayMs(range.to) - start;
  return new Date(start + Math.floor((f * span) / 1000) * 1000);
};

/**
 * Where row `i` falls in a range, as a fraction: the golden-ratio sequence spreads any number of rows
 * evenly without knowing how many there are, so row `i` is the same at every scale.
 */
export const spread = (i: number): number => ((i + 1) * 0.6180339887498949) % 1;

export const days = (range: { readonly from: string; readonly to: string }): number =>
  Math.round((dayMs(range.to) - dayMs(range.from)) / DAY_MS);
