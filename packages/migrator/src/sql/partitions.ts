import { type Partition, type PartitionBound, type QualifiedName, sortBy, type Table } from "@platform/schema";
import { quoteIdent, quoteQualified } from "./quote.js";
import { partitionByClause } from "./tables.js";

const BOUND = {
  range: (b) => `FOR VALUES FROM (${b.from.join(", ")}) TO (${b.to.join(", ")})`,
  list: (b) => `FOR VALUES IN (${b.values.join(", ")})`,
  hash: (b) => `FOR VALUES WITH (MODULUS ${b.modulus}, REMAINDER ${b.remainder})`,
  default: () => "DEFAULT",
} as const satisfies { [K in PartitionBound["kind"]]: (bound: Extract<PartitionBound, { kind: K }>) => string };

/**
 * Bound values are SQL literals already (`'2026-01-01 00:00:00+00'`, `MINVALUE`, `42`) and are written
 * as they are.
 */
export const partitionBoundClause = (bound: PartitionBound): string =>
  (BOUND[bound.kind] as (b: PartitionBound) => string)(bound);

/**
 * One partition of `parent` (which may itself be a partition); partitions live in the parent's schema.
 * Its own partitions, when it is sub-partitioned, are separate statements (`createPartitionTree`).
 *
 * @example
 * createPartition({ schema: "monitoring", name: "request_logs" }, { name: "request_logs_default", bound: { kind: "default" }, unlogged: true })
 * // CREATE UNLOGGED TABLE monitoring.request_logs_default PARTITION OF monitoring.request_logs DEFAULT;
 */
export const createPartition = (parent: QualifiedName, partition: Partition): string =>
  `CREATE ${partition.unlogged ? "UNLOGGED " : ""}TABLE ${quoteQualified({
    schema: parent.schema,
    name: partition.name,
  })} PARTITION OF ${quoteQualified(parent)} ${partitionBoundClause(partition.bound)}${
    partition.partitionBy ? ` ${partitionByClause(partition.partitionBy)}` : ""
  };`;

/**
 * Every declared partition of a table, depth first (a sub-partitioned partition before its own
 * partitions), siblings in name order. Partition templates add nothing here: rolling partitions are
 * created by an operational command (`partition-template.ts`).
 */
export const createPartitionTree = (table: Pick<Table, "schema" | "name" | "partitions">): string[] => {
  const walk = (parent: QualifiedName, partitions: readonly Partition[] | undefined): string[] =>
    sortBy(partitions ?? [], (p) => p.name).flatMap((partition) => [
      createPartition(parent, partition),
      ...walk({ schema: parent.schema, name: partition.name }, partition.partitions),
    ]);
  return walk(table, table.partitions);
};

/** Attaches an existing table as a partition (its rows are checked against the bound). */
export const attachPartition = (parent: QualifiedName, partition: Pick<Partition, "name" | "bound">): string =>
  `ALTER TABLE ${quoteQualified(parent)} ATTACH PARTITION ${quoteQualified({
    schema: parent.schema,
    name: partition.name,
  })} ${partitionBoundClause(partition.bound)};`;

/** `concurrently` avoids blocking queries on the parent (PostgreSQL 14+, not inside a transaction block). */
export const detachPartition = (
  parent: QualifiedName,
  partition: string,
  options: { readonly concurrently?: boolean } = {},
): string =>
  `ALTER TABLE ${quoteQualified(parent)} DETACH PARTITION ${quoteIdent(parent.schema)}.${quoteIdent(partition)}${
    options.concurrently ? " CONCURRENTLY" : ""
  };`;
