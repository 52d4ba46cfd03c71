import type { Table } from "@platform/schema";
import { type DiffContext, sameData } from "./context.js";

/**
 * Whether `alterTable` would find nothing to change: the tables are equal as data once every expression
 * the per-kind diffs compare with `ctx.sameExpression` is taken out and compared that way instead.
 * A database read back prints expressions differently from how they were declared (`''::text` for `''`),
 * so a clean table is rarely equal as plain data; this settles it without running every per-kind diff.
 *
 * Only the fields those diffs compare through `sameExpression` are loosened (column defaults and
 * generation expressions, CHECK expressions, exclusion and index predicates, index key expressions,
 * policy USING / WITH CHECK, trigger WHEN); everything else, exclusion key expressions included, must be
 * equal as data, so this is never looser than the per-kind diffs.
 */
export const sameTableUpToExpressions = (ctx: DiffContext, a: Table, b: Table): boolean => {
  const left: (string | undefined)[] = [];
  const right: (string | undefined)[] = [];
  if (!sameData(withoutExpressions(a, left), withoutExpressions(b, right))) return false;
  // equal shapes put the same expression sites at the same positions
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) if (!ctx.sameExpression(left[i], right[i])) return false;
  return true;
};

/** `t` without the loosened expressions, which are pushed to `out` in a fixed order (absent ones too). */
const withoutExpressions = (t: Table, out: (string | undefined)[]): unknown => ({
  ...t,
  columns: t.columns.map(({ default: d, generated, ...c }) => {
    out.push(d, generated);
    return c;
  }),
  checks: t.checks?.map(({ expression, ...c }) => {
    out.push(expression);
    return c;
  }),
  exclusions: t.exclusions?.map(({ where, ...x }) => {
    out.push(where);
    return x;
  }),
  indexes: t.indexes?.map(({ where, elements, ...i }) => {
    out.push(where);
    return {
      ...i,
      elements: elements.map(({ expression, ...e }) => {
        out.push(expression);
        return e;
      }),
    };
  }),
  policies: t.policies?.map(({ using, withCheck, ...p }) => {
    out.push(using, withCheck);
    return p;
  }),
  triggers: t.triggers?.map(({ when, ...tr }) => {
    out.push(when);
    return tr;
  }),
});
