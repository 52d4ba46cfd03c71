import type { Catalog } from "@platform/schema";
import type { Change } from "./change.js";
import { diffCollations } from "./collations.js";
import { diffComments } from "./comments.js";
import { type DiffContext, type DiffOptions, whitespaceInsensitive } from "./context.js";
import { diffDomains } from "./domains.js";
import { diffEnums } from "./enums.js";
import { diffExtensions } from "./extensions.js";
import { diffFunctions } from "./functions.js";
import { diffGrants } from "./grants.js";
import { policiesOverRetypedColumns } from "./policies.js";
import { diffRoles } from "./roles.js";
import { diffSchemas } from "./schemas.js";
import { diffSequences } from "./sequences.js";
import { recreatedIds } from "./subject.js";
import { diffTables } from "./tables.js";
import { diffViews } from "./views.js";

export type { Change, ChangeKind, ChangeOf } from "./change.js";
export type { TableConstraint } from "./constraints.js";
export type { DiffOptions } from "./context.js";
export type { EnumUsage } from "./enums.js";
export type { IndexOwner } from "./indexes.js";
export { recreatedIds, type Subject, subjectOf } from "./subject.js";
export type { CommentTarget, GrantTarget } from "./targets.js";
export { targetId } from "./targets.js";

/**
 * Every difference that takes a database from `from` to `to`, as typed changes (unordered: the plan
 * orders them). Renames are taken only from `renamedFrom` hints in `to`.
 *
 * @example
 *   const changes = diff(snapshot, declared);
 *   // [{ kind: "column.add", table: { schema: "auth", name: "users" }, column: { name: "email", type: "text" } }]
 */
export const diff = (from: Catalog, to: Catalog, options: DiffOptions = {}): Change[] => {
  const ctx: DiffContext = { from, to, sameExpression: options.sameExpression ?? whitespaceInsensitive };
  const structural: Change[] = [
    ...diffExtensions(ctx),
    ...diffSchemas(ctx),
    ...diffRoles(ctx),
    ...diffCollations(ctx),
    ...diffEnums(ctx),
    ...diffDomains(ctx),
    ...diffSequences(ctx),
    ...diffFunctions(ctx),
  ];
  const tables = diffTables(ctx);
  // A policy of a table that does not change can read, in a subquery, a column of one whose type does.
  tables.push(...policiesOverRetypedColumns(from, to, tables));
  const views = diffViews(ctx, relationsReshaped(tables));
  const all = [...structural, ...tables, ...views];
  const recreated = recreatedIds(all);
  return [...all, ...diffGrants(from, to, recreated), ...diffComments(from, to, recreated)];
};

/** Relations whose columns change shape: views reading them must be rebuilt around the change. */
const relationsReshaped = (changes: readonly Change[]): Set<string> => {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.kind === "column.alter-type" || c.kind === "column.drop" || c.kind === "column.rename") {
      out.add(`${c.table.schema}.${c.table.name}`);
    }
    if (c.kind === "table.drop") out.add(`${c.table.schema}.${c.table.name}`);
  }
  return out;
};
