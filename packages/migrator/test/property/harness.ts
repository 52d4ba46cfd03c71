/**
 * Shared pieces of the diff engine's property tests: run settings (fixed seed unless FC_SEED, runs from
 * FC_RUNS), case isolation on one database per provider (every schema the arbitraries may use is
 * dropped before and after each case), and the comparison of a database with the Catalog it should hold.
 */
import { isDeepStrictEqual } from "node:util";
import type { SqlClient } from "@platform/migrator/db";
import { type Catalog, validateCatalog } from "@platform/schema";
import type fc from "fast-check";
import type { BuildOptions } from "../../../../fixtures/arbitraries/build.js";
import { SCHEMA_POOL } from "../../../../fixtures/arbitraries/spec.js";
import { type Change, diff } from "../../src/diff/index.js";
import { introspect } from "../../src/introspect/index.js";
import { comparableCatalog, sameExpression } from "../../src/normalize/index.js";
import { quoteIdent } from "../../src/sql/quote.js";
import { confirmThroughServer } from "../../src/verify/index.js";

/** Deterministic by default (CI); `FC_SEED=<int>` replays a printed failure, `FC_RUNS=<n>` changes the count. */
export const runSettings = (name: string, defaultRuns: number): fc.Parameters<unknown> => {
  const seed = process.env.FC_SEED === undefined ? 20261123 : Number(process.env.FC_SEED);
  const numRuns = process.env.FC_RUNS === undefined ? defaultRuns : Number(process.env.FC_RUNS);
  console.log(`[property] ${name}: seed ${seed}, ${numRuns} runs (override with FC_SEED / FC_RUNS)`);
  return { seed, numRuns, endOnFailure: false, interruptAfterTimeLimit: undefined };
};

/**
 * How the arbitraries are narrowed on a server: the features it lacks.
 */
export const buildOptionsFor = (serverVersion: number, policyRole: string): BuildOptions => ({
  policyRole,
  nullsNotDistinct: serverVersion >= 150000,
});

/** Errors in the Catalog itself: the arbitraries promise valid Catalogs, so this is a bug of the arbitrary. */
export const assertValid = (catalog: Catalog): void => {
  const errors = validateCatalog(catalog).filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new Error(
      `the arbitrary built an invalid Catalog:\n${errors.map((f) => `${f.path}: ${f.message}`).join("\n")}`,
    );
  }
};

/** Removes everything a case may have created (roles aside: they are cluster-wide and shared). */
export const dropCaseSchemas = (client: SqlClient): Promise<void> =>
  client.exec(SCHEMA_POOL.map((s) => `DROP SCHEMA IF EXISTS ${quoteIdent(s)} CASCADE;`).join("\n"));

export const readBack = (client: SqlClient, expected: Catalog): Promise<Catalog> =>
  introspect(client, { schemas: [...SCHEMA_POOL], roles: expected.roles.map((r) => r.name) });

export interface Mismatch {
  readonly changes: readonly Change[];
  readonly read: Catalog;
  readonly expected: Catalog;
}

/**
 * What differs between the database and `expected`, the way verify decides it: the diff with the
 * normaliser's expression comparison, then view bodies that differ only in PostgreSQL's wording settled
 * by the server itself (`confirmThroughServer`). Also checks the whole normal forms are deep-equal, so a
 * field the diff forgets to compare still fails the property. Undefined when they agree.
 */
export const mismatch = async (
  client: SqlClient,
  expected: Catalog,
  options: { readonly ignoreColumnOrder?: boolean } = {},
): Promise<Mismatch | undefined> => {
  const raw = await readBack(client, expected);
  const read = options.ignoreColumnOrder ? inDeclaredColumnOrder(raw, expected) : raw;
  const textual = diff(read, expected, { sameExpression });
  const confirmed = await confirmThroughServer(client, read, expected, textual);
  const sameForm = isDeepStrictEqual(comparableCatalog(read), comparableCatalog(confirmed.expected));
  if (confirmed.changes.length === 0 && sameForm) return undefined;
  return { changes: confirmed.changes, read, expected: confirmed.expected };
};

/**
 * `read` with each table's columns in `expected`'s order (columns `expected` lacks stay last, in their
 * order). For migrated databases: ADD COLUMN can only append and PostgreSQL cannot reorder columns, so
 * a migration reaches B's columns but not necessarily B's order (diff ignores the order for that reason).
 */
const inDeclaredColumnOrder = (read: Catalog, expected: Catalog): Catalog => {
  const orders = new Map(expected.tables.map((t) => [`${t.schema}\u0000${t.name}`, t.columns.map((c) => c.name)]));
  return {
    ...read,
    tables: read.tables.map((t) => {
      const order = orders.get(`${t.schema}\u0000${t.name}`);
      if (!order) return t;
      const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
      return { ...t, columns: [...t.columns].sort((x, y) => rank(x.name) - rank(y.name)) };
    }),
  };
};

/** A failure report: the SQL that ran and, when the diff is silent, the first differing part of the normal forms. */
export const describeMismatch = (m: Mismatch, sql: string): string => {
  const read = comparableCatalog(m.read);
  const expected = comparableCatalog(m.expected);
  const parts = (Object.keys(read) as (keyof Catalog)[]).filter((k) => !isDeepStrictEqual(read[k], expected[k]));
  return [
    `changes: ${JSON.stringify(m.changes, null, 1)}`,
    ...parts.map(
      (k) =>
        `normal form differs in ${k}:\n  database: ${JSON.stringify(read[k])}\n  expected: ${JSON.stringify(expected[k])}`,
    ),
    `SQL:\n${sql}`,
  ].join("\n");
};
