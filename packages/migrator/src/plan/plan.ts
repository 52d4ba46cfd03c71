import type { Catalog } from "@platform/schema";
import { type Change, type DiffOptions, diff, subjectOf } from "../diff/index.js";
import { DestructiveChangesError, destructiveSteps } from "./destructive.js";
import { type GraphNode, orderNodes } from "./graph.js";
import { catalogHash } from "./hash.js";
import { ANY_EXTENSION } from "./ids.js";
import { draftsFor, KIND_RANK } from "./planners.js";
import { referencesOf } from "./references.js";
import { DEFAULT_TIMEOUTS, type PlanContext, type Step, type StepDraft } from "./step.js";

export interface PlanOptions extends DiffOptions {
  /** without it, a plan with a data-loss step throws `DestructiveChangesError` */
  readonly allowDestructive?: boolean;
  /** default true: lock-safe forms on tables that exist (see `PlanContext.lockSafe`) */
  readonly lockSafe?: boolean;
}

/** An ordered list of steps from one Catalog to another. */
export interface Plan {
  /** `catalogHash` of the state the plan starts from: apply it to nothing else */
  readonly fromHash: string;
  /** `catalogHash` of the state it leads to */
  readonly toHash: string;
  readonly changes: readonly Change[];
  /** in execution order */
  readonly steps: readonly Step[];
}

/**
 * Diff two Catalogs and order the changes into lock-safe steps.
 *
 * @example
 *   const p = plan(snapshot, declared, { allowDestructive: false });
 *   for (const step of p.steps) console.log(step.description, step.hazards);
 */
export const plan = (from: Catalog, to: Catalog, options: PlanOptions = {}): Plan =>
  planChanges(from, to, diff(from, to, options), options);

/** Order given changes (from `diff(from, to)`, or a subset of them) into steps. */
export const planChanges = (
  from: Catalog,
  to: Catalog,
  changes: readonly Change[],
  options: PlanOptions = {},
): Plan => {
  const ctx = contextFor(from, to, options.lockSafe ?? true);
  const nodes = changes.flatMap((change, i) => nodesFor(change, i, ctx));
  const steps = orderNodes(nodes).map(({ step }) => step);
  if (!options.allowDestructive) {
    const refused = destructiveSteps(steps);
    if (refused.length > 0) throw new DestructiveChangesError(refused);
  }
  return { fromHash: catalogHash(from), toHash: catalogHash(to), changes, steps };
};

const contextFor = (from: Catalog, to: Catalog, lockSafe: boolean): PlanContext => ({
  from,
  to,
  refsFrom: referencesOf(from),
  refsTo: referencesOf(to),
  tables: new Map([...from.tables, ...to.tables].map((t) => [`${t.schema}.${t.name}`, t])),
  partitioned: new Set(to.tables.filter((t) => t.partitionBy).map((t) => `${t.schema}.${t.name}`)),
  lockSafe,
});

/** Kinds that extensions may live in or be owned by: everything else waits for extensions to exist. */
const BEFORE_EXTENSIONS = new Set(["extension", "schema", "role"]);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const nodesFor = (change: Change, index: number, ctx: PlanContext): Array<GraphNode & { step: Step }> => {
  const subject = subjectOf(change);
  const kind = change.kind.split(".")[0] as string;
  const drafts = draftsFor(change, ctx);
  const idOf = (draft: StepDraft, i: number) => `${subject.id}#${change.kind}#${pad(index, 6)}#${draft.key ?? i}`;
  return drafts
    .filter((d) => d.statements.length > 0)
    .map((draft, i) => {
      const transactional = draft.transactional ?? true;
      const creates = draft.creates ?? [];
      const drops = draft.drops ?? [];
      const extensionOrder = BEFORE_EXTENSIONS.has(kind) ? [] : [ANY_EXTENSION];
      const phase = drops.length > 0 && creates.length === 0 ? 0 : 1;
      const step: Step = {
        id: idOf(draft, i),
        change: index,
        path: subject.id.replace(/^[a-z-]+:/, ""),
        description: draft.description,
        statements: draft.statements,
        transactional,
        hazards: draft.hazards ?? [],
        timeouts: draft.timeouts ?? DEFAULT_TIMEOUTS,
      };
      return {
        step,
        id: step.id,
        // Transactional steps first, so lock-free builds gather at the end in as few migrations as possible.
        order: [
          transactional === false ? 1 : 0,
          phase,
          pad(KIND_RANK[kind] ?? 99, 2),
          subject.id,
          pad(index, 6),
          pad(i, 2),
        ].join("|"),
        creates,
        drops,
        needs: [...(draft.needs ?? []), ...extensionOrder],
        releases: [...(draft.releases ?? []), ...extensionOrder],
        after: (draft.after ?? []).map((key) =>
          idOf(
            { ...draft, key },
            drafts.findIndex((d) => d.key === key),
          ),
        ),
      };
    });
};
