import { compareKeys, type Index, type QualifiedName, type View } from "@platform/schema";
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

/** Views and materialized views, with what their definitions read (for ordering) and matview indexes. */
export const assembleViews = (relations: readonly RelationRow[], indexes: ReadonlyMap<string, Index[]>): View[] =>
  relations
    .filter((r) => r.kind === "v" || r.kind === "m")
    .map((r) => ({
      schema: r.schema,
      name: r.name,
      ...flag("materialized", r.kind === "m"),
      definition: viewDefinition(r.definition),
      ...list("dependsOn", uniqueSorted(r.depends_on)),
      ...list("indexes", r.kind === "m" ? indexes.get(r.oid) : null),
      ...comment(r.comment),
      ...withGrants(toGrants(r.grants)),
    }));
