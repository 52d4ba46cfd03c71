import {
  type CheckConstraint,
  compareKeys,
  type ExclusionConstraint,
  type ForeignKey,
  type Index,
  type PrimaryKey,
  type QualifiedName,
  type Table,
  type UniqueConstraint,
} from "@platform/schema";
import { columnRenames, matchColumns } from "./columns.js";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

export type TableConstraint =
  | ({ readonly type: "primary-key" } & PrimaryKey)
  | ({ readonly type: "unique" } & UniqueConstraint)
  | ({ readonly type: "check" } & CheckConstraint)
  | ({ readonly type: "foreign-key" } & ForeignKey)
  | ({ readonly type: "exclusion" } & ExclusionConstraint);

export type ConstraintChange =
  | {
      readonly kind: "constraint.add";
      readonly table: QualifiedName;
      readonly constraint: TableConstraint;
      /** the table holds rows already: add without a long lock (NOT VALID + VALIDATE, or USING INDEX) */
      readonly existing: boolean;
    }
  | { readonly kind: "constraint.drop"; readonly table: QualifiedName; readonly constraint: TableConstraint };

/** Every constraint of a table as one list (the Catalog keeps them by type). */
export const constraintsOf = (t: Table): TableConstraint[] => [
  ...(t.primaryKey ? [{ type: "primary-key" as const, ...t.primaryKey }] : []),
  ...(t.uniques ?? []).map((c) => ({ type: "unique" as const, ...c })),
  ...(t.checks ?? []).map((c) => ({ type: "check" as const, ...c })),
  ...(t.foreignKeys ?? []).map((c) => ({ type: "foreign-key" as const, ...c })),
  ...(t.exclusions ?? []).map((c) => ({ type: "exclusion" as const, ...c })),
];

/**
 * Constraints cannot be altered in place (beyond deferrability, which we also treat as a change): a
 * changed constraint is dropped and added. Column lists of the old side are read through the table's
 * column renames, since PostgreSQL renames them along with the column. Foreign keys that reference this
 * table and stay are dropped and added too when the key they are bound to goes (`rebuiltForeignKeys`).
 */
export const diffConstraints = (
  ctx: DiffContext,
  table: QualifiedName,
  from: Table,
  to: Table,
  renames: ReadonlyMap<string, string>,
): ConstraintChange[] => {
  const before = constraintsOf(from).map((c) => renameColumns(c, renames));
  const { added, removed, kept } = matchByKey(before, constraintsOf(to), (c) => c.name);
  const changed = kept.filter(([a, b]) => !sameConstraint(ctx, a, b));
  const gone = [...removed, ...changed.map(([a]) => a)];
  return [
    ...gone.map((constraint): ConstraintChange => ({ kind: "constraint.drop", table, constraint })),
    ...[...added, ...changed.map(([, b]) => b)].map(
      (constraint): ConstraintChange => ({ kind: "constraint.add", table, constraint, existing: true }),
    ),
    ...rebuiltForeignKeys(ctx, from, to, renames, gone),
  ];
};

/**
 * Foreign keys (of any table, this one included) that stay as they are while what they are bound to on
 * this table changes underneath them; each is dropped and added again around the change:
 *  - a key over the referenced columns goes (dropped, or re-created with other options). PostgreSQL binds
 *    a foreign key to ONE unique index over exactly those columns, the oldest that qualifies, and refuses
 *    to drop it ("other objects depend on it"). Which one it is is not in the Catalog, so the foreign key
 *    is rebuilt when any key it could be bound to goes;
 *  - the referenced columns and the foreign key's own columns both change type: PostgreSQL re-checks the
 *    foreign key inside each ALTER COLUMN TYPE and refuses the moment the two sides do not match (integer
 *    against text). A change on one side only is left to PostgreSQL, which rebuilds the key itself.
 */
const rebuiltForeignKeys = (
  ctx: DiffContext,
  from: Table,
  to: Table,
  renames: ReadonlyMap<string, string>,
  gone: readonly TableConstraint[],
): ConstraintChange[] => {
  const keys = new Set([...gone.flatMap(bindableColumns), ...goneIndexColumns(from, to, renames)].map(columnSet));
  const retyped = retypedColumns(from, to);
  if (keys.size === 0 && retyped.size === 0) return [];
  const out: ConstraintChange[] = [];
  for (const owner of ctx.from.tables) {
    for (const fk of owner.foreignKeys ?? []) {
      if (fk.references.schema !== from.schema || fk.references.table !== from.name) continue;
      const self = owner.schema === from.schema && owner.name === from.name;
      const next = self ? to : counterpart(ctx, owner);
      if (next === undefined || !sameData(owner.partitionBy, next.partitionBy)) continue;
      const keyGone = keys.has(columnSet(fk.references.columns.map((c) => renames.get(c) ?? c)));
      const bothRetyped =
        fk.references.columns.some((c) => retyped.has(c)) && fk.columns.some((c) => retypedColumns(owner, next).has(c));
      if (!keyGone && !bothRetyped) continue;
      const before = renameColumns({ type: "foreign-key", ...fk }, self ? renames : columnRenames(owner, next));
      const after = (next.foreignKeys ?? []).find((k) => k.name === fk.name);
      // Dropped or changed foreign keys are already dropped and added by their own table's diff.
      if (after === undefined || !sameData(normal(before), normal({ type: "foreign-key", ...after }))) continue;
      const table = { schema: next.schema, name: next.name };
      out.push(
        { kind: "constraint.drop", table, constraint: before },
        { kind: "constraint.add", table, constraint: { type: "foreign-key", ...after }, existing: true },
      );
    }
  }
  return out;
};

/** Key columns a foreign key can bind to: primary keys and unique constraints checked immediately. */
const bindableColumns = (c: TableConstraint): (readonly string[])[] =>
  c.type === "primary-key" || (c.type === "unique" && (c.deferrable ?? "not deferrable") === "not deferrable")
    ? [c.columns]
    : [];

/**
 * Columns of the unique indexes a foreign key can bind to (plain columns, no predicate, btree) that this
 * table drops or rebuilds. Compared structurally: such an index has no expressions to compare as SQL.
 */
const goneIndexColumns = (from: Table, to: Table, renames: ReadonlyMap<string, string>): (readonly string[])[] =>
  (from.indexes ?? []).flatMap((index) => {
    const before = renameIndexColumns(index, renames);
    const columns = before.elements.flatMap((e) => (e.column === undefined ? [] : [e.column]));
    const bindable =
      index.unique === true &&
      index.where === undefined &&
      (index.method ?? "btree") === "btree" &&
      columns.length === index.elements.length;
    if (!bindable) return [];
    const after = (to.indexes ?? []).find((i) => i.name === index.name);
    return after !== undefined && sameData(indexShape(before), indexShape(after)) ? [] : [columns];
  });

const indexShape = (i: Index): unknown => ({ ...omit(i, "comment"), method: i.method ?? "btree" });

const renameIndexColumns = (i: Index, renames: ReadonlyMap<string, string>): Index =>
  renames.size === 0
    ? i
    : {
        ...i,
        elements: i.elements.map((e) => (e.column ? { ...e, column: renames.get(e.column) ?? e.column } : e)),
        ...(i.include ? { include: i.include.map((c) => renames.get(c) ?? c) } : {}),
      };

/** Names (in `from`) of the columns whose type changes. */
const retypedColumns = (from: Table, to: Table): Set<string> =>
  new Set(
    matchColumns(from, to)
      .kept.filter(([a, b]) => a.type !== b.type)
      .map(([a]) => a.name),
  );

/** A foreign key matches a key whatever the order of the columns. */
const columnSet = (columns: readonly string[]): string => JSON.stringify([...columns].sort(compareKeys));

/** The table `t` becomes in `to` (same name, else the first that names it in `renamedFrom`), as `matchTables` pairs them. */
const counterpart = (ctx: DiffContext, t: Table): Table | undefined => {
  const same = ctx.to.tables.find((u) => u.schema === t.schema && u.name === t.name);
  if (same) return same;
  return ctx.to.tables
    .filter(
      (u) =>
        u.schema === t.schema &&
        u.renamedFrom === t.name &&
        !ctx.from.tables.some((f) => f.schema === u.schema && f.name === u.name),
    )
    .sort((a, b) => compareKeys(a.name, b.name))[0];
};

const sameConstraint = (ctx: DiffContext, a: TableConstraint, b: TableConstraint): boolean => {
  if (a.type === "check" && b.type === "check") {
    return ctx.sameExpression(a.expression, b.expression) && (a.noInherit ?? false) === (b.noInherit ?? false);
  }
  if (a.type === "exclusion" && b.type === "exclusion" && !ctx.sameExpression(a.where, b.where)) return false;
  return sameData(normal(a), normal(b));
};

const normal = (c: TableConstraint): unknown => {
  const base = omit(c, "comment") as Record<string, unknown>;
  if (c.type === "foreign-key") {
    return {
      ...base,
      onDelete: c.onDelete ?? "no action",
      onUpdate: c.onUpdate ?? "no action",
      match: c.match ?? "simple",
    };
  }
  if ("deferrable" in base) base.deferrable = base.deferrable ?? "not deferrable";
  if (c.type === "exclusion") delete base.where;
  return base;
};

const renameColumns = (c: TableConstraint, renames: ReadonlyMap<string, string>): TableConstraint => {
  if (renames.size === 0) return c;
  const map = (cols: readonly string[]) => cols.map((x) => renames.get(x) ?? x);
  switch (c.type) {
    case "primary-key":
    case "unique":
      return { ...c, columns: map(c.columns), ...(c.include ? { include: map(c.include) } : {}) };
    case "foreign-key":
      return { ...c, columns: map(c.columns) };
    case "exclusion":
      return {
        ...c,
        elements: c.elements.map((e) => (e.column ? { ...e, column: renames.get(e.column) ?? e.column } : e)),
      };
    case "check":
      return c;
  }
};
