import type { PGlite, PGliteInterface } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { ColumnCodecsPlugin } from "./codecs-plugin.js";
import { type ColumnCodecs, columnCodecs, type DB } from "./db.js";
import { createPool } from "./pg-pool.js";
import { PgliteDialect } from "./pglite-dialect.js";

/** Where the database is: a connection string (any PostgreSQL, PGlite served over the wire) or an in-process PGlite. */
export type Connection =
  | { readonly url: string; readonly maxConnections?: number }
  | { readonly pglite: PGlite | PGliteInterface };

/**
 * A typed Kysely instance for the platform database. Vectors read and write as `number[]` (pgvector
 * registered on every connection), json/jsonb take any JSON value, bigint and numeric read as exact
 * strings, timestamps as Dates, the same on `pg` and on PGlite. `db.destroy()` ends the pool; a
 * PGlite instance stays open (its owner closes it).
 *
 * @example
 * const db = createDb({ url: process.env.DATABASE_URL! });
 * const admins = await db.selectFrom("auth.users").select(["id", "email"]).execute();
 */
export const createDb = (connection: Connection): Kysely<DB> => createTypedDb<DB>(connection, columnCodecs);

/** `createDb` for another generated `DB` (tests, other databases): the types and the codecs of the same generation. */
export const createTypedDb = <T>(connection: Connection, codecs: ColumnCodecs): Kysely<T> => {
  const dialect =
    "url" in connection
      ? new PostgresDialect({
          pool: createPool(connection.url, connection.maxConnections ? { max: connection.maxConnections } : {}),
        })
      : new PgliteDialect(connection.pglite);
  return new Kysely<T>({ dialect, plugins: [new ColumnCodecsPlugin(codecs)] });
};
