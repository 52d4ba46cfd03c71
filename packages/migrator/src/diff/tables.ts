import type { QualifiedName, Table } from "@platform/schema";
import { compareKeys } from "@platform/schema";
import { type ColumnChange, columnRenames, diffColumns } from "./columns.js";
import { type ConstraintChange, diffConstraints } from "./constraints.js";
import { type DiffContext, sameData } from "./context.js";
import { diffIndexes, type IndexChange } from "./indexes.js";
import { createPartitions, diffPartitions, type PartitionChange } from "./partitions.js";
import { diffPolicies, type PolicyChange } from "./policies.js";
import { sameTableUpToExpressions } from "./same-table.js";
import { diffTriggers, type TriggerChange } from "./triggers.js";

export type TableChange =
  /**
   * The table with its columns, primary key, unique, check and exclusion constraints, and row-level
   * security switch. Its foreign keys, indexes, partitions, policies and triggers follow as their own
   * changes, so they can be ordered after what they reference.
   */
  | { readonly kind: "table.create"; readonly table: Table }
  | { readonly kind: "table.drop"; readonly table: Table }
  | { readonly kind: "table.rename"; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: "table.set-logged"; readonly table: QualifiedName; readonly unlogged: boolean }
  | {
      readonly kind: "table.set-rls";
      readonly table: QualifiedName;
      readonly from?: "enabled" | "forced";
      readonly to?: "enabled" | "forced";
    };

type TableScoped =
  | TableChange
  | ColumnChange
  | ConstraintChange
  | IndexChange
  | PartitionChange
  | PolicyChange
  | TriggerChange;

export const nameOf = (t: { schema: string; name: string }): QualifiedName => ({ schema: t.schema, name: t.name });

/** (old, new) table pairs, following `renamedFrom` hints within a schema; never guesses a rename. */
export const matchTables = (
  from: readonly Table[],
  to: readonly Table[],
): { added: Table[]; removed: Table[]; kept: Array<readonly [Table, Table]> } => {
  const key = (schema: string, name: string) => `${schema}.${name}`;
  const before = new Map(from.map((t) => [key(t.schema, t.name), t]));
  const names = new Set(to.map((t) => key(t.schema, t.name)));
  const claimed = new Set<string>();
  const kept: Array<readonly [Table, Table]> = [];
  const added: Table[] = [];
  for (const table of [...to].sort((a, b) => compareKeys(key(a.schema, a.name), key(b.schema, b.name)))) {
    const hinted =
      table.renamedFrom !== undefined && !names.has(key(table.schema, table.renamedFrom))
        ? key(table.schema, table.renamedFrom)
        : undefined;
    const match = before.get(key(table.schema, table.name)) ?? (hinted ? before.get(hinted) : undefined);
    const matchKey = match ? key(match.schema, match.name) : undefined;
    if (match && matchKey && !claimed.has(matchKey)) {
      claimed.add(matchKey);
      kept.push([match, table]);
    } else added.push(table);
  }
  const removed = [...before.entries()]
    .filter(([k]) => !claimed.has(k))
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([, t]) => t);
  return { added, removed, kept };
};

export const diffTables = (ctx: DiffContext): TableScoped[] => {
  const { added, removed, kept } = matchTables(ctx.from.tables, ctx.to.tables);
  // Partitioning cannot change in place: such a table is dropped and created again (its rows are lost).
  const rebuilt = kept.filter(([a, b]) => !sameData(a.partitionBy, b.partitionBy));
  const alive = kept.filter(([a]) => !rebuilt.some(([r]) => r === a));
  return [
    ...[...removed, ...rebuilt.map(([a]) => a)].map((table): TableChange => ({ kind: "table.drop", table })),
    ...[...added, ...rebuilt.map(([, b]) => b)].flatMap(createTable),
    ...alive.flatMap(([a, b]) => alterTable(ctx, a, b)),
  ];
};

/** A new table and everything that hangs off it, as separate changes. */
export const createTable = (table: Table): TableScoped[] => {
  const name = nameOf(table);
  const owner = { ...name, relation: "table" as const };
  const partitioned = table.partitionBy !== undefined;
  return [
    { kind: "table.create", table },
    ...(table.foreignKeys ?? []).map(
      (fk): ConstraintChange => ({
        kind: "constraint.add",
        table: name,
        constraint: { type: "foreign-key", ...fk },
        existing: false,
      }),
    ),
    ...(table.indexes ?? []).map(
      (index): IndexChange => ({ kind: "index.create", owner, index, existing: false, partitioned }),
    ),
    ...createPartitions(name, table.partitions, false),
    ...(table.policies ?? []).map((policy): PolicyChange => ({ kind: "policy.create", table: name, policy })),
    ...(table.triggers ?? []).map((trigger): TriggerChange => ({ kind: "trigger.create", table: name, trigger })),
  ];
};

const alterTable = (ctx: DiffContext, from: Table, to: Table): TableScoped[] => {
  // Most tables of an incremental diff are unchanged: one structural comparison settles them (and,
  // against a database, one that lets its rendering of expressions differ from the declared text).
  if (sameData(from, to) || sameTableUpToExpressions(ctx, from, to)) return [];
  const name = nameOf(to);
  const renames = columnRenames(from, to);
  const changes: TableScoped[] = [];
  if (from.name !== to.name) changes.push({ kind: "table.rename", schema: to.schema, from: from.name, to: to.name });
  if ((from.unlogged ?? false) !== (to.unlogged ?? false)) {
    changes.push({ kind: "table.set-logged", table: name, unlogged: to.unlogged ?? false });
  }
  if (from.rowLevelSecurity !== to.rowLevelSecurity) {
    changes.push({
      kind: "table.set-rls",
      table: name,
      ...(from.rowLevelSecurity ? { from: from.rowLevelSecurity } : {}),
      ...(to.rowLevelSecurity ? { to: to.rowLevelSecurity } : {}),
    });
  }
  changes.push(
    ...diffColumns(ctx, name, from, to),
    ...diffConstraints(ctx, name, from, to, renames),
    ...diffIndexes(ctx, { ...name, relation: "table" }, from.indexes ?? [], to.indexes ?? [], {
      partitioned: to.partitionBy !== undefined,
      renames,
    }),
    ...diffPartitions(ctx, name, from.partitions, to.partitions),
    ...diffPolicies(ctx, name, from.policies, to.policies),
    ...diffTriggers(ctx, name, from.triggers, to.triggers),
  );
  return changes;
};
