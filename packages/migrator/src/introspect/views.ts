import { type Column, compareKeys, type Index, type QualifiedName, type View, type ViewColumn } from "@platform/schema";
import { toGrants, withGrants } from "./grants.js";
import { comment, flag, list } from "./optional.js";
import type { RelationRow } from "./relations.js";

/** `pg_get_viewdef` ends with `;` and starts with a space: the Catalog keeps the bare SELECT. */
export const viewDefinition = (text: string | null): string => (text ?? "").trim().replace(/;\s*$/, "");

const uniqueSorted = (names: readonly QualifiedName[] | null): QualifiedName[] => {
  const seen = new Map<string, QualifiedName>();
  for (const n of names ?? []) seen.set(`${n.schema}\u0000${n.name}`, { schema: n.schema, name: n.name });
  return [...seen.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, n]) => n);
};

/** A view's output column: PostgreSQL marks them all nullable, so `notNull` is never read back. */
const viewColumn = (c: Column): ViewColumn => ({
  name: c.name,
  type: c.type,
  ...(c.comment === undefined ? {} : { comment: c.comment }),
});

/**
 * Views and materialized views, with their output columns, what their definitions read (for ordering)
 * and, for materialized views, their indexes.
 */
export const assembleViews = (
  relations: readonly RelationRow[],
  columns: ReadonlyMap<string, Column[]>,
  indexes: ReadonlyMap<string, Index[]>,
): View[] =>
  relations
    .filter((r) => r.kind === "v" || r.kind === "m")
    .map((r) => ({
      schema: r.schema,
      name: r.name,
      ...flag("materialized", r.kind === "m"),
      definition: viewDefinition(r.definition),
      ...list("columns", (columns.get(r.oid) ?? []).map(viewColumn)),
      ...list("dependsOn", uniqueSorted(r.depends_on)),
      ...list("indexes", r.kind === "m" ? indexes.get(r.oid) : null),
      ...comment(r.comment),
      ...withGrants(toGrants(r.grants)),
    }));
