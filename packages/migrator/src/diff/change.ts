import type { CollationChange } from "./collations.js";
import type { ColumnChange } from "./columns.js";
import type { CommentChange } from "./comments.js";
import type { ConstraintChange } from "./constraints.js";
import type { DomainChange } from "./domains.js";
import type { EnumChange } from "./enums.js";
import type { ExtensionChange } from "./extensions.js";
import type { FunctionChange } from "./functions.js";
import type { GrantChange } from "./grants.js";
import type { IndexChange } from "./indexes.js";
import type { PartitionChange } from "./partitions.js";
import type { PolicyChange } from "./policies.js";
import type { RoleChange } from "./roles.js";
import type { SchemaChange } from "./schemas.js";
import type { SequenceChange } from "./sequences.js";
import type { TableChange } from "./tables.js";
import type { TriggerChange } from "./triggers.js";
import type { ViewChange } from "./views.js";

/** One typed difference between two Catalogs. `kind` is `<object kind>.<operation>`. */
export type Change =
  | ExtensionChange
  | SchemaChange
  | RoleChange
  | CollationChange
  | EnumChange
  | DomainChange
  | SequenceChange
  | FunctionChange
  | TableChange
  | ColumnChange
  | ConstraintChange
  | IndexChange
  | PartitionChange
  | PolicyChange
  | TriggerChange
  | ViewChange
  | GrantChange
  | CommentChange;

export type ChangeKind = Change["kind"];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;
