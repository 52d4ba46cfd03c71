import type { Partition, PartitionBy, QualifiedName } from "@platform/schema";
import { type DiffContext, matchByKey, sameData } from "./context.js";

export type PartitionChange =
  | {
      readonly kind: "partition.create";
      /** the partitioned table (or partition) this one belongs to; partitions live in its schema */
      readonly parent: QualifiedName;
      readonly partition: Partition;
      /** the parent exists already: creating a partition of it takes a lock on it */
      readonly existing: boolean;
    }
  | { readonly kind: "partition.drop"; readonly parent: QualifiedName; readonly partition: Partition }
  /** a bound changed: DETACH, then ATTACH with the new bound (the rows are kept and re-checked) */
  | {
      readonly kind: "partition.rebound";
      readonly parent: QualifiedName;
      readonly from: Partition;
      readonly to: Partition;
    }
  | {
      readonly kind: "partition.set-logged";
      readonly parent: QualifiedName;
      readonly partition: Partition;
      readonly unlogged: boolean;
    };

/** Every partition of `partitions` (recursively) as a create, in declaration order, parents before children. */
export const createPartitions = (
  parent: QualifiedName,
  partitions: readonly Partition[] | undefined,
  existing: boolean,
): PartitionChange[] =>
  (partitions ?? []).flatMap((partition): PartitionChange[] => [
    { kind: "partition.create", parent, partition, existing },
    ...createPartitions({ schema: parent.schema, name: partition.name }, partition.partitions, false),
  ]);

export const diffPartitions = (
  ctx: DiffContext,
  parent: QualifiedName,
  from: readonly Partition[] | undefined,
  to: readonly Partition[] | undefined,
): PartitionChange[] => {
  const { added, removed, kept } = matchByKey(from ?? [], to ?? [], (p) => p.name);
  // A partition that changes how it is itself partitioned cannot be altered: drop it and create it again.
  const rebuilt = kept.filter(([a, b]) => !sameBy(a.partitionBy, b.partitionBy));
  const alive = kept.filter(([a]) => !rebuilt.some(([r]) => r === a));
  return [
    ...[...removed, ...rebuilt.map(([a]) => a)].map(
      (partition): PartitionChange => ({ kind: "partition.drop", parent, partition }),
    ),
    ...[...added, ...rebuilt.map(([, b]) => b)].flatMap((p) => createPartitions(parent, [p], true)),
    ...alive.flatMap(([a, b]): PartitionChange[] => [
      ...(sameData(a.bound, b.bound) ? [] : [{ kind: "partition.rebound" as const, parent, from: a, to: b }]),
      ...((a.unlogged ?? false) !== (b.unlogged ?? false)
        ? [{ kind: "partition.set-logged" as const, parent, partition: b, unlogged: b.unlogged ?? false }]
        : []),
      ...diffPartitions(ctx, { schema: parent.schema, name: b.name }, a.partitions, b.partitions),
    ]),
  ];
};

const sameBy = (a: PartitionBy | undefined, b: PartitionBy | undefined): boolean => sameData(a, b);
