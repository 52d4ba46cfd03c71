/**
 * The rolling partitions the seed's fixed date range needs, created from each table's partition template
 * (the migrator's helpers, so they are exactly the partitions verify expects). Existing ones are kept.
 */
import { createPartition, templatePartitions } from "@platform/migrator/sql";
import { type Catalog, quoteQualified } from "@platform/schema";
import type { SeedConnection } from "./connection.js";
import { SeedError } from "./errors.js";

export interface PartitionNeed {
  /** `schema.table` */
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/** Creates the missing partitions; returns the names of those it created. */
export const ensurePartitions = async (
  connection: SeedConnection,
  catalog: Catalog,
  needs: readonly PartitionNeed[],
): Promise<string[]> => {
  const created: string[] = [];
  for (const need of needs) {
    const table = catalog.tables.find((t) => `${t.schema}.${t.name}` === need.table);
    if (!table) throw new Error(`${need.table}: not in the platform catalog (seed and schema disagree)`);
    for (const partition of templatePartitions(table, need)) {
      const name = quoteQualified(table.schema, partition.name);
      const [row] = await connection.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [
        name,
      ]);
      if (row?.present) continue;
      try {
        await connection.exec(createPartition(table, partition));
      } catch (cause) {
        throw new SeedError(
          "partition_failed",
          `${table.schema}.${partition.name}`,
          `cannot create partition ${table.schema}.${partition.name}: ${(cause as Error).message}`,
          `if the default partition already holds rows of that range, move them out first (or seed a fresh database)`,
          1,
          { cause },
        );
      }
      created.push(`${table.schema}.${partition.name}`);
    }
  }
  return created;
};
