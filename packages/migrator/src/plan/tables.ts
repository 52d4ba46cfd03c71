import type { Partition, Table } from "@platform/schema";
import {
  disableRowLevelSecurity,
  enableRowLevelSecurity,
  forceRowLevelSecurity,
  noForceRowLevelSecurity,
  rowLevelSecurity,
} from "../sql/policies.js";
import { createTable, dropConstraint, dropTable, renameTable, setTableLogged } from "../sql/tables.js";
import { foreignKeyBinding } from "./constraints.js";
import { columnId, constraintId, indexId, qpath, rel, roleId, schemaId } from "./ids.js";
import { collationRefs, columnRefs, expressionRefs, type References } from "./references.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

/** What a table's own definition (columns and inline constraints) refers to. */
const refsOf = (refs: References, t: Table): string[] => {
  const out = [schemaId(t.schema)];
  for (const c of t.columns) out.push(...columnRefs(refs, c));
  for (const c of t.checks ?? []) out.push(...expressionRefs(refs, c.expression));
  for (const x of t.exclusions ?? []) {
    out.push(...expressionRefs(refs, x.where));
    for (const e of x.elements) out.push(...expressionRefs(refs, e.expression));
  }
  for (const k of t.partitionBy?.keys ?? []) {
    out.push(...expressionRefs(refs, k.expression), ...collationRefs(refs, k.collation));
  }
  return out;
};

/**
 * Everything a DROP TABLE takes with it (so a same-named object created later waits for it); what
 * CREATE TABLE makes leaves out the indexes, partitions and foreign keys (their own steps make those).
 */
const ownedIds = (t: Table, created = false): string[] => {
  const out = [rel(t)];
  for (const c of t.columns) out.push(columnId(t, c.name));
  if (t.primaryKey) out.push(constraintId(t, t.primaryKey.name));
  for (const c of t.uniques ?? []) out.push(constraintId(t, c.name));
  for (const c of t.checks ?? []) out.push(constraintId(t, c.name));
  if (!created) for (const c of t.foreignKeys ?? []) out.push(constraintId(t, c.name));
  for (const c of t.exclusions ?? []) out.push(constraintId(t, c.name));
  // Primary keys, unique and exclusion constraints are backed by an index of the same name.
  if (t.primaryKey) out.push(indexId(t.schema, t.primaryKey.name));
  for (const c of t.uniques ?? []) out.push(indexId(t.schema, c.name));
  for (const c of t.exclusions ?? []) out.push(indexId(t.schema, c.name));
  if (created) return out;
  for (const i of t.indexes ?? []) out.push(indexId(t.schema, i.name));
  const partitions = (list: readonly Partition[] | undefined): void => {
    for (const p of list ?? []) {
      out.push(rel({ schema: t.schema, name: p.name }));
      partitions(p.partitions);
    }
  };
  partitions(t.partitions);
  return out;
};

export const planTableCreate: Planner<"table.create"> = ({ table }, ctx) => [
  {
    description: `create table ${qpath(table)}`,
    statements: [createTable(table), ...rowLevelSecurity(table)],
    creates: ownedIds(table, true),
    needs: refsOf(ctx.refsTo, table),
  },
];

/** What hangs off a table (indexes, policies, triggers) refers to: gone with the table. */
const attachedRefs = (refs: References, t: Table): string[] => {
  const out: string[] = [];
  for (const i of t.indexes ?? []) {
    out.push(...expressionRefs(refs, i.where));
    for (const e of i.elements) out.push(...expressionRefs(refs, e.expression), ...collationRefs(refs, e.collation));
  }
  for (const p of t.policies ?? []) {
    for (const r of p.roles ?? []) out.push(roleId(r));
    out.push(...expressionRefs(refs, p.using), ...expressionRefs(refs, p.withCheck));
  }
  for (const tr of t.triggers ?? []) {
    out.push(...expressionRefs(refs, `${tr.function.schema}.${tr.function.name}()`), ...expressionRefs(refs, tr.when));
  }
  for (const g of t.grants ?? []) out.push(roleId(g.grantee));
  return out;
};

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
              return [rel(target), ...fk.references.columns.map((c) => columnId(target, c)), foreignKeyBinding(fk)];
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
