import type { ParserOptions, PGlite, PGliteInterface, SerializerOptions } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import pgvector from "pgvector";
import { builtinOids, type DynamicOid, dynamicOidsQuery } from "./type-oids.js";

/** PGlite's own array codecs, loaded with the driver so `pg` users never load PGlite. */
type PgliteTypes = typeof import("@electric-sql/pglite").types;

/**
 * Parsers that make PGlite return what node-postgres returns, so one `DB` type fits both: bigint as a
 * string (PGlite would give a lossy number), bytea as a Buffer, vectors as `number[]`, enum arrays as
 * arrays. numeric and interval already arrive as strings, timestamps and dates as Dates.
 */
const pgliteParsers = (types: PgliteTypes, dynamic: readonly DynamicOid[]): ParserOptions => {
  const parsers: ParserOptions = {
    [builtinOids.int8]: (text: string) => text,
    [builtinOids.int8Array]: (text: string) => types.arrayParser(text, (v: string) => v, builtinOids.int8Array),
    [builtinOids.bytea]: (text: string) => Buffer.from(text.slice(2), "hex"),
  };
  for (const { oid, role } of dynamic) {
    parsers[oid] =
      role === "vector"
        ? (text: string) => pgvector.fromSql(text)
        : (text: string) => types.arrayParser(text, (v: string) => v, oid);
  }
  return parsers;
};

/**
 * PGlite is one session: a connection is the instance itself, lent to one user at a time so a
 * transaction never interleaves with another Kysely query.
 */
/** PGlite sends a JS array for a type it does not know with `String()`; enum arrays need the array literal. */
const pgliteSerializers = (types: PgliteTypes, dynamic: readonly DynamicOid[]): SerializerOptions => {
  const serializers: SerializerOptions = {};
  for (const { oid, role } of dynamic) {
    if (role === "enum-array") serializers[oid] = (value: unknown) => types.arraySerializer(value, undefined, oid);
  }
  return serializers;
};

interface TypeOptions {
  readonly parsers: ParserOptions;
  readonly serializers: SerializerOptions;
}

class PgliteConnection implements DatabaseConnection {
  readonly #db: PGliteInterface;
  readonly #options: () => TypeOptions;
  constructor(db: PGliteInterface, options: () => TypeOptions) {
    this.#db = db;
    this.#options = options;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#db.query<R>(compiled.sql, [...compiled.parameters], this.#options());
    const isWrite = /^\s*(insert|update|delete|merge|with)\b/i.test(compiled.sql) && result.affectedRows !== undefined;
    return { rows: result.rows, ...(isWrite ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported; the error says so
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("createDb({ pglite }): streaming queries are not supported on PGlite; use execute()");
  }
}

class PgliteDriver implements Driver {
  readonly #db: PGliteInterface;
  #options: TypeOptions = { parsers: {}, serializers: {} };
  #queue: Promise<void> = Promise.resolve();
  readonly #connection: PgliteConnection;

  constructor(db: PGliteInterface) {
    this.#db = db;
    this.#connection = new PgliteConnection(db, () => this.#options);
  }

  async init(): Promise<void> {
    const { types } = await import("@electric-sql/pglite");
    const { rows } = await this.#db.query<DynamicOid>(dynamicOidsQuery);
    this.#options = { parsers: pgliteParsers(types, rows), serializers: pgliteSerializers(types, rows) };
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.#queue;
    this.#queue = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.#releases.push(release);
    return this.#connection;
  }

  readonly #releases: (() => void)[] = [];

  async releaseConnection(): Promise<void> {
    this.#releases.shift()?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : "",
      settings.accessMode ?? "",
    ].filter((m) => m !== "");
    await connection.executeQuery(CompiledQuery.raw(modes.length ? `start transaction ${modes.join(" ")}` : "begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  /** The caller owns the PGlite instance: destroying the Kysely instance leaves it open. */
  async destroy(): Promise<void> {}
}

/** A Kysely dialect over an in-process PGlite instance (PostgreSQL compiler, adapter and introspector). */
export class PgliteDialect implements Dialect {
  readonly #db: PGlite | PGliteInterface;
  constructor(db: PGlite | PGliteInterface) {
    this.#db = db;
  }
  createDriver(): Driver {
    return new PgliteDriver(this.#db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
