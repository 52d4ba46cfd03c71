/**
 * Where the seed writes: a PostgreSQL URL (the `pg` driver, COPY through pg-copy-streams) or PGlite
 * (in-process, COPY FROM '/dev/blob'). Either way the typed Kysely API writes the small tables and one
 * session runs the presence checks, COPY and DDL.
 */
import { existsSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import { redactUrl } from "@platform/migrator/db";
import { acquireLockFile, openPlatformPglite } from "@platform/migrator/embedded";
import { quoteIdent } from "@platform/schema";
import { createDb, type DB } from "@platform/types";
import type { Kysely } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type CsvValue, csvLine } from "./csv.js";
import { SeedError } from "./errors.js";

export interface SeedConnection {
  readonly label: string;
  readonly db: Kysely<DB>;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  exec(script: string): Promise<void>;
  /**
   * Writes `rows` into `table` (quoted, qualified) as one atomic step: COPY ... FROM STDIN / '/dev/blob'
   * in CSV, or — where the server cannot take COPY FROM STDIN — batched INSERT ... SELECT FROM unnest in
   * one transaction.
   */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<void>;
  /** how bulk rows travel on this connection, for the report */
  readonly bulkMethod: "copy" | "insert";
  close(): Promise<void>;
}

/** Any PostgreSQL server (PGlite served over the wire included). */
export const connectUrl = async (url: string): Promise<SeedConnection> => {
  const label = redactUrl(url);
  const client = new pg.Client({ connectionString: url, application_name: "platform-db seed" });
  try {
    await client.connect();
  } catch (cause) {
    throw new SeedError(
      "connect_failed",
      label,
      `cannot connect to ${label}: ${(cause as Error).message}`,
      "check DATABASE_URL (or --database-url) and that the server is running",
      2,
      { cause },
    );
  }
  const db = createDb({ url, maxConnections: 1 });
  const query = async <R>(text: string, params?: readonly unknown[]) =>
    (await client.query(text, params as unknown[] | undefined)).rows as R[];
  // PGlite served over the wire (pglite-socket 0.2) loses protocol sync on COPY FROM STDIN
  const [server] = await query<{ version: string }>("SELECT version()");
  const canCopy = !server?.version.includes("PGlite");
  return {
    label,
    db,
    query,
    exec: async (script) => void (await client.query(script)),
    bulkMethod: canCopy ? "copy" : "insert",
    copyRows: async (table, columns, rows) => {
      if (!canCopy) return insertRows(query, table, columns, rows);
      const sink = client.query(copyFrom(`COPY ${target(table, columns)} FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(chunked(csvLines(rows))), sink);
    },
    close: async () => {
      await db.destroy();
      await client.end();
    },
  };
};

/** An open PGlite instance; `close()` leaves it open (its owner closes it). */
export const fromPgliteInstance = (pglite: PGlite, label: string): SeedConnection => {
  const db = createDb({ pglite });
  return {
    label,
    db,
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await pglite.query<R>(text, params as unknown[] | undefined)).rows,
    exec: async (script) => void (await pglite.exec(script)),
    bulkMethod: "copy",
    copyRows: async (table, columns, rows) => {
      await pglite.query(`COPY ${target(table, columns)} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([...chunked(csvLines(rows))]),
      });
    },
    close: async () => {
      await db.destroy();
    },
  };
};

/**
 * The embedded database `pnpm migrate up` writes (`<repo>/.data/pglite`), under the migrator's lock file,
 * with the same extensions. A directory that does not exist was never migrated: refused, not created.
 */
export const openEmbeddedDatabase = async (dataDir: string): Promise<SeedConnection> => {
  if (!existsSync(dataDir)) {
    throw new SeedError(
      "embedded_missing",
      dataDir,
      `the embedded database ${dataDir} does not exist`,
      "run `pnpm migrate up` first (or set DATABASE_URL)",
    );
  }
  const release = acquireLockFile(`${dataDir}.lock`, `the embedded database ${dataDir}`);
  try {
    const pglite = await openPglite(dataDir);
    const connection = fromPgliteInstance(pglite, `pglite:${dataDir}`);
    return {
      ...connection,
      close: async () => {
        try {
          await connection.close();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
};

/** PGlite with the extensions the platform needs (the set the migrator's embedded database loads). */
export const openPglite = (dataDir?: string): Promise<PGlite> => openPlatformPglite(dataDir);

const target = (table: string, columns: readonly string[]): string =>
  `${table} (${columns.map(quoteIdent).join(", ")})`;

function* csvLines(rows: Iterable<readonly CsvValue[]>): Generator<string> {
  for (const row of rows) yield csvLine(row);
}

const INSERT_ROWS = 200;

/**
 * The fallback where COPY FROM STDIN is unavailable: every column sent as a text array, unnested and cast
 * by the server to the column's type (the same input functions COPY uses), 200 rows per statement, all in
 * one transaction so the batch stays all or nothing.
 */
const insertRows = async (
  query: <R>(text: string, params?: readonly unknown[]) => Promise<R[]>,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): Promise<void> => {
  const types = await query<{ name: string; type: string }>(
    "SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
    [table],
  );
  const typeOf = (column: string): string => {
    const found = types.find((t) => t.name === column);
    if (!found) throw new Error(`${table}.${column}: no such column`);
    return found.type;
  };
  const statement = `INSERT INTO ${target(table, columns)} SELECT ${columns
    .map((c, n) => `x.c${n}::${typeOf(c)}`)
    .join(", ")} FROM unnest(${columns.map((_, n) => `$${n + 1}::text[]`).join(", ")}) AS x(${columns
    .map((_, n) => `c${n}`)
    .join(", ")})`;
  const flush = async (batch: (readonly CsvValue[])[]) => {
    if (batch.length === 0) return;
    await query(
      statement,
      columns.map((_, n) => batch.map((row) => (row[n] === null || row[n] === undefined ? null : String(row[n])))),
    );
  };
  await query("BEGIN");
  try {
    let batch: (readonly CsvValue[])[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === INSERT_ROWS) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
    await query("COMMIT");
  } catch (error) {
    await query("ROLLBACK");
    throw error;
  }
};

/** Lines joined into ~1 MB strings: one write per line costs more than the data. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= 1 << 20) {
      yield parts.join("");
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join("");
}
