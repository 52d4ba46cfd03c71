/**
 * `seed(connection, { scale })`: fills a migrated platform database with deterministic sample data.
 * Idempotent: every id is derived from a name, small tables are inserted with ON CONFLICT DO NOTHING,
 * bulk batches already present are skipped — a second run inserts nothing.
 */
import { platformCatalog } from "@platform/schema";
import type { DB, NewRow } from "@platform/types";
import type { Kysely } from "kysely";
import { writeBulk } from "./bulk/write.js";
import type { SeedConnection } from "./connection.js";
import { ensurePartitions, type PartitionNeed } from "./partitions.js";
import { buildPlan, DEFAULT_ADMIN_ID } from "./plan/index.js";
import { ADMIN_USERNAME } from "./plan/passwords.js";
import { STORAGE_RANGE } from "./plan/time.js";
import type { AnySmallTable } from "./plan/types.js";
import { preflight } from "./preflight.js";

export interface SeedOptions {
  /** multiplies the sample data (default 1) */
  readonly scale?: number;
  /** progress lines (default: none) */
  readonly log?: (line: string) => void;
}

export interface TableResult {
  readonly table: string;
  readonly planned: number;
  readonly inserted: number;
}

export interface SeedReport {
  readonly tables: readonly TableResult[];
  readonly partitionsCreated: readonly string[];
  readonly notes: readonly string[];
}

/** One key for every seed run on any database: two seeds never interleave their presence checks. */
const SEED_LOCK_KEY = 0x5eed_2026;
const BATCH = 500;

const insertSmall = async (db: Kysely<DB>, entry: AnySmallTable): Promise<number> => {
  let inserted = 0;
  for (let i = 0; i < entry.rows.length; i += BATCH) {
    // The plan pairs each table with its own row type (AnySmallTable); Kysely cannot follow that
    // correlation through a union, so the call is made at one representative type.
    const rows = entry.rows.slice(i, i + BATCH) as readonly NewRow<"auth.users">[];
    const result = await db
      .insertInto(entry.table as "auth.users")
      .values(rows as NewRow<"auth.users">[])
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
};

const findAdminId = async (db: Kysely<DB>): Promise<string> => {
  const existing = await db
    .selectFrom("auth.users")
    .select("id")
    .where("username", "=", ADMIN_USERNAME)
    .executeTakeFirst();
  return existing?.id ?? DEFAULT_ADMIN_ID;
};

const withSeedLock = async <T>(connection: SeedConnection, log: (line: string) => void, body: () => Promise<T>) => {
  const [got] = await connection.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SEED_LOCK_KEY]);
  if (!got?.ok) {
    log("another seed is running on this database; waiting for it to finish");
    await connection.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
  }
  try {
    return await body();
  } finally {
    await connection.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK_KEY]);
  }
};

/**
 * @example
 * const connection = await connectUrl(process.env.DATABASE_URL!);
 * try { const report = await seed(connection, { scale: 2, log: console.log }); } finally { await connection.close(); }
 */
export const seed = async (connection: SeedConnection, options: SeedOptions = {}): Promise<SeedReport> => {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const features = await preflight(connection);
  return withSeedLock(connection, log, async () => {
    const plan = buildPlan({ scale, adminId: await findAdminId(connection.db), features });
    const needs: PartitionNeed[] = [
      ...plan.bulk.flatMap((b) => (b.partitioned ? [{ table: b.table, ...b.partitioned }] : [])),
      { table: "data_platform.storage_records", ...STORAGE_RANGE },
    ];
    const partitionsCreated = await ensurePartitions(connection, platformCatalog(), needs);
    if (partitionsCreated.length > 0) log(`created ${partitionsCreated.length} partitions`);
    const notes = plan.bulk.flatMap((b) => (b.note ? [`${b.table}: ${b.note}`] : []));
    if (connection.bulkMethod === "insert") {
      notes.push("bulk rows are inserted in batches: this server (PGlite over the wire) cannot take COPY FROM STDIN");
      log(notes[notes.length - 1] as string);
    }
    const tables: TableResult[] = [];
    const record = (result: TableResult) => {
      tables.push(result);
      log(`${result.table.padEnd(34)} ${String(result.inserted).padStart(8)} of ${result.planned} rows inserted`);
    };
    for (const entry of plan.small) {
      record({ table: entry.table, planned: entry.rows.length, inserted: await insertSmall(connection.db, entry) });
    }
    for (const spec of plan.bulk) {
      if (spec.note) log(`${spec.table}: ${spec.note}`);
      record(await writeBulk(connection, spec));
    }
    await refreshDailyStats(connection, tables);
    return { tables, partitionsCreated, notes };
  });
};

/** daily_stats summarises metrics: refreshed when metrics changed or it was never populated. */
const refreshDailyStats = async (connection: SeedConnection, tables: readonly TableResult[]): Promise<void> => {
  const [state] = await connection.query<{ populated: boolean }>(
    "SELECT relispopulated AS populated FROM pg_class WHERE oid = 'monitoring.daily_stats'::regclass",
  );
  const metricsChanged = tables.some((t) => t.table === "monitoring.metrics" && t.inserted > 0);
  if (metricsChanged || !state?.populated) await connection.exec("REFRESH MATERIALIZED VIEW monitoring.daily_stats");
};
