/**
 * The columns and triggers every platform table shares, so naming and defaults stay the same everywhere:
 * `id uuid DEFAULT public.uuid_generate_v7()`, `created_at`/`updated_at timestamptz NOT NULL DEFAULT now()`
 * and the `set_updated_at` trigger.
 */
import { type ColumnBuilder, sql, type TriggerSpec, timestamptz, trigger, uuid } from "../dsl/factories.js";
import { setUpdatedAt, uuidGenerateV7 } from "./compat.js";

/** Primary key of time-ordered UUIDs (v7), so new rows land at the right edge of the btree. */
export const id = (): ColumnBuilder => uuid().primaryKey().default(sql`${uuidGenerateV7}()`);

/** `id` of a partitioned table: NOT NULL but not a key by itself (the key must include the partition key). */
export const partitionedId = (): ColumnBuilder => uuid().notNull().default(sql`${uuidGenerateV7}()`);

export const createdAt = (): ColumnBuilder =>
  timestamptz().notNull().default(sql`now()`).comment("when the row was created");

export const updatedAt = (): ColumnBuilder =>
  timestamptz()
    .notNull()
    .default(sql`now()`)
    .comment("when the row last changed; maintained by the set_updated_at trigger");

/**
 * `BEFORE UPDATE ... FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)`: a no-op UPDATE keeps `updated_at`.
 * The WHEN needs an equality operator for every column type, which is why no platform table uses `json`.
 */
export const touchUpdatedAt = (): TriggerSpec =>
  trigger("set_updated_at", {
    timing: "before",
    events: ["update"],
    level: "row",
    when: sql`OLD.* IS DISTINCT FROM NEW.*`,
    function: setUpdatedAt,
    comment: "keeps updated_at current",
  });
