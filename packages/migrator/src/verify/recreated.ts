import { type Catalog, functionSignature, type Index, type Table, type View } from "@platform/schema";
import { type Change, diff, recreatedIds } from "../diff/index.js";
import { sameExpression } from "../normalize/index.js";

const key = (o: { schema: string; name: string }): string => `${o.schema}.${o.name}`;

/** Changes that rebuild an object; the rest of a rebuild (grants, comments, indexes) is re-derived. */
const REBUILDS = new Set<Change["kind"]>([
  "enum.rebuild",
  "view.drop",
  "view.create",
  "view.replace",
  "function.drop",
  "function.create",
  "function.replace",
  "index.drop",
  "index.create",
  "index.replace",
]);

/** The expected object with the live one's definition but its own grants and comment. */
const pin = <T extends { readonly grants?: unknown; readonly comment?: string }>(declared: T, actual: T): T => {
  const { grants: _g, comment: _c, ...definition } = actual;
  const own = {
    ...(declared.grants === undefined ? {} : { grants: declared.grants }),
    ...(declared.comment === undefined ? {} : { comment: declared.comment }),
  };
  return { ...(definition as T), ...own } as T;
};

const pinIndexes = (
  declared: readonly Index[] | undefined,
  actual: readonly Index[] | undefined,
  owner: string,
  ids: ReadonlySet<string>,
): Index[] | undefined => {
  if (declared === undefined) return undefined;
  const live = new Map((actual ?? []).map((i) => [i.name, i]));
  return declared.map((i) => {
    const other = live.get(i.name);
    return other !== undefined && ids.has(`index:${owner}.${i.name}`) ? pin(i, other) : i;
  });
};

/**
 * An object that must be rebuilt to match (a function whose arguments were renamed, a materialized view
 * with another body, an index with other storage parameters, an enum with a value added) drags its
 * grants, comments and indexes into the diff: a rebuilt object starts with none. For verify those are
 * not drift when the live object has them already. So the rebuild itself is reported from `changes`, and
 * everything else from a second diff in which each rebuilt object keeps its live definition (with its
 * declared grants and comment): what remains around it really differs.
 */
export const withoutRebuildEchoes = (live: Catalog, expected: Catalog, changes: readonly Change[]): Change[] => {
  const ids = recreatedIds(changes);
  for (const c of changes)
    if (c.kind === "view.replace" || c.kind === "function.replace" || c.kind === "index.replace") ids.add(idOf(c));
  if (ids.size === 0) return [...changes];
  const rebuilt = changes.filter((c) => REBUILDS.has(c.kind) && ids.has(idOf(c)));
  const liveViews = new Map(live.views.map((v) => [key(v), v]));
  const liveTables = new Map(live.tables.map((t) => [key(t), t]));
  const liveEnums = new Map(live.enums.map((e) => [key(e), e]));
  const liveFunctions = new Map(live.functions.map((f) => [functionSignature(f), f]));
  const pinView = (v: View): View => {
    const actual = liveViews.get(key(v));
    if (actual === undefined) return v;
    const base = ids.has(`relation:${key(v)}`) ? pin(v, actual) : v;
    const indexes = pinIndexes(base.indexes, actual.indexes, v.schema, ids);
    return indexes === undefined ? base : { ...base, indexes };
  };
  const pinTable = (t: Table): Table => {
    const indexes = pinIndexes(t.indexes, liveTables.get(key(t))?.indexes, t.schema, ids);
    return indexes === undefined ? t : { ...t, indexes };
  };
  const pinned: Catalog = {
    ...expected,
    views: expected.views.map(pinView),
    tables: expected.tables.map(pinTable),
    enums: expected.enums.map((e) => {
      const actual = liveEnums.get(key(e));
      return actual !== undefined && ids.has(`type:${key(e)}`) ? pin(e, actual) : e;
    }),
    functions: expected.functions.map((f) => {
      const actual = liveFunctions.get(functionSignature(f));
      return actual !== undefined && ids.has(`function:${functionSignature(f)}`) ? pin(f, actual) : f;
    }),
  };
  const around = diff(live, pinned, { sameExpression }).filter((c) => !(REBUILDS.has(c.kind) && ids.has(idOf(c))));
  return [...rebuilt, ...around];
};

const idOf = (c: Change): string => {
  switch (c.kind) {
    case "enum.rebuild":
      return `type:${key(c.to)}`;
    case "view.drop":
    case "view.create":
      return `relation:${key(c.view)}`;
    case "view.replace":
      return `relation:${key(c.to)}`;
    case "function.drop":
    case "function.create":
      return `function:${functionSignature(c.function)}`;
    case "function.replace":
      return `function:${functionSignature(c.to)}`;
    case "index.drop":
    case "index.create":
      return `index:${c.owner.schema}.${c.index.name}`;
    case "index.replace":
      return `index:${c.owner.schema}.${c.to.name}`;
    default:
      return "";
  }
};
