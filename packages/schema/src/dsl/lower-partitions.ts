/** Lowering of partitioning: keys, bounds (as `pg_get_expr(relpartbound)` prints them), sub-partitions. */

import { compareKeys } from "../catalog/identity.js";
import type { Partition, PartitionBound, PartitionBy } from "../catalog/model.js";
import { compact } from "./declaration.js";
import { lowerPartitionKey } from "./lower-keys.js";
import {
  type BoundSpec,
  type BoundValue,
  MAXVALUE,
  MINVALUE,
  type PartitionBySpec,
  type PartitionSpec,
} from "./partitions.js";
import { quoteLiteral } from "./quote.js";
import { isSqlExpression } from "./sql.js";

const pad = (n: number): string => String(n).padStart(2, "0");

const utcDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utcTime = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One bound value for a key of type `keyType` (undefined for expression keys). Non-negative integers print
 * bare for `integer` keys, everything else is a quoted literal. A date-only string for a
 * `timestamp with time zone` key gets an explicit `+00` so the bound does not depend on the session TimeZone.
 */
export const lowerBoundValue = (value: BoundValue, keyType: string | undefined): string => {
  if (value === MINVALUE) return "MINVALUE";
  if (value === MAXVALUE) return "MAXVALUE";
  if (value === null) return "NULL";
  if (isSqlExpression(value)) return value.text;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    if (keyType === "date") return quoteLiteral(utcDate(value));
    if (keyType === "timestamp without time zone") return quoteLiteral(`${utcDate(value)} ${utcTime(value)}`);
    return quoteLiteral(`${utcDate(value)} ${utcTime(value)}+00`);
  }
  if (typeof value === "number" || typeof value === "bigint") {
    const text = String(value);
    const bare = (keyType === "integer" || keyType === undefined) && !text.startsWith("-");
    return bare ? text : quoteLiteral(text);
  }
  if (keyType === "timestamp with time zone" && DATE_ONLY.test(value)) return quoteLiteral(`${value} 00:00:00+00`);
  return quoteLiteral(value);
};

const lowerBound = (bound: BoundSpec, keyTypes: readonly (string | undefined)[]): PartitionBound => {
  switch (bound.kind) {
    case "range":
      return {
        kind: "range",
        from: bound.from.map((v, i) => lowerBoundValue(v, keyTypes[i])),
        to: bound.to.map((v, i) => lowerBoundValue(v, keyTypes[i])),
      };
    case "list":
      return { kind: "list", values: bound.values.map((v) => lowerBoundValue(v, keyTypes[0])) };
    case "hash":
      return { kind: "hash", modulus: bound.modulus, remainder: bound.remainder };
    case "default":
      return { kind: "default" };
  }
};

export const lowerPartitionBy = (spec: PartitionBySpec): PartitionBy => ({
  strategy: spec.strategy,
  keys: spec.keys.map(lowerPartitionKey),
});

const keyTypesOf = (spec: PartitionBySpec | undefined, columnTypes: ReadonlyMap<string, string>) =>
  (spec?.keys ?? []).map((k) => (k.state.column === undefined ? undefined : columnTypes.get(k.state.column)));

/** Partitions sorted by name; each bound lowered against its parent's key types. */
export const lowerPartitions = (
  partitions: readonly PartitionSpec[],
  parentBy: PartitionBySpec | undefined,
  columnTypes: ReadonlyMap<string, string>,
): Partition[] => {
  const keyTypes = keyTypesOf(parentBy, columnTypes);
  return [...partitions]
    .sort((a, b) => compareKeys(a.name, b.name))
    .map((p) =>
      compact({
        name: p.name,
        bound: lowerBound(p.bound, keyTypes),
        unlogged: p.unlogged,
        partitionBy: p.partitionBy ? lowerPartitionBy(p.partitionBy) : undefined,
        partitions: p.partitions ? lowerPartitions(p.partitions, p.partitionBy, columnTypes) : undefined,
        comment: p.comment,
      }),
    );
};
