import type { Catalog, Table } from "@platform/schema";
import { type Change, type DiffOptions, diff, subjectOf } from "../diff/index.js";
import { DestructiveChangesError, destructiveSteps } from "./destructive.js";
import { type GraphNode, orderNodes } from "./graph.js";
import { catalogHash } from "./hash.js";
import { ANY_EXTENSION } from "./ids.js";
import { draftsFor, KIND_RANK } from "./planners.js";
import { type References, referencesOf } from "./references.js";
import { DEFAULT_TIMEOUTS, type Hazard, type PlanContext, type Step } from "./step.js";

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
  const steps = orderChanges(from, to, changes, options);
  return { fromHash: catalogHash(from), toHash: catalogHash(to), changes, steps };
};

/** `planChanges` without the hashes: the steps alone (down sections need no catalog identity). */
export const orderChanges = (
  from: Catalog,
  to: Catalog,
  changes: readonly Change[],
  options: PlanOptions = {},
): Step[] => {
  const ctx = contextFor(from, to, options.lockSafe ?? true);
  const nodes: PlanNode[] = [];
  for (let i = 0; i < changes.length; i++) nodesFor(changes[i] as Change, i, ctx, nodes);
  rankNodes(nodes);
  const steps = orderNodes(nodes).map(({ step }) => step);
  if (!options.allowDestructive) {
    const refused = destructiveSteps(steps);
    if (refused.length > 0) throw new DestructiveChangesError(refused);
  }
  return steps;
};

const contextFor = (from: Catalog, to: Catalog, lockSafe: boolean): PlanContext => {
  const pair = pairContext(from, to);
  return { from, to, ...pair, lockSafe };
};

type PairContext = Pick<PlanContext, "refsFrom" | "refsTo" | "tables" | "partitioned">;

/**
 * What planning derives from a pair of catalogs, once per pair: generate plans the same pair for the
 * forward plan and again (reversed) for each file's down section. Catalogs are immutable values.
 */
const pairContext = (from: Catalog, to: Catalog): PairContext => {
  const known = pairs.get(from)?.get(to);
  if (known !== undefined) return known;
  const tables = new Map<string, Table>();
  for (const t of from.tables) tables.set(`${t.schema}.${t.name}`, t);
  for (const t of to.tables) tables.set(`${t.schema}.${t.name}`, t);
  const pair: PairContext = {
    refsFrom: referencesFor(from),
    refsTo: referencesFor(to),
    tables,
    partitioned: new Set(to.tables.filter((t) => t.partitionBy).map((t) => `${t.schema}.${t.name}`)),
  };
  const byTo = pairs.get(from) ?? new WeakMap<Catalog, PairContext>();
  byTo.set(to, pair);
  pairs.set(from, byTo);
  return pair;
};

const pairs = new WeakMap<Catalog, WeakMap<Catalog, PairContext>>();

const referencesFor = (catalog: Catalog): References => {
  const known = references.get(catalog);
  if (known !== undefined) return known;
  const refs = referencesOf(catalog);
  references.set(catalog, refs);
  return refs;
};

const references = new WeakMap<Catalog, References>();

/** Kinds that extensions may live in or be owned by: everything else waits for extensions to exist. */
const BEFORE_EXTENSIONS = new Set(["extension", "schema", "role"]);
const EXTENSION_ORDER: readonly string[] = [ANY_EXTENSION];
const NONE: readonly string[] = [];
const NO_HAZARDS: readonly Hazard[] = [];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A graph node with what its tie-breaking rank is made of (see `rankNodes`). */
interface PlanNode extends GraphNode {
  order: number;
  readonly step: Step;
  /** transactional first (0), then lock-free builds (1) */
  readonly lockFree: number;
  /** pure drops (0) before everything else (1) */
  readonly phase: number;
  readonly kindRank: number;
  readonly subject: string;
}

const withExtensions = (ids: readonly string[] | undefined, extensionOrder: readonly string[]): readonly string[] =>
  ids === undefined || ids.length === 0
    ? extensionOrder
    : extensionOrder.length === 0
      ? ids
      : [...ids, ...extensionOrder];

const nodesFor = (change: Change, index: number, ctx: PlanContext, out: PlanNode[]): void => {
  const subject = subjectOf(change);
  const dot = change.kind.indexOf(".");
  const kind = dot < 0 ? change.kind : change.kind.slice(0, dot);
  const drafts = draftsFor(change, ctx);
  const prefix = `${subject.id}#${change.kind}#${pad(index, 6)}#`;
  const stepPath = subject.id.replace(/^[a-z-]+:/, "");
  const extensionOrder = BEFORE_EXTENSIONS.has(kind) ? NONE : EXTENSION_ORDER;
  const kindRank = KIND_RANK[kind] ?? 99;
  let i = 0;
  for (const draft of drafts) {
    if (draft.statements.length === 0) continue;
    const transactional = draft.transactional ?? true;
    const creates = draft.creates ?? NONE;
    const drops = draft.drops ?? NONE;
    const step: Step = {
      id: `${prefix}${draft.key ?? i}`,
      change: index,
      path: stepPath,
      description: draft.description,
      statements: draft.statements,
      transactional,
      hazards: draft.hazards ?? NO_HAZARDS,
      timeouts: draft.timeouts ?? DEFAULT_TIMEOUTS,
    };
    out.push({
      step,
      id: step.id,
      order: 0,
      // Transactional steps first, so lock-free builds gather at the end in as few migrations as possible.
      lockFree: transactional === false ? 1 : 0,
      phase: drops.length > 0 && creates.length === 0 ? 0 : 1,
      kindRank,
      subject: subject.id,
      creates,
      drops,
      needs: withExtensions(draft.needs, extensionOrder),
      releases: withExtensions(draft.releases, extensionOrder),
      after: draft.after === undefined || draft.after.length === 0 ? NONE : draft.after.map((key) => `${prefix}${key}`),
    });
    i++;
  }
};

/**
 * Each node's tie-breaking rank: lock-free builds last, pure drops first, then by kind, subject
 * identity, change and step, folded into one number so the graph's heap compares numbers, not
 * strings.
 */
const rankNodes = (nodes: PlanNode[]): void => {
  const subjectRank = new Map<string, number>();
  for (const node of nodes) subjectRank.set(node.subject, 0);
  const subjects = [...subjectRank.keys()].sort(bySubject);
  for (let r = 0; r < subjects.length; r++) subjectRank.set(subjects[r] as string, r);
  const perSubject = nodes.length;
  const perKind = subjects.length * perSubject;
  for (let position = 0; position < nodes.length; position++) {
    const node = nodes[position] as PlanNode;
    const group = (node.lockFree * 2 + node.phase) * 100 + node.kindRank;
    node.order = group * perKind + (subjectRank.get(node.subject) as number) * perSubject + position;
  }
};

const BAR = "|".charCodeAt(0);

/**
 * Subjects in the order of `id|` (what the plan's text sort keys `kind|id|change` gave, kept so plans
 * stay byte-identical): plain string order, except that an id sorts against a longer id it is a
 * prefix of by comparing `|` with the longer id's next character.
 */
const bySubject = (a: string, b: string): number => {
  if (a.length < b.length && b.startsWith(a)) return BAR - b.charCodeAt(a.length) || -1;
  if (b.length < a.length && a.startsWith(b)) return a.charCodeAt(b.length) - BAR || 1;
  return a < b ? -1 : a > b ? 1 : 0;
};
