import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import type { MigrationFile, MigrationSection } from "../files/index.js";
import { splitStatements } from "../files/index.js";
import type { RunnerListener } from "./events.js";
import { deleteHistory, HISTORY_TABLE, recordApplied, recordStarted } from "./history.js";
import { sleep } from "./lock.js";
import { repairInterrupted } from "./repair.js";
import type { RunSettings } from "./settings.js";
import { sqlStateOf } from "./sql-state.js";

export interface ApplyContext {
  readonly client: SqlClient;
  readonly settings: RunSettings;
  readonly listener: RunnerListener;
}

/**
 * Applies one migration's up section and records it. Transactional: SQL and history row commit together.
 * `transaction:false`: a `started` row is committed first and flipped to `applied` at the end, so a run that
 * dies in between leaves a marker the next run repairs (see repair.ts).
 */
export const applyUp = (ctx: ApplyContext, file: MigrationFile): Promise<number> =>
  withLockRetries(ctx, file.name, async () => {
    const started = performance.now();
    await applySessionSettings(ctx);
    if (file.up.transaction) {
      await inTransaction(ctx.client, async () => {
        await runSection(ctx.client, file, file.up, "up");
        await recordApplied(ctx.client, {
          name: file.name,
          checksum: file.checksum,
          transactional: true,
          durationMs: performance.now() - started,
        });
      });
    } else {
      if (await isStarted(ctx.client, file.name)) {
        const dropped = await repairInterrupted(ctx.client, file);
        ctx.listener({ kind: "repair", name: file.name, droppedIndexes: dropped });
      }
      await recordStarted(ctx.client, { name: file.name, checksum: file.checksum });
      await runSection(ctx.client, file, file.up, "up");
      await recordApplied(ctx.client, {
        name: file.name,
        checksum: file.checksum,
        transactional: false,
        durationMs: performance.now() - started,
      });
    }
    return performance.now() - started;
  });

/** Runs the down section and removes the history row (in the same transaction unless `transaction:false`). */
export const applyDown = (ctx: ApplyContext, file: MigrationFile): Promise<number> =>
  withLockRetries(ctx, file.name, async () => {
    const down = file.down;
    if (down === undefined) throw irreversible(file);
    const started = performance.now();
    await applySessionSettings(ctx);
    if (down.transaction) {
      await inTransaction(ctx.client, async () => {
        await runSection(ctx.client, file, down, "down");
        await deleteHistory(ctx.client, file.name);
      });
    } else {
      await runSection(ctx.client, file, down, "down");
      await deleteHistory(ctx.client, file.name);
    }
    return performance.now() - started;
  });

export const irreversible = (file: MigrationFile): MigratorError =>
  new MigratorError({
    code: "migration_irreversible",
    path: file.path,
    message: `migration ${file.name} has no down section, so it cannot be reverted`,
    fix: `add a \`-- migrate:down\` section to ${file.path}, or revert with a new forward migration`,
    exitCode: 1,
  });

/** Re-applied before every migration: a migration's own plain `SET` would otherwise leak into the next one. */
const applySessionSettings = (ctx: ApplyContext): Promise<void> =>
  ctx.client.exec(
    `SET lock_timeout = ${Math.round(ctx.settings.lockTimeoutMs)}; SET statement_timeout = ${Math.round(ctx.settings.statementTimeoutMs)}`,
  );

const inTransaction = async (client: SqlClient, body: () => Promise<void>): Promise<void> => {
  await client.exec("BEGIN");
  try {
    await body();
    await client.exec("COMMIT");
  } catch (error) {
    await client.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
};

/**
 * Sections run statement by statement, so a failure names its statement and line. That is required for
 * `transaction:false` (PostgreSQL runs a multi-statement query string as one implicit transaction, which
 * `CREATE INDEX CONCURRENTLY` refuses) and costs one round trip per statement otherwise. A section with a
 * SQL-standard function body (`BEGIN ATOMIC … END`, whose inner semicolons the splitter cannot see) is sent
 * whole instead.
 */
const runSection = async (
  client: SqlClient,
  file: MigrationFile,
  section: MigrationSection,
  direction: "up" | "down",
): Promise<void> => {
  const statements = splitStatements(section.sql);
  if (section.transaction && statements.some((statement) => /\bbegin atomic\b/i.test(statement.code))) {
    await client.exec(section.sql).catch((error: unknown) => {
      throw migrationFailed(file, section, direction, error, section.line + 1, section.sql);
    });
    return;
  }
  for (const statement of statements) {
    await client.exec(statement.text).catch((error: unknown) => {
      throw migrationFailed(file, section, direction, error, section.line + statement.line, statement.text);
    });
  }
};

const isStarted = async (client: SqlClient, name: string): Promise<boolean> => {
  const { rows } = await client.query<{ state: string }>(`SELECT state FROM ${HISTORY_TABLE} WHERE name = $1`, [name]);
  return rows[0]?.state === "started";
};

const LOCK_NOT_AVAILABLE = "55P03";

/** A `lock_timeout` failure is retried with exponential backoff and jitter, `lockRetries` times. */
const withLockRetries = async <T>(ctx: ApplyContext, name: string, attempt: () => Promise<T>): Promise<T> => {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (sqlStateOf(error) !== LOCK_NOT_AVAILABLE || retry >= ctx.settings.lockRetries) throw error;
      const delayMs = Math.round(ctx.settings.retryBaseDelayMs * 2 ** retry * (0.75 + Math.random() * 0.5));
      ctx.listener({ kind: "retry", name, attempt: retry + 1, delayMs });
      await sleep(delayMs);
    }
  }
};

const migrationFailed = (
  file: MigrationFile,
  section: MigrationSection,
  direction: "up" | "down",
  error: unknown,
  baseLine: number,
  sentText: string,
): MigratorError => {
  const code = sqlStateOf(error);
  const position = Number((error as { position?: unknown }).position);
  const line = Number.isFinite(position) && position > 0 ? baseLine + linesBefore(sentText, position) : baseLine;
  const detail = error instanceof Error ? error.message : String(error);
  const statement = sentText.split("\n").find((text) => text.trim() !== "" && !text.trim().startsWith("--"));
  const where = sentText === section.sql || statement === undefined ? "" : ` in "${truncate(statement.trim(), 60)}"`;
  const undone = section.transaction
    ? "its transaction was rolled back, nothing of it was applied"
    : direction === "up"
      ? "it runs outside a transaction and is recorded as started; the next `migrate up` repairs it (drops INVALID indexes it left) and runs it again"
      : "it runs outside a transaction; statements before the failing one stay applied and the migration stays recorded as applied";
  return new MigratorError({
    code: code === LOCK_NOT_AVAILABLE ? "migration_lock_timeout" : "migration_failed",
    path: `${file.path}:${line}`,
    message: `migration ${file.name} (${direction}) failed${where}: ${detail}${code === undefined ? "" : ` [SQLSTATE ${code}]`}; ${undone}`,
    fix: fixFor(code, file),
    exitCode: code === "42501" || code?.startsWith("08") === true || code === "57P01" ? 2 : 1,
    cause: error,
  });
};

const fixFor = (code: string | undefined, file: MigrationFile): string => {
  if (code === LOCK_NOT_AVAILABLE) {
    return "another session holds a conflicting lock on a table this migration touches; retry when it is quieter, find it in pg_locks, or raise --lock-timeout";
  }
  if (code === "57014")
    return "the statement hit statement_timeout; raise --statement-timeout (0 disables it) or make the step cheaper";
  if (code === "42501")
    return "the connecting role lacks a privilege this migration needs; run as the schema owner or GRANT it";
  return `fix the SQL in ${file.path} (or the database state it expects) and run \`migrate up\` again`;
};

const linesBefore = (text: string, position: number): number => {
  let lines = 0;
  for (let i = 0; i < Math.min(position - 1, text.length); i += 1) if (text.charCodeAt(i) === 10) lines += 1;
  return lines;
};

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
