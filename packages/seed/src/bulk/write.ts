/**
 * Writes a bulk table through COPY, batch by batch. Each batch is one COPY statement (all or nothing), so
 * after an interrupted run every batch is either fully present or absent: present batches are skipped,
 * absent ones are copied straight into the table. A batch found partly present (rows deleted by hand) goes
 * through a temporary table and INSERT ... SELECT ... WHERE NOT EXISTS, which adds only what is missing.
 */
import { quoteIdent, quoteQualified } from "@platform/schema";
import type { SeedConnection } from "../connection.js";
import type { CsvValue } from "../csv.js";
import { SeedError } from "../errors.js";
import type { BulkTable } from "./types.js";

export interface BulkResult {
  readonly table: string;
  readonly planned: number;
  readonly inserted: number;
}

const qualified = (relation: string): string => {
  const [schema, name] = relation.split(".") as [string, string];
  return quoteQualified(schema, name);
};

function* rowsOf(spec: BulkTable, from: number, to: number): Generator<readonly CsvValue[]> {
  for (let i = from; i < to; i += 1) yield spec.rowAt(i);
}

const presentCount = async (connection: SeedConnection, spec: BulkTable, from: number, to: number): Promise<number> => {
  const columns = spec.key.map((k) => quoteIdent(k.column)).join(", ");
  const arrays = spec.key.map((k, n) => `$${n + 1}::${k.type}[]`).join(", ");
  const values = spec.key.map((_, n) => {
    const list: CsvValue[] = [];
    for (let i = from; i < to; i += 1) list.push(spec.keyAt(i)[n] ?? null);
    return list;
  });
  const [row] = await connection.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${qualified(spec.table)} WHERE (${columns}) IN (SELECT * FROM unnest(${arrays}))`,
    values,
  );
  return row?.n ?? 0;
};

const fillGaps = async (connection: SeedConnection, spec: BulkTable, from: number, to: number): Promise<number> => {
  const columns = spec.columns.map(quoteIdent).join(", ");
  const match = spec.key.map((k) => `x.${quoteIdent(k.column)} = s.${quoteIdent(k.column)}`).join(" AND ");
  await connection.exec(
    `DROP TABLE IF EXISTS pg_temp.seed_batch; CREATE TEMP TABLE seed_batch AS SELECT ${columns} FROM ${qualified(spec.table)} WITH NO DATA`,
  );
  try {
    await connection.copyRows("pg_temp.seed_batch", spec.columns, rowsOf(spec, from, to));
    const [row] = await connection.query<{ n: number }>(
      `WITH added AS (INSERT INTO ${qualified(spec.table)} (${columns}) SELECT ${columns} FROM pg_temp.seed_batch s
       WHERE NOT EXISTS (SELECT 1 FROM ${qualified(spec.table)} x WHERE ${match}) RETURNING 1) SELECT count(*)::int AS n FROM added`,
    );
    return row?.n ?? 0;
  } finally {
    await connection.exec("DROP TABLE IF EXISTS pg_temp.seed_batch");
  }
};

/**
 * Copies the rows of `spec` not yet in the database.
 * @example await writeBulk(connection, eventsTable(3000, userIds)) // { table, planned: 3000, inserted: 3000 }
 */
export const writeBulk = async (connection: SeedConnection, spec: BulkTable): Promise<BulkResult> => {
  let inserted = 0;
  for (let from = 0; from < spec.count; from += spec.batchSize) {
    const to = Math.min(spec.count, from + spec.batchSize);
    const present = await presentCount(connection, spec, from, to);
    if (present === to - from) continue;
    try {
      if (present === 0) {
        await connection.copyRows(qualified(spec.table), spec.columns, rowsOf(spec, from, to));
        inserted += to - from;
      } else {
        inserted += await fillGaps(connection, spec, from, to);
      }
    } catch (cause) {
      throw new SeedError(
        "copy_failed",
        spec.table,
        `COPY of rows ${from}..${to - 1} into ${spec.table} failed: ${(cause as Error).message}`,
        "check that the database is migrated to the current platform (`pnpm migrate status`)",
        1,
        { cause },
      );
    }
  }
  return { table: spec.table, planned: spec.count, inserted };
};
