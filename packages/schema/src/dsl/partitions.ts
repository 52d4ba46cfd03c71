/**
 * Declarative partitioning: `byRange` / `byList` / `byHash` keys, declared partitions with bounds, DEFAULT
 * partitions, sub-partitioning, and partition templates (how rolling partitions are named and bounded; the
 * declaration stays date-independent, an operational command creates them).
 */
import type { PartitionTemplate } from "../catalog/model.js";
import { type ColumnRef, type IndexKey, isColumnRef, toIndexKey } from "./column.js";
import { isSqlExpression, type SqlExpression } from "./sql.js";

export interface PartitionBySpec {
  readonly strategy: "range" | "list" | "hash";
  readonly keys: readonly IndexKey[];
}

type PartitionKeyLike = ColumnRef | SqlExpression | IndexKey;

const by =
  (strategy: PartitionBySpec["strategy"]) =>
  (...keys: readonly PartitionKeyLike[]): PartitionBySpec => ({
    strategy,
    keys: keys.map((k) => (isColumnRef(k) || isSqlExpression(k) ? toIndexKey(k) : k)),
  });

/** `PARTITION BY RANGE (created_at)`: `partitionBy: byRange(t.created_at)`. */
export const byRange = by("range");
/** `PARTITION BY LIST (region)` */
export const byList = by("list");
/** `PARTITION BY HASH (tenant_id)` */
export const byHash = by("hash");

export const MINVALUE: unique symbol = Symbol("MINVALUE");
export const MAXVALUE: unique symbol = Symbol("MAXVALUE");

/** A bound value: a string (quoted for you), number, boolean, `null` (list), a Date (UTC timestamp), MINVALUE/MAXVALUE, or `sql`. */
export type BoundValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | typeof MINVALUE
  | typeof MAXVALUE
  | SqlExpression;

export type BoundSpec =
  | { readonly kind: "range"; readonly from: readonly BoundValue[]; readonly to: readonly BoundValue[] }
  | { readonly kind: "list"; readonly values: readonly BoundValue[] }
  | { readonly kind: "hash"; readonly modulus: number; readonly remainder: number }
  | { readonly kind: "default" };

export interface PartitionOptions {
  readonly unlogged?: boolean;
  readonly comment?: string;
  /** sub-partitioning: this partition is itself partitioned */
  readonly partitionBy?: PartitionBySpec;
  readonly partitions?: readonly PartitionSpec[];
}

export interface PartitionSpec extends PartitionOptions {
  readonly name: string;
  readonly bound: BoundSpec;
}

const one = (value: BoundValue | readonly BoundValue[]): readonly BoundValue[] =>
  Array.isArray(value) ? value : [value as BoundValue];

/**
 * `FOR VALUES FROM (from) TO (to)`; one value per key, or arrays for multi-column keys.
 * @example rangePartition("events_2026_01", "2026-01-01", "2026-02-01")
 */
export const rangePartition = (
  name: string,
  from: BoundValue | readonly BoundValue[],
  to: BoundValue | readonly BoundValue[],
  options: PartitionOptions = {},
): PartitionSpec => ({ name, bound: { kind: "range", from: one(from), to: one(to) }, ...options });

/** `FOR VALUES IN (values)` @example listPartition("orders_eu", ["de", "fr"]) */
export const listPartition = (
  name: string,
  values: readonly BoundValue[],
  options: PartitionOptions = {},
): PartitionSpec => ({ name, bound: { kind: "list", values }, ...options });

/** `FOR VALUES WITH (MODULUS m, REMAINDER r)` @example hashPartition("sessions_p0", 4, 0) */
export const hashPartition = (
  name: string,
  modulus: number,
  remainder: number,
  options: PartitionOptions = {},
): PartitionSpec => ({ name, bound: { kind: "hash", modulus, remainder }, ...options });

/** `DEFAULT`: rows no other partition accepts. */
export const defaultPartition = (name: string, options: PartitionOptions = {}): PartitionSpec => ({
  name,
  bound: { kind: "default" },
  ...options,
});

/**
 * Rolling partitions, e.g. monthly `events_y{YYYY}m{MM}` or daily `request_logs_{YYYY}{MM}{DD}`.
 * @example partitionTemplate: monthly("events_y{YYYY}m{MM}", { premake: 3 })
 */
export const monthly = (naming: string, options: Omit<PartitionTemplate, "interval" | "naming"> = {}) =>
  ({ interval: "month", naming, ...options }) satisfies PartitionTemplate;
export const daily = (naming: string, options: Omit<PartitionTemplate, "interval" | "naming"> = {}) =>
  ({ interval: "day", naming, ...options }) satisfies PartitionTemplate;
export const yearly = (naming: string, options: Omit<PartitionTemplate, "interval" | "naming"> = {}) =>
  ({ interval: "year", naming, ...options }) satisfies PartitionTemplate;
