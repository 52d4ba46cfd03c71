import type { Catalog } from "@platform/schema";
import type { SqlClient } from "../db/client.js";
import { type Change, diff } from "../diff/index.js";
import { introspect } from "../introspect/index.js";
import { normalizeCatalog, sameExpression } from "../normalize/index.js";
import { confirmThroughServer } from "./deparse.js";
import { type Drift, type DriftCore, describeChange } from "./drift.js";
import { objectStates } from "./object-states.js";
import { withRollingPartitions } from "./partitions.js";
import { withoutRebuildEchoes } from "./recreated.js";

export interface VerifyOptions {
  /**
   * How view bodies whose texts differ are compared: `server` (default) has the live server deparse the
   * declared text (a temporary view, rolled back) and compares PostgreSQL's output with PostgreSQL's
   * output; `text` trusts the textual normaliser alone (no temporary objects; for read-only replicas).
   * Defaults, checks, policies and index predicates are always compared by the normaliser's keys.
   */
  readonly expressions?: "server" | "text";
}

/** The live Catalog and what it was compared with, for callers that print more than the drift. */
export interface Verification {
  readonly drift: readonly Drift[];
  readonly live: Catalog;
  readonly expected: Catalog;
}

/**
 * Compares a live database with its declarations: introspects it, diffs it against `declared`
 * (rolling partitions that follow a table's template are expected), and reports every difference
 * as a `Drift` naming the object path. Nothing is changed in the database (expression checks run in
 * a transaction that is rolled back).
 *
 * @example
 *   const drift = await verify(client, platformCatalog({ vector: false }));
 *   // [{ code: "index_missing", path: "auth.users.users_email_idx", kind: "missing", ... }]
 */
export const verify = async (
  client: SqlClient,
  declared: Catalog | Promise<Catalog>,
  options: VerifyOptions = {},
): Promise<Drift[]> => [...(await verifyDetailed(client, declared, options)).drift];

/**
 * `verify` with the live and expected Catalogs. `declared` may still be loading (a promise): the
 * database is read meanwhile, so the server's work and the validation of a large declarations file
 * overlap; its roles are needed only at the end of the read.
 */
export const verifyDetailed = async (
  client: SqlClient,
  declaredCatalog: Catalog | Promise<Catalog>,
  options: VerifyOptions = {},
): Promise<Verification> => {
  const loading = Promise.resolve(declaredCatalog);
  const roles = loading.then((d) => d.roles.map((r) => r.name));
  // a failed load is reported where `declared` is awaited (introspect's end, or below), never as unhandled
  roles.catch(() => undefined);
  const raw = await introspect(client, { roles });
  const declared = await loading;
  const live = normalizeCatalog(raw);
  const expected = normalizeCatalog(withRollingPartitions(declared, raw));
  const textual = diff(live, expected, { sameExpression });
  const confirmed =
    options.expressions === "text"
      ? { expected, changes: textual }
      : await confirmThroughServer(client, live, expected, textual);
  const changes = withoutRebuildEchoes(live, confirmed.expected, confirmed.changes);
  const states = await objectStates(client, declared);
  return {
    drift: sortDrift([...(await driftOf(live, confirmed.expected, changes)), ...states]),
    live,
    expected: confirmed.expected,
  };
};

/**
 * Drift per change, each with the SQL that repairs it. An object dropped and created again (a foreign
 * key with another ON DELETE, an index with other storage parameters) is one `changed` drift.
 */
export const driftOf = async (live: Catalog, expected: Catalog, changes: readonly Change[]): Promise<Drift[]> => {
  // a clean database has nothing to describe or repair
  if (changes.length === 0) return [];
  const fixes = await repairSql(live, expected, changes);
  const indexRelation = new Map<string, string>();
  for (const relation of [...live.tables, ...live.views, ...expected.tables, ...expected.views]) {
    for (const index of relation.indexes ?? []) indexRelation.set(`${relation.schema}.${index.name}`, relation.name);
  }
  const drift = changes.map((change, i): Drift => {
    const core: DriftCore = describeChange(change, { indexRelation });
    return { ...core, fix: fixes[i] ?? FALLBACK_FIX };
  });
  return sortDrift(foldIntoObjects(mergeRecreated(drift)));
};

const sortDrift = (drift: readonly Drift[]): Drift[] =>
  [...drift].sort((a, b) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.message, b.message));

/**
 * A comment or grant of an object that is itself missing or extra is part of that drift (its fix
 * creates the object with them), not a drift of its own.
 */
const foldIntoObjects = (drift: readonly Drift[]): Drift[] => {
  const owners = new Map<string, Drift>();
  for (const d of drift) {
    if (d.kind !== "changed" && d.object !== "comment" && d.object !== "grant" && !owners.has(d.path)) {
      owners.set(d.path, d);
    }
  }
  const extraFix = new Map<Drift, string[]>();
  const kept = drift.filter((d) => {
    const owner = d.object === "comment" || d.object === "grant" ? owners.get(d.path) : undefined;
    if (owner === undefined) return true;
    extraFix.set(owner, [...(extraFix.get(owner) ?? []), d.fix]);
    return false;
  });
  return kept.map((d) => {
    const more = extraFix.get(d);
    return more === undefined ? d : { ...d, fix: [d.fix, ...more].join("\n") };
  });
};

const mergeRecreated = (drift: readonly Drift[]): Drift[] => {
  const groups = new Map<string, Drift[]>();
  for (const d of drift) {
    const k = `${d.object}\u0000${d.path}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  return [...groups.values()].flatMap((group) => {
    const missing = group.filter((d) => d.kind === "missing" && d.object !== "grant");
    const extra = group.filter((d) => d.kind === "unexpected" && d.object !== "grant");
    const [created] = missing;
    const [dropped] = extra;
    if (missing.length !== 1 || extra.length !== 1 || created === undefined || dropped === undefined) return group;
    const merged: Drift = {
      code: `${created.object.replaceAll(" ", "_")}_changed`,
      kind: "changed",
      object: created.object,
      path: created.path,
      message: `${created.object} definition differs`,
      expected: created.expected,
      actual: dropped.actual,
      fix: `${dropped.fix}\n${created.fix}`,
    };
    return [merged, ...group.filter((d) => d !== created && d !== dropped)];
  });
};

const FALLBACK_FIX =
  "declare the database's state and run `pnpm migrate generate`, or print the repair SQL with `pnpm migrate diff --from <database-url> --to declarations`";

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The planned statements per change (index-aligned); empty when the plan cannot be built. The planner is
 * loaded only here: a clean database (the common case) never needs it.
 */
const repairSql = async (
  live: Catalog,
  expected: Catalog,
  changes: readonly Change[],
): Promise<(string | undefined)[]> => {
  const out: (string | undefined)[] = changes.map(() => undefined);
  const { planChanges } = await import("../plan/index.js");
  try {
    const planned = planChanges(live, expected, changes, { allowDestructive: true, lockSafe: false });
    for (const step of planned.steps) {
      const sql = step.statements.join("\n").trim();
      if (sql === "") continue;
      const previous = out[step.change];
      out[step.change] = previous === undefined ? sql : `${previous}\n${sql}`;
    }
  } catch {
    // A plan that cannot be ordered (a cycle) still leaves every drift reported, with the generic fix.
  }
  return out;
};
