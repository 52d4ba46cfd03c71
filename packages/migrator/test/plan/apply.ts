import type { SqlClient } from "@platform/migrator/db";
import { splitStatements } from "../../src/files/index.js";
import { type PlannedMigration, renderMigrationSql } from "../../src/plan/index.js";

/**
 * Runs a planned migration the way the runner runs its file: a transactional one inside BEGIN/COMMIT,
 * a `transaction:false` one statement by statement (each commits on its own).
 */
export const applyMigration = async (client: SqlClient, migration: PlannedMigration): Promise<void> => {
  const sql = renderMigrationSql(migration);
  if (migration.transactional) {
    try {
      await client.exec(`BEGIN;\n${sql}\nCOMMIT;`);
    } catch (error) {
      await client.exec("ROLLBACK;").catch(() => {});
      throw error;
    }
    return;
  }
  // `text`, never `code`: `code` collapses whitespace (for pattern checks), also inside string literals
  for (const statement of splitStatements(sql)) await client.exec(statement.text);
};
