import type { QualifiedName } from "@platform/schema";
import { functionSignature } from "@platform/schema";
import type { Change, ChangeKind, ChangeOf } from "./change.js";
import { targetId } from "./targets.js";

/**
 * What a change is about: the identity of the object (`relation:auth.users`, `column:auth.users.email`)
 * and whether it brings the object into existence, removes it, or changes it in place. Identities are
 * shared with the plan's dependency graph and with `comments`/`grants` (an object dropped and created
 * again in one diff is "recreated").
 */
export interface Subject {
  readonly id: string;
  readonly action: "create" | "drop" | "alter";
}

const q = (n: QualifiedName) => `${n.schema}.${n.name}`;
const rel = (n: QualifiedName) => `relation:${q(n)}`;

const subjects = {
  "extension.create": (c) => ({ id: `extension:${c.extension.name}`, action: "create" }),
  "extension.drop": (c) => ({ id: `extension:${c.extension.name}`, action: "drop" }),
  "extension.set-schema": (c) => ({ id: `extension:${c.to.name}`, action: "alter" }),
  "schema.create": (c) => ({ id: `schema:${c.schema.name}`, action: "create" }),
  "schema.drop": (c) => ({ id: `schema:${c.schema.name}`, action: "drop" }),
  "role.create": (c) => ({ id: `role:${c.role.name}`, action: "create" }),
  "role.drop": (c) => ({ id: `role:${c.role.name}`, action: "drop" }),
  "role.alter": (c) => ({ id: `role:${c.to.name}`, action: "alter" }),
  "collation.create": (c) => ({ id: `collation:${q(c.collation)}`, action: "create" }),
  "collation.drop": (c) => ({ id: `collation:${q(c.collation)}`, action: "drop" }),
  "enum.create": (c) => ({ id: `type:${q(c.enum)}`, action: "create" }),
  "enum.drop": (c) => ({ id: `type:${q(c.enum)}`, action: "drop" }),
  "enum.add-value": (c) => ({ id: `type:${q(c.enum)}`, action: "alter" }),
  // A rebuilt enum is a new type: comments and grants must be applied again.
  "enum.rebuild": (c) => ({ id: `type:${q(c.to)}`, action: "create" }),
  "domain.create": (c) => ({ id: `type:${q(c.domain)}`, action: "create" }),
  "domain.drop": (c) => ({ id: `type:${q(c.domain)}`, action: "drop" }),
  "domain.alter": (c) => ({ id: `type:${q(c.to)}`, action: "alter" }),
  "sequence.create": (c) => ({ id: `sequence:${q(c.sequence)}`, action: "create" }),
  "sequence.drop": (c) => ({ id: `sequence:${q(c.sequence)}`, action: "drop" }),
  "sequence.alter": (c) => ({ id: `sequence:${q(c.to)}`, action: "alter" }),
  "function.create": (c) => ({ id: `function:${functionSignature(c.function)}`, action: "create" }),
  "function.drop": (c) => ({ id: `function:${functionSignature(c.function)}`, action: "drop" }),
  "function.replace": (c) => ({ id: `function:${functionSignature(c.to)}`, action: "alter" }),
  "table.create": (c) => ({ id: rel(c.table), action: "create" }),
  "table.drop": (c) => ({ id: rel(c.table), action: "drop" }),
  "table.rename": (c) => ({ id: `relation:${c.schema}.${c.to}`, action: "alter" }),
  "table.set-logged": (c) => ({ id: rel(c.table), action: "alter" }),
  "table.set-rls": (c) => ({ id: rel(c.table), action: "alter" }),
  "column.add": (c) => ({ id: `column:${q(c.table)}.${c.column.name}`, action: "create" }),
  "column.drop": (c) => ({ id: `column:${q(c.table)}.${c.column.name}`, action: "drop" }),
  "column.rename": (c) => ({ id: `column:${q(c.table)}.${c.to}`, action: "alter" }),
  "column.alter-type": (c) => ({ id: `column:${q(c.table)}.${c.to.name}`, action: "alter" }),
  "column.set-default": (c) => ({ id: `column:${q(c.table)}.${c.column}`, action: "alter" }),
  "column.set-not-null": (c) => ({ id: `column:${q(c.table)}.${c.column}`, action: "alter" }),
  "column.set-identity": (c) => ({ id: `column:${q(c.table)}.${c.column}`, action: "alter" }),
  "constraint.add": (c) => ({ id: `constraint:${q(c.table)}.${c.constraint.name}`, action: "create" }),
  "constraint.drop": (c) => ({ id: `constraint:${q(c.table)}.${c.constraint.name}`, action: "drop" }),
  "index.create": (c) => ({ id: `index:${c.owner.schema}.${c.index.name}`, action: "create" }),
  "index.drop": (c) => ({ id: `index:${c.owner.schema}.${c.index.name}`, action: "drop" }),
  // A replaced index is a new index: its comment must be set again.
  "index.replace": (c) => ({ id: `index:${c.owner.schema}.${c.to.name}`, action: "create" }),
  "partition.create": (c) => ({ id: `relation:${c.parent.schema}.${c.partition.name}`, action: "create" }),
  "partition.drop": (c) => ({ id: `relation:${c.parent.schema}.${c.partition.name}`, action: "drop" }),
  "partition.rebound": (c) => ({ id: `relation:${c.parent.schema}.${c.to.name}`, action: "alter" }),
  "partition.set-logged": (c) => ({ id: `relation:${c.parent.schema}.${c.partition.name}`, action: "alter" }),
  "policy.create": (c) => ({ id: `policy:${q(c.table)}.${c.policy.name}`, action: "create" }),
  "policy.drop": (c) => ({ id: `policy:${q(c.table)}.${c.policy.name}`, action: "drop" }),
  "policy.alter": (c) => ({ id: `policy:${q(c.table)}.${c.to.name}`, action: "alter" }),
  "trigger.create": (c) => ({ id: `trigger:${q(c.table)}.${c.trigger.name}`, action: "create" }),
  "trigger.drop": (c) => ({ id: `trigger:${q(c.table)}.${c.trigger.name}`, action: "drop" }),
  "trigger.replace": (c) => ({ id: `trigger:${q(c.table)}.${c.to.name}`, action: "alter" }),
  "view.create": (c) => ({ id: rel(c.view), action: "create" }),
  "view.drop": (c) => ({ id: rel(c.view), action: "drop" }),
  "view.replace": (c) => ({ id: rel(c.to), action: "alter" }),
  "grant.add": (c) => ({ id: `grant:${targetId(c.target)}:${c.grantee}`, action: "alter" }),
  "grant.revoke": (c) => ({ id: `grant:${targetId(c.target)}:${c.grantee}`, action: "alter" }),
  "default-privilege.grant": (c) => ({ id: defaultPrivilegeId(c.privilege), action: "alter" }),
  "default-privilege.revoke": (c) => ({ id: defaultPrivilegeId(c.privilege), action: "alter" }),
  "comment.set": (c) => ({ id: `comment:${targetId(c.target)}`, action: "alter" }),
} satisfies { [K in ChangeKind]: (change: ChangeOf<K>) => Subject };

const defaultPrivilegeId = (p: { forRole?: string; schema: string; objectType: string; grantee: string }) =>
  `default-privilege:${p.forRole ?? ""}:${p.schema}:${p.objectType}:${p.grantee}`;

export const subjectOf = (change: Change): Subject => (subjects[change.kind] as (c: Change) => Subject)(change);

/** Identities that a set of changes both drops and creates: objects rebuilt from scratch. */
export const recreatedIds = (changes: readonly Change[]): Set<string> => {
  const dropped = new Set<string>();
  const created = new Set<string>();
  for (const change of changes) {
    const { id, action } = subjectOf(change);
    if (action === "drop") dropped.add(id);
    if (action === "create") created.add(id);
    // A rebuilt enum or a replaced index is dropped and created in one change.
    if (change.kind === "enum.rebuild" || change.kind === "index.replace") dropped.add(id);
  }
  return new Set([...created].filter((id) => dropped.has(id)));
};
