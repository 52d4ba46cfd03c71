import type { Partition, Table } from "@platform/schema";
import { constraintsOf } from "../diff/constraints.js";
import {
  disableRowLevelSecurity,
  enableRowLevelSecurity,
  forceRowLevelSecurity,
  noForceRowLevelSecurity,
  rowLevelSecurity,
} from "../sql/policies.js";
import { createTable, dropTable, renameTable, setTableLogged } from "../sql/tables.js";
import { columnId, constraintId, indexId, qpath, rel, schemaId } from "./ids.js";
import { collationRefs, columnRefs, expressionRefs, type References } from "./references.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

/** What a table's own definition (columns and inline constraints) refers to. */
const refsOf = (refs: References, t: Table): string[] => [
  schemaId(t.schema),
  ...t.columns.flatMap((c) => columnRefs(refs, c)),
  ...(t.checks ?? []).flatMap((c) => expressionRefs(refs, c.expression)),
  ...(t.exclusions ?? []).flatMap((x) => [
    ...expressionRefs(refs, x.where),
    ...x.elements.flatMap((e) => expressionRefs(refs, e.expression)),
  ]),
  ...(t.partitionBy?.keys ?? []).flatMap((k) => [
    ...expressionRefs(refs, k.expression),
    ...collationRefs(refs, k.collation),
  ]),
];

/** Everything a DROP TABLE takes with it (so a same-named object created later waits for it). */
const ownedIds = (t: Table): string[] => {
  const partitions = (list: readonly Partition[] | undefined): string[] =>
    (list ?? []).flatMap((p) => [rel({ schema: t.schema, name: p.name }), ...partitions(p.partitions)]);
  return [
    rel(t),
    ...t.columns.map((c) => columnId(t, c.name)),
    ...constraintsOf(t).map((c) => constraintId(t, c.name)),
    ...constraintsOf(t)
      .filter((c) => c.type !== "check" && c.type !== "foreign-key")
      .map((c) => indexId(t.schema, c.name)),
    ...(t.indexes ?? []).map((i) => indexId(t.schema, i.name)),
    ...partitions(t.partitions),
  ];
};

export const planTableCreate: Planner<"table.create"> = ({ table }, ctx) => [
  {
    description: `create table ${qpath(table)}`,
    statements: [createTable(table), ...rowLevelSecurity(table)],
    creates: ownedIds({ ...table, indexes: [], partitions: [], foreignKeys: [] }),
    needs: refsOf(ctx.refsTo, table),
  },
];

export const planTableDrop: Planner<"table.drop"> = ({ table }, ctx) => [
  {
    description: `drop table ${qpath(table)}`,
    statements: [dropTable(table)],
    hazards: [{ type: "data-loss", path: qpath(table), message: "the table and all its rows are deleted" }],
    timeouts: LONG_TIMEOUTS,
    drops: ownedIds(table),
    releases: [
      ...refsOf(ctx.refsFrom, table),
      ...(table.foreignKeys ?? []).map((fk) => rel({ schema: fk.references.schema, name: fk.references.table })),
    ],
  },
];

export const planTableRename: Planner<"table.rename"> = ({ schema, from, to }) => [
  {
    description: `rename table ${schema}.${from} to ${to}`,
    statements: [renameTable({ schema, name: from }, to)],
    creates: [rel({ schema, name: to })],
    drops: [rel({ schema, name: from })],
  },
];

export const planTableSetLogged: Planner<"table.set-logged"> = ({ table, unlogged }) => [
  {
    description: `make table ${qpath(table)} ${unlogged ? "unlogged" : "logged"}`,
    statements: [setTableLogged(table, !unlogged)],
    hazards: [
      {
        type: "table-rewrite",
        path: qpath(table),
        message: `SET ${unlogged ? "UNLOGGED" : "LOGGED"} rewrites the table under an ACCESS EXCLUSIVE lock`,
      },
    ],
    timeouts: LONG_TIMEOUTS,
    needs: [rel(table)],
  },
];

export const planTableSetRls: Planner<"table.set-rls"> = ({ table, from, to }) => {
  const statements = [
    ...(from === undefined && to !== undefined ? [enableRowLevelSecurity(table)] : []),
    ...(from === "forced" && to !== "forced" ? [noForceRowLevelSecurity(table)] : []),
    ...(to === "forced" && from !== "forced" ? [forceRowLevelSecurity(table)] : []),
    ...(from !== undefined && to === undefined ? [disableRowLevelSecurity(table)] : []),
  ];
  return [
    {
      description: `row-level security ${to ?? "disabled"} on ${qpath(table)}`,
      statements,
      needs: [rel(table)],
    },
  ];
};
