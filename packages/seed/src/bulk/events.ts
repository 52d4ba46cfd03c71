import { seedId } from "../ids.js";
import { EVENT_TYPES } from "../plan/names.js";
import { EVENTS_RANGE, spread, within } from "../plan/time.js";
import { rng } from "../prng.js";
import { type BulkTable, unitOf } from "./types.js";

/** `data_platform.events`: user activity over three months (one monthly partition each). */
/** `userUnits`: the users of each scale unit, `perUnit` rows each (see `unitOf`). */
export const eventsTable = (count: number, userUnits: readonly (readonly string[])[], perUnit: number): BulkTable => {
  const createdAt = (i: number): Date => within(EVENTS_RANGE, spread(i));
  return {
    table: "data_platform.events",
    columns: ["id", "user_id", "event_type", "event_data", "occurred_at", "created_at"],
    count,
    batchSize: 5000,
    key: [
      { column: "id", type: "uuid" },
      { column: "created_at", type: "timestamptz" },
    ],
    keyAt: (i) => [seedId(`event/${i}`), createdAt(i).toISOString()],
    rowAt: (i) => {
      const r = rng(`event/${i}`);
      const created = createdAt(i);
      const type = r.pick(EVENT_TYPES);
      const data =
        type === "purchase"
          ? { sku: `SKU-${r.int(1000, 9999)}`, amount: r.int(100, 50_000) / 100, currency: "EUR" }
          : type === "search"
            ? { query: r.pick(["gpu quota", "churn model", "embedding api", "latency"]), results: r.int(0, 50) }
            : { page: r.pick(["/models", "/datasets", "/endpoints", "/settings"]), session: r.int(1, 500) };
      return [
        seedId(`event/${i}`),
        r.pick(unitOf(userUnits, perUnit, i)),
        type,
        JSON.stringify(data),
        new Date(created.getTime() - r.int(0, 5000)).toISOString(),
        created.toISOString(),
      ];
    },
    partitioned: EVENTS_RANGE,
  };
};
