import type { Catalog, Partition, Table } from "@platform/schema";
import { matchTemplatePartition } from "../sql/partition-template.js";

/**
 * The declarations plus the live database's rolling partitions: a partition that follows its table's
 * partition template (name pattern and the bound the template gives that name) is expected, since an
 * operational command creates them by date. It is added as the template defines it, so a rolling
 * partition with the wrong persistence is still drift; one with a foreign name or bound stays drift.
 */
export const withRollingPartitions = (declared: Catalog, live: Catalog): Catalog => {
  const liveTables = new Map(live.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  return {
    ...declared,
    tables: declared.tables.map((table) => {
      const actual = liveTables.get(`${table.schema}.${table.name}`);
      return table.partitionTemplate === undefined || actual === undefined ? table : addRolling(table, actual);
    }),
  };
};

const addRolling = (table: Table, actual: Table): Table => {
  const declaredNames = new Set((table.partitions ?? []).map((p) => p.name));
  const rolling: Partition[] = [];
  for (const partition of actual.partitions ?? []) {
    if (declaredNames.has(partition.name)) continue;
    const expected = matchTemplatePartition(table, partition);
    if (expected !== undefined) rolling.push(expected);
  }
  return rolling.length === 0 ? table : { ...table, partitions: [...(table.partitions ?? []), ...rolling] };
};
