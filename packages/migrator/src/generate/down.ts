import type { Catalog, Table } from "@platform/schema";
import { matchColumns } from "../diff/columns.js";
import { type Change, diff, subjectOf } from "../diff/index.js";
import { matchTables } from "../diff/tables.js";
import { orderChanges, type PlannedMigration } from "../plan/index.js";

/**
 * The down section of each migration: the changes of the reverse diff (`to` → `from`) that undo what
 * that migration did, planned on their own. Rolling back runs the newest migration's down first, so
 * each file's down only reverts its own changes. Reverse changes that match no migration go to the
 * first one's down, which runs last.
 */
export const downMigrations = (
  from: Catalog,
  to: Catalog,
  forward: readonly Change[],
  migrations: readonly PlannedMigration[],
): PlannedMigration[] => {
  const back = withReverseHints(from, to);
  const reverse = diff(to, back);
  const buckets = migrations.length === 1 ? [reverse] : bucketsOf(reverse, forward, migrations);
  return migrations.map((migration, i) => {
    const changes = buckets[i] as Change[];
    const steps =
      changes.length === 0
        ? []
        : orderChanges(to, back, changes, { allowDestructive: true, lockSafe: !migration.transactional });
    return { transactional: migration.transactional, steps };
  });
};

/** The reverse changes by the migration whose changes they undo (the first one's when none). */
const bucketsOf = (
  reverse: readonly Change[],
  forward: readonly Change[],
  migrations: readonly PlannedMigration[],
): Change[][] => {
  const owner = ownerOfKeys(forward, migrations);
  const buckets: Change[][] = migrations.map(() => []);
  for (const change of reverse) {
    const index = keysOf(change)
      .map((k) => owner.get(k))
      .find((i) => i !== undefined);
    (buckets[index ?? 0] as Change[]).push(change);
  }
  return buckets;
};

/** Identity keys of a change: its subject, and for a rename the old name too (the reverse rename's subject). */
const keysOf = (change: Change): string[] => {
  const { id } = subjectOf(change);
  if (change.kind === "table.rename") return [id, `relation:${change.schema}.${change.from}`];
  if (change.kind === "column.rename") {
    return [id, `column:${change.table.schema}.${change.table.name}.${change.from}`];
  }
  return [id];
};

/** key → index of the migration in which the forward change with that key completes. */
const ownerOfKeys = (forward: readonly Change[], migrations: readonly PlannedMigration[]): Map<string, number> => {
  const lastMigration = new Map<number, number>();
  migrations.forEach((m, i) => {
    for (const step of m.steps) lastMigration.set(step.change, i);
  });
  const owner = new Map<string, number>();
  forward.forEach((change, c) => {
    const m = lastMigration.get(c);
    if (m === undefined) return;
    for (const key of keysOf(change)) owner.set(key, m);
  });
  return owner;
};

/** `from` with `renamedFrom` hints pointing at the declared names, so the reverse diff renames back. */
const withReverseHints = (from: Catalog, to: Catalog): Catalog => {
  // Without hints in `to` nothing was renamed: `from` as it is (keeping its objects keeps diff cheap).
  if (!to.tables.some((t) => t.renamedFrom !== undefined || t.columns.some((c) => c.renamedFrom !== undefined))) {
    return from;
  }
  const { kept } = matchTables(from.tables, to.tables);
  const hinted = new Map<Table, Table>();
  for (const [a, b] of kept) {
    const columns = new Map(matchColumns(a, b).kept.map(([x, y]) => [x, y.name]));
    const renamedColumns = a.columns.map((c) => {
      const now = columns.get(c);
      return now !== undefined && now !== c.name ? { ...c, renamedFrom: now } : c;
    });
    hinted.set(a, { ...a, columns: renamedColumns, ...(a.name !== b.name ? { renamedFrom: b.name } : {}) });
  }
  return { ...from, tables: from.tables.map((t) => hinted.get(t) ?? t) };
};
