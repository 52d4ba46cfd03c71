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
import { acquireLockFile } from "@platform/migrator/embedded";
import { createDb, type DB } from "@platform/types";
import type { Kysely } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { SeedError } from "./errors.js";

export interface SeedConnection {
  readonly label: string;
  readonly db: Kysely<DB>;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  exec(script: string): Promise<void>;
  /** COPY `target` (a quoted table and column list) FROM the CSV `lines`, as one statement. */
  copyCsv(target: string, lines: Iterable<string>): Promise<void>;
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
  return {
    label,
    db,
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params as unknown[] | undefined)).rows as R[],
    exec: async (script) => void (await client.query(script)),
    copyCsv: async (target, lines) => {
      const sink = client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(chunked(lines)), sink);
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
    copyCsv: async (target, lines) => {
      await pglite.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([...chunked(lines)]),
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
export const openPglite = async (dataDir?: string): Promise<PGlite> => {
  const [{ PGlite }, { vector }, { pgcrypto }, { uuid_ossp }, { pg_trgm }, { citext }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-pgvector"),
    import("@electric-sql/pglite/contrib/pgcrypto"),
    import("@electric-sql/pglite/contrib/uuid_ossp"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/citext"),
  ]);
  return PGlite.create(dataDir, { extensions: { vector, pgcrypto, uuid_ossp, pg_trgm, citext } });
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
