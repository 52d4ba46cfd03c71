import type {
  CheckConstraint,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  QualifiedName,
  Table,
  UniqueConstraint,
} from "@platform/schema";
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
 * column renames, since PostgreSQL renames them along with the column.
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
  return [
    ...[...removed, ...changed.map(([a]) => a)].map(
      (constraint): ConstraintChange => ({ kind: "constraint.drop", table, constraint }),
    ),
    ...[...added, ...changed.map(([, b]) => b)].map(
      (constraint): ConstraintChange => ({ kind: "constraint.add", table, constraint, existing: true }),
    ),
  ];
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
