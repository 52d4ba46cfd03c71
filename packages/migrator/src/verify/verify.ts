import type { Catalog } from "@platform/schema";
import type { SqlClient } from "../db/client.js";
import { type Change, diff } from "../diff/index.js";
import { introspect } from "../introspect/index.js";
import { normalizeCatalog, sameExpression } from "../normalize/index.js";
import { planChanges } from "../plan/index.js";
import { confirmThroughServer } from "./deparse.js";
import { type Drift, type DriftCore, describeChange } from "./drift.js";
import { withRollingPartitions } from "./partitions.js";

export interface VerifyOptions {
  /**
   * How expressions PostgreSQL rewrites (view bodies, check and policy expressions, defaults, index
   * predicates) are compared when their texts differ: `server` (default) asks the live server to
   * deparse the declared text and compares PostgreSQL's output with PostgreSQL's output; `text` trusts
   * the textual normaliser alone (no temporary objects; for read-only replicas).
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
export const verify = async (client: SqlClient, declared: Catalog, options: VerifyOptions = {}): Promise<Drift[]> => [
  ...(await verifyDetailed(client, declared, options)).drift,
];

export const verifyDetailed = async (
  client: SqlClient,
  declared: Catalog,
  options: VerifyOptions = {},
): Promise<Verification> => {
  const raw = await introspect(client, { roles: declared.roles.map((r) => r.name) });
  const live = normalizeCatalog(raw);
  const expected = normalizeCatalog(withRollingPartitions(declared, raw));
  const textual = diff(live, expected, { sameExpression });
  const changes =
    options.expressions === "text" ? textual : await confirmThroughServer(client, live, expected, textual);
  return { drift: driftOf(live, expected, changes), live, expected };
};

/** Drift per change, each with the SQL that repairs it, sorted by path then code. */
export const driftOf = (live: Catalog, expected: Catalog, changes: readonly Change[]): Drift[] => {
  const fixes = repairSql(live, expected, changes);
  const drift = changes.map((change, i): Drift => {
    const core: DriftCore = describeChange(change);
    return { ...core, fix: fixes[i] ?? FALLBACK_FIX };
  });
  return drift.sort((a, b) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.message, b.message));
};

const FALLBACK_FIX =
  "declare the database's state and run `pnpm migrate generate`, or print the repair SQL with `pnpm migrate diff --from <database-url> --to declarations`";

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The planned statements per change (index-aligned); empty when the plan cannot be built. */
const repairSql = (live: Catalog, expected: Catalog, changes: readonly Change[]): (string | undefined)[] => {
  const out: (string | undefined)[] = changes.map(() => undefined);
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
