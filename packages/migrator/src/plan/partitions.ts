import type { Partition, QualifiedName } from "@platform/schema";
import { attachPartition, createPartition, detachPartition } from "../sql/partitions.js";
import { dropTable, setTableLogged } from "../sql/tables.js";
import { path, qpath, rel } from "./ids.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

const child = (parent: QualifiedName, p: Pick<Partition, "name">): QualifiedName => ({
  schema: parent.schema,
  name: p.name,
});

const descendants = (parent: QualifiedName, p: Partition): string[] => [
  rel(child(parent, p)),
  ...(p.partitions ?? []).flatMap((x) => descendants(parent, x)),
];

export const planPartitionCreate: Planner<"partition.create"> = ({ parent, partition, existing }) => [
  {
    description: `create partition ${path(parent.schema, partition.name)} of ${qpath(parent)}`,
    statements: [createPartition(parent, partition)],
    hazards: existing
      ? [
          {
            type: "access-exclusive-lock",
            path: qpath(parent),
            message: "CREATE TABLE ... PARTITION OF briefly locks the parent (and scans a default partition, if any)",
          },
        ]
      : [],
    creates: [rel(child(parent, partition))],
    needs: [rel(parent)],
  },
];

/** Detached first, so the parent is locked only for the detach, then dropped with its rows. */
export const planPartitionDrop: Planner<"partition.drop"> = ({ parent, partition }) => [
  {
    description: `detach and drop partition ${path(parent.schema, partition.name)}`,
    statements: [detachPartition(parent, partition.name), dropTable(child(parent, partition))],
    hazards: [
      {
        type: "data-loss",
        path: path(parent.schema, partition.name),
        message: "the partition and its rows are deleted",
      },
    ],
    timeouts: LONG_TIMEOUTS,
    drops: descendants(parent, partition),
    needs: [rel(parent)],
  },
];

/** A bound cannot be altered: detach, then attach with the new bound (the rows are re-checked against it). */
export const planPartitionRebound: Planner<"partition.rebound"> = ({ parent, to }) => [
  {
    description: `re-attach partition ${path(parent.schema, to.name)} with a new bound`,
    statements: [detachPartition(parent, to.name), attachPartition(parent, to)],
    hazards: [
      {
        type: "validation-scan",
        path: path(parent.schema, to.name),
        message: "the partition's rows are checked against the new bound",
      },
      {
        type: "may-fail-on-existing-data",
        path: path(parent.schema, to.name),
        message: "rows outside the new bound make the step fail",
      },
    ],
    timeouts: LONG_TIMEOUTS,
    needs: [rel(parent), rel(child(parent, to))],
  },
];

export const planPartitionSetLogged: Planner<"partition.set-logged"> = ({ parent, partition, unlogged }) => [
  {
    description: `make partition ${path(parent.schema, partition.name)} ${unlogged ? "unlogged" : "logged"}`,
    statements: [setTableLogged(child(parent, partition), !unlogged)],
    hazards: [
      { type: "table-rewrite", path: path(parent.schema, partition.name), message: "the partition is rewritten" },
    ],
    timeouts: LONG_TIMEOUTS,
    needs: [rel(child(parent, partition))],
  },
];
