/**
 * One narrow interface over the two ways we reach PostgreSQL: the `pg` driver (any server, including
 * PGlite served over the wire) and in-process PGlite. Stages that touch a database take a `SqlClient`.
 */
export interface QueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

export interface SqlClient {
  /** One statement, with `$1`-style parameters (extended protocol). */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of any number of statements (simple protocol); no parameters. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Opens another connection to the same database with the same settings, for reads that can run
   * alongside this connection's (introspection splits its catalog queries over two). Absent where a
   * second connection is not possible (in-process PGlite). The caller closes what it opens.
   */
  fork?(): Promise<SqlClient>;
  /** A short description for messages: `postgres://user@host:5432/db` without the password, or `pglite:.data/pglite`. */
  readonly label: string;
}
