import {
  type Column,
  compareKeys,
  type Index,
  type Partition,
  type Policy,
  type Table,
  type Trigger,
} from "@platform/schema";
import type { TableConstraints } from "./constraints.js";
import { type AclEntry, toGrants, withGrants } from "./grants.js";
import { comment, flag, list, opt } from "./optional.js";
import { parsePartitionBound, parsePartitionBy } from "./partitions.js";
import type { RelationRow } from "./relations.js";

/** What the per-kind readers returned, keyed by table oid. */
export interface TableParts {
  readonly columns: ReadonlyMap<string, Column[]>;
  readonly constraints: ReadonlyMap<string, TableConstraints>;
  readonly indexes: ReadonlyMap<string, Index[]>;
  readonly policies: ReadonlyMap<string, Policy[]>;
  readonly triggers: ReadonlyMap<string, Trigger[]>;
}

const rowLevelSecurity = (r: RelationRow): Table["rowLevelSecurity"] | null =>
  r.rls ? (r.rls_forced ? "forced" : "enabled") : null;

const grantsOf = (entries: readonly AclEntry[]) => withGrants(toGrants(entries));

/** Partitions of `parent`, sub-partitions nested, ordered by name. */
const partitionsOf = (parent: string, children: ReadonlyMap<string, RelationRow[]>): Partition[] =>
  (children.get(parent) ?? [])
    .slice()
    .sort((a, b) => compareKeys(a.name, b.name))
    .map((p) => ({
      name: p.name,
      bound: parsePartitionBound(p.bound ?? ""),
      ...flag("unlogged", p.unlogged),
      ...opt(
        "partitionBy",
        p.kind === "p" && p.partition_key !== null
          ? parsePartitionBy(p.partition_key, p.partition_columns ?? [])
          : null,
      ),
      ...list("partitions", partitionsOf(p.oid, children)),
      ...comment(p.comment),
    }));

/**
 * Assembles Catalog tables from pg_class rows and the per-table parts. Partitions nest under their parent
 * (they live in the parent's schema); a partition in another schema is not representable and is reported
 * under its parent all the same.
 */
export const assembleTables = (relations: readonly RelationRow[], parts: TableParts): Table[] => {
  const children = new Map<string, RelationRow[]>();
  for (const r of relations) {
    if (!r.is_partition || r.parent === null) continue;
    children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  return relations
    .filter((r) => (r.kind === "r" || r.kind === "p") && !r.is_partition)
    .map((r) => {
      const c = parts.constraints.get(r.oid);
      return {
        schema: r.schema,
        name: r.name,
        ...flag("unlogged", r.unlogged),
        columns: parts.columns.get(r.oid) ?? [],
        ...opt("primaryKey", c?.primaryKey),
        ...list("uniques", c?.uniques),
        ...list("checks", c?.checks),
        ...list("foreignKeys", c?.foreignKeys),
        ...list("exclusions", c?.exclusions),
        ...list("indexes", parts.indexes.get(r.oid)),
        ...opt(
          "partitionBy",
          r.kind === "p" && r.partition_key !== null
            ? parsePartitionBy(r.partition_key, r.partition_columns ?? [])
            : null,
        ),
        ...list("partitions", partitionsOf(r.oid, children)),
        ...opt("rowLevelSecurity", rowLevelSecurity(r)),
        ...list("policies", parts.policies.get(r.oid)),
        ...list("triggers", parts.triggers.get(r.oid)),
        ...comment(r.comment),
        ...grantsOf(r.grants),
      };
    });
};
