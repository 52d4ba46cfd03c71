import { seedId } from "../ids.js";
import { sentence } from "../plan/data-platform.js";
import { at } from "../plan/time.js";
import { rng } from "../prng.js";
import { unitVector, type VectorLiteral, vectorText } from "../vectors.js";
import { type BulkTable, unitOf } from "./types.js";

export interface EmbeddingsOptions {
  readonly count: number;
  /** the dataset ids of each scale unit (see `unitOf`) */
  readonly datasetUnits: readonly (readonly string[])[];
  /** rows per scale unit */
  readonly perUnit: number;
  /** false when the database has no pgvector (the column does not exist there) */
  readonly withVector: boolean;
  /** how the vector is written; `array` for a real[] stand-in column (benchmark on a server without pgvector) */
  readonly literal?: VectorLiteral;
  readonly table?: BulkTable["table"];
  readonly batchSize?: number;
}

const CHUNKS_PER_RECORD = 4;
export const EMBEDDING_DIMENSIONS = 1536;

/** `data_platform.text_embeddings`: chunks of dataset records with 1536-dimensional unit vectors. */
export const embeddingsTable = (options: EmbeddingsOptions): BulkTable => {
  const literal = options.literal ?? "pgvector";
  const identity = (i: number) => {
    const record = Math.floor(i / CHUNKS_PER_RECORD);
    const datasets = unitOf(options.datasetUnits, options.perUnit, i);
    return {
      id: seedId(`text-embedding/${i}`),
      dataset: datasets[record % datasets.length] ?? null,
      record: `rec-${String(record).padStart(7, "0")}`,
      chunk: i % CHUNKS_PER_RECORD,
    };
  };
  return {
    table: options.table ?? "data_platform.text_embeddings",
    columns: [
      "id",
      "dataset_id",
      "record_id",
      "chunk_index",
      "text_content",
      ...(options.withVector ? ["embedding"] : []),
      "model",
      "created_at",
    ],
    count: options.count,
    batchSize: options.batchSize ?? 1000,
    key: [{ column: "id", type: "uuid" }],
    keyAt: (i) => [seedId(`text-embedding/${i}`)],
    rowAt: (i) => {
      const { id, dataset, record, chunk } = identity(i);
      const r = rng(`text-embedding/${i}`);
      const text = sentence(`text-embedding-text/${i}`, 12);
      const created = at("2026-02-15", Math.floor(i / 50));
      return options.withVector
        ? [
            id,
            dataset,
            record,
            chunk,
            text,
            vectorText(unitVector(r, EMBEDDING_DIMENSIONS), literal),
            "text-embedding-ada-002",
            created,
          ]
        : [id, dataset, record, chunk, text, "text-embedding-ada-002", created];
    },
    ...(options.withVector
      ? {}
      : { note: "no pgvector in this database: rows are seeded without the embedding column" }),
  };
};
