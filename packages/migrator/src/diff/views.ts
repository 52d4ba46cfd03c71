import type { View } from "@platform/schema";
import { compareKeys } from "@platform/schema";
import { type DiffContext, matchByKey, sameData } from "./context.js";
import { diffIndexes, type IndexChange } from "./indexes.js";

export type ViewChange =
  | { readonly kind: "view.create"; readonly view: View }
  | { readonly kind: "view.drop"; readonly view: View }
  /** `CREATE OR REPLACE VIEW`: only when the old output columns are kept as they were and new ones appended */
  | { readonly kind: "view.replace"; readonly from: View; readonly to: View };

const key = (v: { schema: string; name: string }) => `${v.schema}.${v.name}`;

/**
 * A view whose definition changes in a way `CREATE OR REPLACE` does not allow, or that reads a relation
 * being rebuilt (`forced`, e.g. a table whose column type changes), is dropped and created again, and so
 * is every view that reads it, transitively: PostgreSQL refuses to drop a view others depend on.
 */
export const diffViews = (ctx: DiffContext, forced: ReadonlySet<string>): Array<ViewChange | IndexChange> => {
  const { added, removed, kept } = matchByKey(ctx.from.views, ctx.to.views, key);
  const changed = kept.filter(([a, b]) => !sameView(ctx, a, b));
  const replaced = changed.filter(([a, b]) => replaceable(a, b));
  const seeds = new Set([
    ...changed.filter(([a, b]) => !replaceable(a, b)).map(([, b]) => key(b)),
    ...kept.filter(([a]) => (a.dependsOn ?? []).some((d) => forced.has(key(d)))).map(([, b]) => key(b)),
  ]);
  const rebuilt = dependentsClosure(ctx.from.views, seeds);
  const rebuiltPairs = kept.filter(([, b]) => rebuilt.has(key(b)));
  const alive = kept.filter(([, b]) => !rebuilt.has(key(b)));
  const created = [...added, ...rebuiltPairs.map(([, b]) => b)].sort((a, b) => compareKeys(key(a), key(b)));
  return [
    ...[...removed, ...rebuiltPairs.map(([a]) => a)].map((view): ViewChange => ({ kind: "view.drop", view })),
    ...created.flatMap(
      (view): Array<ViewChange | IndexChange> => [
        { kind: "view.create", view },
        ...(view.indexes ?? []).map(
          (index): IndexChange => ({
            kind: "index.create",
            owner: { schema: view.schema, name: view.name, relation: "materialized view" },
            index,
            existing: false,
            partitioned: false,
          }),
        ),
      ],
    ),
    ...replaced
      .filter(([, b]) => !rebuilt.has(key(b)))
      .map(([a, b]): ViewChange => ({ kind: "view.replace", from: a, to: b })),
    ...alive.flatMap(([a, b]) =>
      diffIndexes(
        ctx,
        { schema: b.schema, name: b.name, relation: "materialized view" },
        a.indexes ?? [],
        b.indexes ?? [],
        {
          partitioned: false,
          renames: new Map(),
        },
      ),
    ),
  ];
};

const sameView = (ctx: DiffContext, a: View, b: View): boolean =>
  (a.materialized ?? false) === (b.materialized ?? false) && ctx.sameExpression(a.definition, b.definition);

/** `seeds` plus every view that reads one of them, transitively (as the old catalog records dependencies). */
const dependentsClosure = (views: readonly View[], seeds: ReadonlySet<string>): Set<string> => {
  const result = new Set(seeds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const v of views) {
      if (!result.has(key(v)) && (v.dependsOn ?? []).some((d) => result.has(key(d)))) {
        result.add(key(v));
        grew = true;
      }
    }
  }
  return result;
};

const replaceable = (a: View, b: View): boolean => {
  if (a.materialized || b.materialized) return false;
  // Declared or read output columns settle it; otherwise read the select lists.
  if (a.columns && b.columns) {
    return a.columns.length <= b.columns.length && a.columns.every((c, i) => sameData(c, b.columns?.[i]));
  }
  const before = selectList(a.definition);
  const after = selectList(b.definition);
  if (!before || !after || after.length < before.length) return false;
  return before.every((item, i) => item === after[i]);
};

/**
 * The top-level output expressions of a `SELECT ... FROM`, whitespace-squashed, or undefined when the
 * definition is not a plain SELECT we can read (then the view is rebuilt, which is always correct).
 */
export const selectList = (definition: string): string[] | undefined => {
  const sql = definition.trim();
  if (!/^select\s/i.test(sql) || /^select\s+distinct\s+on/i.test(sql)) return undefined;
  const items: string[] = [];
  let depth = 0;
  let start = 6;
  let i = 6;
  for (; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      const close = sql.indexOf(ch, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && ch === ",") {
      items.push(sql.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && /\sfrom\s/i.test(sql.slice(i - 1, i + 5))) break;
  }
  items.push(sql.slice(start, i));
  return items.map((s) => s.replace(/\s+/g, " ").trim());
};
