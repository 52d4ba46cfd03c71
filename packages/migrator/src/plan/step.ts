import type { Catalog, Table } from "@platform/schema";
import type { Change, ChangeKind, ChangeOf } from "../diff/index.js";
import type { References } from "./references.js";

/** What can go wrong when a step runs against a database that has data and traffic. */
export type HazardType =
  /** rows or objects holding data are deleted */
  | "data-loss"
  /** the table (and its indexes) is rewritten under an ACCESS EXCLUSIVE lock */
  | "table-rewrite"
  /** reads and writes of the table wait while the statement runs */
  | "access-exclusive-lock"
  /** an index is built: time and I/O proportional to the table */
  | "index-build"
  /** queries relying on the index slow down once it is gone */
  | "index-dropped"
  /** existing rows are read to check a constraint (without blocking writes) */
  | "validation-scan"
  /** existing rows may violate the new definition and make the step fail */
  | "may-fail-on-existing-data"
  /** what the step depends on cannot be read from the definition (plpgsql bodies) */
  | "untracked-dependencies";

export interface Hazard {
  readonly type: HazardType;
  /** the object, as `schema.table.column` */
  readonly path: string;
  readonly message: string;
}

/**
 * Whether a step may run in a transaction: `true` (it must, with its neighbours), `false` (it cannot:
 * `CREATE INDEX CONCURRENTLY` and friends), `"any"` (comments, grants: they join whichever group
 * they follow, so an index built concurrently keeps its comment in the same migration), or
 * `"commit-after"`: it runs in a transaction that must COMMIT before any later step runs, because what
 * it makes cannot be used inside the transaction that made it (`ALTER TYPE ... ADD VALUE`: "unsafe use
 * of new value"). Such steps end their migration; the next step starts a new one. Runs of them share a
 * migration (one ADD VALUE may anchor on a value an earlier one added), as may the transactional steps
 * before them, which cannot be using what they make.
 */
export type Transactional = boolean | "any" | "commit-after";

export interface Timeouts {
  /** how long the step waits for a lock before giving up */
  readonly lockMs: number;
  /** how long the step may run */
  readonly statementMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { lockMs: 3_000, statementMs: 30_000 };
/** index builds, validations and rewrites read the whole table; they hold weak locks or none */
export const LONG_TIMEOUTS: Timeouts = { lockMs: 3_000, statementMs: 20 * 60_000 };

/** One planned unit: statements that run together, with what they need and what they risk. */
export interface Step {
  /** unique within the plan */
  readonly id: string;
  /** index into `Plan.changes` of the change this step implements */
  readonly change: number;
  /** the object, as people read it: `auth.users.email` */
  readonly path: string;
  readonly description: string;
  readonly statements: readonly string[];
  readonly transactional: Transactional;
  readonly hazards: readonly Hazard[];
  readonly timeouts: Timeouts;
}

/**
 * What a planner returns for one change. Dependency ids are object identities (`relation:auth.users`,
 * `type:auth.user_status`, `function:public.f(text)`): the plan orders a step after every step that
 * `creates` something it `needs`, and a step that `drops` something after every step that `releases`
 * it (stops referring to it). `after` names sibling drafts by `key` for sequences within one change.
 */
export interface StepDraft {
  readonly key?: string;
  readonly description: string;
  readonly statements: readonly string[];
  readonly transactional?: Transactional;
  readonly hazards?: readonly Hazard[];
  readonly timeouts?: Timeouts;
  readonly creates?: readonly string[];
  readonly drops?: readonly string[];
  readonly needs?: readonly string[];
  readonly releases?: readonly string[];
  readonly after?: readonly string[];
}

export interface PlanContext {
  readonly from: Catalog;
  readonly to: Catalog;
  readonly refsFrom: References;
  readonly refsTo: References;
  /** tables of both catalogs by `schema.name` (the target's when both have one) */
  readonly tables: ReadonlyMap<string, Table>;
  /** `schema.name` of tables partitioned in the target catalog (no CONCURRENTLY, no NOT VALID there) */
  readonly partitioned: ReadonlySet<string>;
  /**
   * false plans without lock-safety (plain CREATE INDEX, constraints validated at once): for `down`
   * sections, which run inside one transaction, and for empty databases.
   */
  readonly lockSafe: boolean;
}

export type Planner<K extends ChangeKind> = (change: ChangeOf<K>, ctx: PlanContext) => StepDraft[];
export type AnyPlanner = (change: Change, ctx: PlanContext) => StepDraft[];
