import type { Table } from "@platform/schema";
import { type DiffContext, sameData } from "./context.js";

/**
 * Whether `alterTable` would find nothing to change: the tables are equal as data once every expression
 * the per-kind diffs compare with `ctx.sameExpression` is compared that way instead. A database read
 * back prints expressions differently from how they were declared (`''::text` for `''`), so a clean
 * table is rarely equal as plain data; this settles it without running every per-kind diff.
 *
 * Only the fields those diffs compare through `sameExpression` are loosened (column defaults and
 * generation expressions, CHECK expressions, exclusion and index predicates, index key expressions,
 * policy USING / WITH CHECK, trigger WHEN); everything else, exclusion key expressions included, must be
 * equal as data, so this is never looser than the per-kind diffs. Lists are compared position by
 * position (stricter than the per-kind diffs, which match by name: a reordered list takes the slow path).
 */
export const sameTableUpToExpressions = (ctx: DiffContext, a: Table, b: Table): boolean => {
  const x = a as unknown as Readonly<Record<string, unknown>>;
  const y = b as unknown as Readonly<Record<string, unknown>>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const left = x[key];
    const right = y[key];
    if (sameData(left, right)) continue;
    const loose = LOOSENED[key];
    if (loose === undefined || !Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) {
      return false;
    }
    for (let i = 0; i < left.length; i++) {
      if (!sameData(left[i], right[i]) && !loose(ctx, left[i], right[i])) return false;
    }
  }
  return true;
};

type Item = Readonly<Record<string, unknown>>;
type Loose = (ctx: DiffContext, a: Item, b: Item) => boolean;

/** `a` and `b` equal as data without `fields`, and each of `fields` the same expression. */
const upTo =
  (...fields: readonly string[]): Loose =>
  (ctx, a, b) =>
    sameData(without(a, fields), without(b, fields)) &&
    fields.every((f) => ctx.sameExpression(a[f] as string | undefined, b[f] as string | undefined));

const without = (item: Item, fields: readonly string[]): Item => {
  const copy = { ...item };
  for (const f of fields) delete copy[f];
  return copy;
};

const indexUpToExpressions: Loose = (ctx, a, b) => {
  const left = a.elements as readonly Item[];
  const right = b.elements as readonly Item[];
  const expression = upTo("expression");
  return (
    sameData(without(a, ["where", "elements"]), without(b, ["where", "elements"])) &&
    ctx.sameExpression(a.where as string | undefined, b.where as string | undefined) &&
    Array.isArray(left) &&
    Array.isArray(right) &&
    left.length === right.length &&
    left.every((e, i) => {
      const other = right[i] as Item;
      return sameData(e, other) || expression(ctx, e, other);
    })
  );
};

/** Per list of a Table, how one of its items may differ (absent: it must be equal as data). */
const LOOSENED: Readonly<Record<string, Loose | undefined>> = {
  columns: upTo("default", "generated"),
  checks: upTo("expression"),
  exclusions: upTo("where"),
  indexes: indexUpToExpressions,
  policies: upTo("using", "withCheck"),
  triggers: upTo("when"),
};
