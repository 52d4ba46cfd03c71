import type { Change, ChangeKind, ChangeOf } from "../diff/index.js";
import { planCollationCreate, planCollationDrop } from "./collations.js";
import {
  planColumnAdd,
  planColumnAlterType,
  planColumnDrop,
  planColumnRename,
  planColumnSetDefault,
  planColumnSetIdentity,
  planColumnSetNotNull,
} from "./columns.js";
import { planCommentSet } from "./comments.js";
import { planConstraintAdd, planConstraintDrop } from "./constraints.js";
import { planDomainAlter, planDomainCreate, planDomainDrop } from "./domains.js";
import { planEnumAddValue, planEnumCreate, planEnumDrop, planEnumRebuild } from "./enums.js";
import { planExtensionCreate, planExtensionDrop, planExtensionSetSchema } from "./extensions.js";
import { planFunctionCreate, planFunctionDrop, planFunctionReplace } from "./functions.js";
import { planDefaultPrivilegeGrant, planDefaultPrivilegeRevoke, planGrantAdd, planGrantRevoke } from "./grants.js";
import { planIndexCreate, planIndexDrop, planIndexReplace } from "./indexes.js";
import { planPartitionCreate, planPartitionDrop, planPartitionRebound, planPartitionSetLogged } from "./partitions.js";
import { planPolicyAlter, planPolicyCreate, planPolicyDrop } from "./policies.js";
import { planRoleAlter, planRoleCreate, planRoleDrop } from "./roles.js";
import { planSchemaCreate, planSchemaDrop } from "./schemas.js";
import { planSequenceAlter, planSequenceCreate, planSequenceDrop } from "./sequences.js";
import type { PlanContext, Planner, StepDraft } from "./step.js";
import { planTableCreate, planTableDrop, planTableRename, planTableSetLogged, planTableSetRls } from "./tables.js";
import { planTriggerCreate, planTriggerDrop, planTriggerReplace } from "./triggers.js";
import { planViewCreate, planViewDrop, planViewReplace } from "./views.js";

/** Every change kind has exactly one planner: a kind without one does not compile. */
const planners = {
  "extension.create": planExtensionCreate,
  "extension.drop": planExtensionDrop,
  "extension.set-schema": planExtensionSetSchema,
  "schema.create": planSchemaCreate,
  "schema.drop": planSchemaDrop,
  "role.create": planRoleCreate,
  "role.drop": planRoleDrop,
  "role.alter": planRoleAlter,
  "collation.create": planCollationCreate,
  "collation.drop": planCollationDrop,
  "enum.create": planEnumCreate,
  "enum.drop": planEnumDrop,
  "enum.add-value": planEnumAddValue,
  "enum.rebuild": planEnumRebuild,
  "domain.create": planDomainCreate,
  "domain.drop": planDomainDrop,
  "domain.alter": planDomainAlter,
  "sequence.create": planSequenceCreate,
  "sequence.drop": planSequenceDrop,
  "sequence.alter": planSequenceAlter,
  "function.create": planFunctionCreate,
  "function.drop": planFunctionDrop,
  "function.replace": planFunctionReplace,
  "table.create": planTableCreate,
  "table.drop": planTableDrop,
  "table.rename": planTableRename,
  "table.set-logged": planTableSetLogged,
  "table.set-rls": planTableSetRls,
  "column.add": planColumnAdd,
  "column.drop": planColumnDrop,
  "column.rename": planColumnRename,
  "column.alter-type": planColumnAlterType,
  "column.set-default": planColumnSetDefault,
  "column.set-not-null": planColumnSetNotNull,
  "column.set-identity": planColumnSetIdentity,
  "constraint.add": planConstraintAdd,
  "constraint.drop": planConstraintDrop,
  "index.create": planIndexCreate,
  "index.drop": planIndexDrop,
  "index.replace": planIndexReplace,
  "partition.create": planPartitionCreate,
  "partition.drop": planPartitionDrop,
  "partition.rebound": planPartitionRebound,
  "partition.set-logged": planPartitionSetLogged,
  "policy.create": planPolicyCreate,
  "policy.drop": planPolicyDrop,
  "policy.alter": planPolicyAlter,
  "trigger.create": planTriggerCreate,
  "trigger.drop": planTriggerDrop,
  "trigger.replace": planTriggerReplace,
  "view.create": planViewCreate,
  "view.drop": planViewDrop,
  "view.replace": planViewReplace,
  "grant.add": planGrantAdd,
  "grant.revoke": planGrantRevoke,
  "default-privilege.grant": planDefaultPrivilegeGrant,
  "default-privilege.revoke": planDefaultPrivilegeRevoke,
  "comment.set": planCommentSet,
} satisfies { [K in ChangeKind]: Planner<K> };

export const draftsFor = (change: Change, ctx: PlanContext): StepDraft[] =>
  (planners[change.kind] as (c: ChangeOf<typeof change.kind>, ctx: PlanContext) => StepDraft[])(change, ctx);

/**
 * Order among steps that are ready at the same time, for readable output: global objects, types and
 * functions before tables, then what hangs off tables, then grants and comments.
 */
export const KIND_RANK: Readonly<Record<string, number>> = {
  role: 0,
  extension: 1,
  schema: 2,
  collation: 3,
  enum: 4,
  domain: 5,
  sequence: 6,
  function: 7,
  table: 8,
  partition: 9,
  column: 10,
  constraint: 11,
  index: 12,
  view: 13,
  policy: 14,
  trigger: 15,
  grant: 16,
  "default-privilege": 17,
  comment: 18,
};
