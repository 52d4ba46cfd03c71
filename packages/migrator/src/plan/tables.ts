import type { Partition, Table } from "@platform/schema";
import { constraintsOf } from "../diff/constraints.js";
import {
  disableRowLevelSecurity,
  enableRowLevelSecurity,
  forceRowLevelSecurity,
  noForceRowLevelSecurity,
  rowLevelSecurity,
} from "../sql/policies.js";
import { createTable, dropConstraint, dropTable, renameTable, setTableLogged } from "../sql/tables.js";
import { columnId, constraintId, indexId, qpath, rel, roleId, schemaId } from "./ids.js";
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

/** What hangs off a table (indexes, policies, triggers) refers to: gone with the table. */
const attachedRefs = (refs: References, t: Table): string[] => [
  ...(t.indexes ?? []).flatMap((i) => [
    ...expressionRefs(refs, i.where),
    ...i.elements.flatMap((e) => [...expressionRefs(refs, e.expression), ...collationRefs(refs, e.collation)]),
  ]),
  ...(t.policies ?? []).flatMap((p) => [
    ...(p.roles ?? []).map(roleId),
    ...expressionRefs(refs, p.using),
    ...expressionRefs(refs, p.withCheck),
  ]),
  ...(t.triggers ?? []).flatMap((tr) => [
    ...expressionRefs(refs, `${tr.function.schema}.${tr.function.name}()`),
    ...expressionRefs(refs, tr.when),
  ]),
  ...(t.grants ?? []).map((g) => roleId(g.grantee)),
];

/**
 * The table's own foreign keys go first, in a step of their own: two tables referencing each other
 * can then both be dropped (each drop waits only for the other's foreign keys, not for its drop).
 */
export const planTableDrop: Planner<"table.drop"> = ({ table }, ctx) => {
  const fks = table.foreignKeys ?? [];
  return [
    ...(fks.length > 0
      ? [
          {
            key: "foreign-keys",
            description: `drop foreign keys of ${qpath(table)}`,
            statements: fks.map((fk) => dropConstraint(table, fk.name)),
            drops: fks.map((fk) => constraintId(table, fk.name)),
            releases: fks.flatMap((fk) => {
              const target = { schema: fk.references.schema, name: fk.references.table };
              return [rel(target), ...fk.references.columns.map((c) => columnId(target, c))];
            }),
          },
        ]
      : []),
    {
      key: "table",
      description: `drop table ${qpath(table)}`,
      statements: [dropTable(table)],
      hazards: [{ type: "data-loss", path: qpath(table), message: "the table and all its rows are deleted" }],
      timeouts: LONG_TIMEOUTS,
      drops: ownedIds(table),
      releases: [...refsOf(ctx.refsFrom, table), ...attachedRefs(ctx.refsFrom, table)],
      after: fks.length > 0 ? ["foreign-keys"] : [],
    },
  ];
};

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
