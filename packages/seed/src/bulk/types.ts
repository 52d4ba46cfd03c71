import type { RelationName } from "@platform/types";
import type { CsvValue } from "../csv.js";

/**
 * What the rows of one scale unit point at: bulk row `i` belongs to unit `floor(i / rowsPerUnit)` and picks
 * only from that unit's ids, so the rows of `--scale 1` are the first rows of `--scale 2`, unchanged.
 */
export const unitOf = <T>(units: readonly T[], rowsPerUnit: number, i: number): T => {
  const unit = units[Math.floor(i / rowsPerUnit) % units.length];
  if (unit === undefined) throw new Error("bulk rows need at least one unit of referenced ids");
  return unit;
};

/**
 * A table filled through COPY in batches. Row `i` is a pure function of `i`, so any batch can be generated
 * on its own, and a batch already in the database is recognised by its keys and skipped.
 */
export interface BulkTable {
  readonly table: RelationName;
  readonly columns: readonly string[];
  readonly count: number;
  readonly batchSize: number;
  /** the columns that identify a row (with their SQL types), for the presence check */
  readonly key: readonly { readonly column: string; readonly type: string }[];
  /** the key values of row `i`, in `key` order; cheaper than the row (no vector) */
  keyAt(i: number): readonly CsvValue[];
  /** row `i`, in `columns` order */
  rowAt(i: number): readonly CsvValue[];
  /** the days the rows fall in, on the partition key: partitions for them are created first */
  readonly partitioned?: { readonly from: string; readonly to: string };
  /** a printed note (e.g. why a column is left out on this database) */
  readonly note?: string;
}
