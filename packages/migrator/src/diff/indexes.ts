import type { Index, QualifiedName } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

/** The relation an index belongs to: a table, or a materialized view. */
export interface IndexOwner extends QualifiedName {
  readonly relation: "table" | "materialized view";
}

export type IndexChange =
  | {
      readonly kind: "index.create";
      readonly owner: IndexOwner;
      readonly index: Index;
      /** the relation holds rows already: build CONCURRENTLY (outside a transaction) */
      readonly existing: boolean;
      /** partitioned tables cannot build an index CONCURRENTLY */
      readonly partitioned: boolean;
    }
  /**
   * A changed definition under the same name. An index cannot be altered: it is built again (on a
   * relation with rows, the new one is built first under a temporary name, so queries never lack it).
   */
  | {
      readonly kind: "index.replace";
      readonly owner: IndexOwner;
      readonly from: Index;
      readonly to: Index;
      readonly existing: boolean;
      readonly partitioned: boolean;
    }
  | {
      readonly kind: "index.drop";
      readonly owner: IndexOwner;
      readonly index: Index;
      readonly existing: boolean;
      readonly partitioned: boolean;
    };

/** An index cannot be altered (beyond its name): a changed one is replaced (`index.replace`). */
export const diffIndexes = (
  ctx: DiffContext,
  owner: IndexOwner,
  from: readonly Index[],
  to: readonly Index[],
  options: { readonly partitioned: boolean; readonly renames: ReadonlyMap<string, string> },
): IndexChange[] => {
  const before = from.map((i) => renameColumns(i, options.renames));
  const { added, removed, kept } = matchByKey(before, to, (i) => i.name);
  const changed = kept.filter(([a, b]) => !sameIndex(ctx, a, b));
  const common = { owner, existing: true, partitioned: options.partitioned };
  return [
    ...removed.map((index): IndexChange => ({ kind: "index.drop", index, ...common })),
    ...added.map((index): IndexChange => ({ kind: "index.create", index, ...common })),
    ...changed.map(([a, b]): IndexChange => ({ kind: "index.replace", from: a, to: b, ...common })),
  ];
};

const sameIndex = (ctx: DiffContext, a: Index, b: Index): boolean =>
  ctx.sameExpression(a.where, b.where) &&
  a.elements.length === b.elements.length &&
  a.elements.every((e, i) => {
    const o = b.elements[i];
    return (
      o !== undefined &&
      ctx.sameExpression(e.expression, o.expression) &&
      sameData(omit(e, "expression"), omit(o, "expression"))
    );
  }) &&
  sameData(
    { ...omit(a, "comment", "where", "elements"), method: a.method ?? "btree" },
    { ...omit(b, "comment", "where", "elements"), method: b.method ?? "btree" },
  );

const renameColumns = (i: Index, renames: ReadonlyMap<string, string>): Index =>
  renames.size === 0
    ? i
    : {
        ...i,
        elements: i.elements.map((e) => (e.column ? { ...e, column: renames.get(e.column) ?? e.column } : e)),
        ...(i.include ? { include: i.include.map((c) => renames.get(c) ?? c) } : {}),
      };
