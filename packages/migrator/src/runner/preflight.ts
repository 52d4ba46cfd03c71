import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import type { MigrationFile } from "../files/index.js";
import { splitStatements } from "../files/index.js";
import { HISTORY_SCHEMA } from "./history.js";

const CREATE_EXTENSION = /^create extension (?:if not exists )?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$-]*)/i;

export interface RequiredExtension {
  readonly name: string;
  readonly file: MigrationFile;
  readonly line: number;
}

/** Every CREATE EXTENSION in the up sections of `files`, with where it is. */
export const requiredExtensions = (files: readonly MigrationFile[]): readonly RequiredExtension[] =>
  files.flatMap((file) =>
    splitStatements(file.up.sql).flatMap((statement) => {
      const match = CREATE_EXTENSION.exec(statement.code);
      const token = match?.[1];
      if (token === undefined) return [];
      const name = token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
      return [{ name, file, line: file.up.line + statement.line }];
    }),
  );

/**
 * Checks, before anything runs, what would otherwise fail halfway through a run: extensions the server does
 * not have, and privileges the migrator needs for its own history table.
 */
export const preflight = async (client: SqlClient, pending: readonly MigrationFile[]): Promise<void> => {
  await checkExtensions(client, pending);
  await checkHistoryPrivileges(client);
};

const checkExtensions = async (client: SqlClient, pending: readonly MigrationFile[]): Promise<void> => {
  const required = requiredExtensions(pending);
  if (required.length === 0) return;
  const { rows } = await client.query<{ name: string }>("SELECT name FROM pg_available_extensions");
  const available = new Set(rows.map((row) => row.name));
  const missing = required.filter((extension) => !available.has(extension.name));
  const first = missing[0];
  if (first === undefined) return;
  const names = [...new Set(missing.map((extension) => extension.name))].join(", ");
  throw new MigratorError({
    code: "extension_unavailable",
    path: `${first.file.path}:${first.line}`,
    message: `pending migrations need the extension${missing.length > 1 ? "s" : ""} ${names}, which ${client.label} does not have (not in pg_available_extensions; first needed by ${first.file.name}); nothing was applied`,
    fix:
      names.includes("vector") && !names.includes(",")
        ? "install pgvector on that server (e.g. the pgvector/pgvector:pg16 image or the postgresql-16-pgvector package), or run without --database-url to use the embedded database, which has it"
        : `install the extension package(s) for ${names} on that server, or run without --database-url to use the embedded database`,
    exitCode: 2,
  });
};

const checkHistoryPrivileges = async (client: SqlClient): Promise<void> => {
  const { rows } = await client.query<{ schema_exists: boolean; can_create_schema: boolean; can_use: boolean }>(
    `SELECT to_regnamespace($1) IS NOT NULL AS schema_exists,
            has_database_privilege(current_database(), 'CREATE') AS can_create_schema,
            COALESCE(to_regnamespace($1) IS NOT NULL AND has_schema_privilege($1, 'USAGE,CREATE'), false) AS can_use`,
    [HISTORY_SCHEMA],
  );
  const row = rows[0];
  if (row === undefined) return;
  const ok = row.schema_exists ? row.can_use : row.can_create_schema;
  if (ok) return;
  const { rows: who } = await client.query<{ user: string }>('SELECT current_user AS "user"');
  throw new MigratorError({
    code: "insufficient_privilege",
    path: client.label,
    message: row.schema_exists
      ? `role ${who[0]?.user} cannot use schema ${HISTORY_SCHEMA} on ${client.label}, where the migration history lives; nothing was applied`
      : `role ${who[0]?.user} may not create schemas in this database on ${client.label}, and the migrator needs schema ${HISTORY_SCHEMA} for its history; nothing was applied`,
    fix: row.schema_exists
      ? `GRANT USAGE, CREATE ON SCHEMA ${HISTORY_SCHEMA} TO ${who[0]?.user}; or connect as the database owner`
      : `connect as the database owner, or GRANT CREATE ON DATABASE <db> TO ${who[0]?.user}`,
    exitCode: 2,
  });
};
