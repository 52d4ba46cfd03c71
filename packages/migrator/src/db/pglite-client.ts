import type { PGlite } from "@electric-sql/pglite";
import type { QueryResult, SqlClient } from "./client.js";

/** Wraps an in-process PGlite instance. `close()` closes the instance. */
export const fromPglite = (db: PGlite, label: string): SqlClient => ({
  label,
  async query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    const result = await db.query<R>(text, params as unknown[] | undefined);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  },
  async exec(script: string): Promise<void> {
    await db.exec(script);
  },
  async close(): Promise<void> {
    await db.close();
  },
});
