import type { SqlClient } from "@platform/migrator/db";
import type { Catalog } from "@platform/schema";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";

/**
 * Runs the platform's create script. Roles are cluster-wide: two test files creating the platform in
 * two databases of one native server at the same moment can both find `app_role` missing, and one
 * `CREATE ROLE` then fails on the unique name (the script's `IF NOT EXISTS` check is not a lock). The
 * script is sent as one query string, which PostgreSQL runs as one implicit transaction, so nothing of it
 * stays behind and it is simply run again: the role exists by then.
 */
export const createPlatform = async (client: SqlClient, catalog: Catalog): Promise<void> => {
  const script = emitCreateScript(catalog);
  try {
    await client.exec(script);
  } catch (error) {
    if (!/already exists|duplicate key/.test((error as Error).message)) throw error;
    await client.exec("ROLLBACK").catch(() => undefined);
    await client.exec(script);
  }
};
