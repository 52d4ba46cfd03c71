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

/**
 * One scale unit: `--scale N` is N units. Unit `u` owns organizations `3u…3u+2` with their users, datasets
 * and endpoints, and the bulk rows of unit `u` point only at those, so a larger scale appends rows.
 */
export const PER_UNIT = {
  organizations: 3,
  embeddings: 1000,
  events: 3000,
  requestLogs: 4200,
  metricNodes: 4,
  storageRecords: 20,
} as const;

export const countsFor = (scale: number): Counts => ({
  organizations: PER_UNIT.organizations * scale,
  usersPerOrganization: 8,
  modelsPerOrganization: 3,
  embeddings: PER_UNIT.embeddings * scale,
  events: PER_UNIT.events * scale,
  requestLogs: PER_UNIT.requestLogs * scale,
  metricNodes: PER_UNIT.metricNodes * scale,
  storageRecords: PER_UNIT.storageRecords * scale,
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
