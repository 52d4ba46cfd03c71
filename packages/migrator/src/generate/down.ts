import type { Catalog, Table } from "@platform/schema";
import { matchColumns } from "../diff/columns.js";
import { type Change, diff, subjectOf } from "../diff/index.js";
import { matchTables } from "../diff/tables.js";
import { orderChanges, type PlannedMigration, splitMigrations } from "../plan/index.js";

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
    // A file has one down section: when its steps need a COMMIT inside (an enum value re-added, then
    // used), the section runs statement by statement instead of in one transaction.
    return { transactional: migration.transactional && splitMigrations(steps).length <= 1, steps };
  });
};

/**
 * The reverse changes by the migration whose changes they undo (the first one's when none). Rolling
 * back runs the newest down first, so an object the change set dropped and created again (a foreign key
 * rebuilt around its key, a constraint re-created concurrently) is dropped in the down of the migration
 * that created it and created back in the down of the one that dropped it; anything else is undone
 * where its forward change completed.
 */
const bucketsOf = (
  reverse: readonly Change[],
  forward: readonly Change[],
  migrations: readonly PlannedMigration[],
): Change[][] => {
  const span = spanOfKeys(forward, migrations);
  // A table the reverse renames back is known to the forward changes by its new name too.
  const renamedBack = new Map<string, string>();
  for (const change of reverse) {
    if (change.kind === "table.rename")
      renamedBack.set(`${change.schema}.${change.to}`, `${change.schema}.${change.from}`);
  }
  const buckets: Change[][] = migrations.map(() => []);
  const indexes: number[] = [];
  for (const change of reverse) {
    const found = [...keysOf(change), ...forwardNamesOf(subjectOf(change).id, renamedBack)]
      .map((k) => span.get(k))
      .find((s) => s !== undefined);
    indexes.push(found === undefined ? 0 : isDrop(change) ? found.last : isCreate(change) ? found.first : found.last);
  }
  // The reverse plans name a renamed table by its old name: its rename back goes in the newest down that
  // touches it, which runs first. (Reverting only some files of such a set leaves the old name early.)
  reverse.forEach((change, c) => {
    if (change.kind !== "table.rename") return;
    const table = `${change.schema}.${change.to}`;
    reverse.forEach((other, o) => {
      const path = subjectOf(other).id.slice(subjectOf(other).id.indexOf(":") + 1);
      if (path === table || path.startsWith(`${table}.`)) indexes[c] = Math.max(indexes[c] ?? 0, indexes[o] ?? 0);
    });
  });
  reverse.forEach((change, c) => {
    (buckets[indexes[c] ?? 0] as Change[]).push(change);
  });
  return buckets;
};

/** `constraint:app.b.b_fk` as the forward changes name it when the reverse renames app.c back to app.b. */
const forwardNamesOf = (id: string, renamedBack: ReadonlyMap<string, string>): string[] => {
  const colon = id.indexOf(":");
  const path = id.slice(colon + 1);
  for (const [back, forwardName] of renamedBack) {
    if (path.startsWith(`${back}.`)) return [`${id.slice(0, colon + 1)}${forwardName}${path.slice(back.length)}`];
  }
  return [];
};

const isDrop = (change: Change) => change.kind.endsWith(".drop");
const isCreate = (change: Change) => change.kind.endsWith(".create") || change.kind.endsWith(".add");

/** Identity keys of a change: its subject, and for a rename the old name too (the reverse rename's subject). */
const keysOf = (change: Change): string[] => {
  const { id } = subjectOf(change);
  if (change.kind === "table.rename") return [id, `relation:${change.schema}.${change.from}`];
  if (change.kind === "column.rename") {
    return [id, `column:${change.table.schema}.${change.table.name}.${change.from}`];
  }
  return [id];
};

/** key → the first and the last migration in which a forward change with that key has steps. */
const spanOfKeys = (
  forward: readonly Change[],
  migrations: readonly PlannedMigration[],
): Map<string, { first: number; last: number }> => {
  const stepsIn = new Map<number, { first: number; last: number }>();
  migrations.forEach((m, i) => {
    for (const step of m.steps) {
      const seen = stepsIn.get(step.change);
      stepsIn.set(step.change, { first: seen?.first ?? i, last: i });
    }
  });
  const span = new Map<string, { first: number; last: number }>();
  forward.forEach((change, c) => {
    const own = stepsIn.get(c);
    if (own === undefined) return;
    for (const key of keysOf(change)) {
      const seen = span.get(key);
      span.set(key, {
        first: Math.min(seen?.first ?? own.first, own.first),
        last: Math.max(seen?.last ?? own.last, own.last),
      });
    }
  });
  return span;
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
