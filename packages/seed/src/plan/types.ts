import type { NewRow, RelationName } from "@platform/types";

/** Rows for one table, inserted through the typed API with ON CONFLICT DO NOTHING. */
export interface SmallTable<T extends RelationName = RelationName> {
  readonly table: T;
  readonly rows: readonly NewRow<T>[];
}

/** Any table's rows, keeping the pairing of table name and row type. */
export type AnySmallTable = { [T in RelationName]: SmallTable<T> }[RelationName];

export const rowsOf = <T extends RelationName>(table: T, rows: readonly NewRow<T>[]): SmallTable<T> => ({
  table,
  rows,
});

/** What the scale multiplies: counts of the sample data at `--scale 1`. */
export interface Counts {
  readonly organizations: number;
  readonly usersPerOrganization: number;
  readonly modelsPerOrganization: number;
  readonly embeddings: number;
  readonly events: number;
  readonly requestLogs: number;
  readonly metricNodes: number;
  readonly storageRecords: number;
}

export const countsFor = (scale: number): Counts => ({
  organizations: 3 * scale,
  usersPerOrganization: 8,
  modelsPerOrganization: 3,
  embeddings: 1000 * scale,
  events: 3000 * scale,
  requestLogs: 4200 * scale,
  metricNodes: 4 * scale,
  storageRecords: 20 * scale,
});

/** The ids the bulk rows point at. */
export interface Refs {
  readonly adminId: string;
  readonly userIds: readonly string[];
  readonly datasetIds: readonly string[];
  readonly endpoints: readonly { readonly id: string; readonly slug: string }[];
  readonly apiKeys: readonly { readonly id: string; readonly userId: string }[];
}

/** Columns a database variant may lack (pgvector absent → no vector/halfvec columns). */
export interface Features {
  readonly textEmbeddingVector: boolean;
  readonly documentEmbedding: boolean;
}
