import type { SqlClient } from "@platform/migrator/db";

/**
 * A source of fresh, empty PostgreSQL databases for tests. Every provider gives the same shape, so a
 * test written once runs on each provider that has what it needs.
 */
export interface TestDatabase {
  /** which provider made it: `url`, `testcontainers`, `native-16`, `pglite`, `pglite-socket` */
  readonly provider: string;
  /** connection string a `pg` client (or a child process) can use; absent only for in-process PGlite */
  readonly url?: string;
  /** a connected client to this database, closed by `drop()` */
  readonly client: SqlClient;
  /** `server_version_num`, e.g. 160004 */
  readonly serverVersion: number;
  /** extensions this server can install (`pg_available_extensions`) */
  readonly availableExtensions: ReadonlySet<string>;
  /** closes clients and drops the database (or discards the instance) */
  drop(): Promise<void>;
}

export interface DatabaseProvider {
  readonly name: string;
  /** a reason when this provider cannot run here (printed, never silent); undefined when available */
  unavailableReason(): Promise<string | undefined>;
  createDatabase(): Promise<TestDatabase>;
}
