/**
 * Shared pieces of the introspection tests: a SqlClient that counts the statements it runs, and helpers
 * to compare a declared Catalog with one read back. Databases come from test/support's providers.
 */
import type { QueryResult, SqlClient } from "@platform/migrator/db";
import type { Catalog } from "@platform/schema";
import { comparableCatalog } from "../../src/normalize/index.js";

export { createTestDatabase, describeOnProviders, type TestDatabase } from "../../../../test/support/index.js";

/** Wraps a client and counts every statement sent through it (query and exec alike). */
export const countingClient = (inner: SqlClient): SqlClient & { readonly count: () => number } => {
  let statements = 0;
  return {
    label: inner.label,
    count: () => statements,
    query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      statements += 1;
      return inner.query<R>(text, params);
    },
    exec(script: string): Promise<void> {
      statements += 1;
      return inner.exec(script);
    },
    close: () => inner.close(),
  };
};

/** Both sides in comparable form (normal form, expressions as comparison keys). */
export const comparable = (catalog: Catalog): Catalog => comparableCatalog(catalog);

/** Major version for messages and branches: 160004 → 16. */
export const major = (serverVersion: number): number => Math.floor(serverVersion / 10000);
