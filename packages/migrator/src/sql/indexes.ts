import { compareKeys, type Index, type IndexElement, type QualifiedName } from "@platform/schema";
import { quoteIdent, quoteIdentList, quoteLiteral, quoteQualified, renderMaybeQualified } from "./quote.js";

const element = (e: IndexElement): string => {
  const parts = [e.column !== undefined ? quoteIdent(e.column) : `(${e.expression})`];
  if (e.collation) parts.push(`COLLATE ${quoteQualified(e.collation)}`);
  if (e.opclass !== undefined) parts.push(renderMaybeQualified(e.opclass));
  if (e.order) parts.push(e.order.toUpperCase());
  if (e.nulls) parts.push(`NULLS ${e.nulls.toUpperCase()}`);
  return parts.join(" ");
};

/** Numbers and words (`100`, `off`) are written as they are, anything else as a string literal. */
const storageValue = (value: string): string => (/^[A-Za-z0-9_.+-]+$/.test(value) ? value : quoteLiteral(value));

/** Storage parameters in key order, so the same index always gives the same text. */
const withClause = (params: Readonly<Record<string, string>> | undefined): string => {
  if (params === undefined) return "";
  const entries = Object.entries(params).sort(([a], [b]) => compareKeys(a, b));
  return entries.length === 0
    ? ""
    : ` WITH (${entries.map(([key, value]) => `${quoteIdent(key)} = ${storageValue(value)}`).join(", ")})`;
};

export interface CreateIndexOptions {
  /** build without blocking writes; cannot run inside a transaction block, nor on a partitioned table */
  readonly concurrently?: boolean;
  /** `ON ONLY`: create the index on a partitioned table without recursing (then attach the partitions' indexes) */
  readonly only?: boolean;
}

/**
 * An index lives in the schema of its table. On a partitioned table PostgreSQL creates the matching
 * index on every partition (and on partitions attached later).
 *
 * @example
 * createIndex({ schema: "data_platform", name: "text_embeddings" }, { name: "text_embeddings_embedding_idx", method: "ivfflat", elements: [{ column: "embedding", opclass: "vector_cosine_ops" }], with: { lists: "100" } })
 * // CREATE INDEX text_embeddings_embedding_idx ON data_platform.text_embeddings USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100);
 */
export const createIndex = (table: QualifiedName, index: Index, options: CreateIndexOptions = {}): string =>
  // One join, one flat string: a schema has thousands of these, kept until the file is written.
  [
    index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ",
    options.concurrently ? "CONCURRENTLY " : "",
    quoteIdent(index.name),
    options.only ? " ON ONLY " : " ON ",
    quoteQualified(table),
    " USING ",
    index.method ?? "btree",
    " (",
    index.elements.map(element).join(", "),
    ")",
    index.include && index.include.length > 0 ? ` INCLUDE (${quoteIdentList(index.include)})` : "",
    index.nullsNotDistinct ? " NULLS NOT DISTINCT" : "",
    withClause(index.with),
    index.where !== undefined ? ` WHERE (${index.where})` : "",
    ";",
  ].join("");

/** `index` is schema-qualified: an index lives in its table's schema. */
export const dropIndex = (index: QualifiedName, options: { readonly concurrently?: boolean } = {}): string =>
  `DROP INDEX ${options.concurrently ? "CONCURRENTLY " : ""}${quoteQualified(index)};`;

export const renameIndex = (index: QualifiedName, to: string): string =>
  `ALTER INDEX ${quoteQualified(index)} RENAME TO ${quoteIdent(to)};`;

/** Makes a partition's index part of the partitioned table's index (after `createIndex(..., { only: true })`). */
export const attachIndex = (parentIndex: QualifiedName, partitionIndex: QualifiedName): string =>
  `ALTER INDEX ${quoteQualified(parentIndex)} ATTACH PARTITION ${quoteQualified(partitionIndex)};`;
