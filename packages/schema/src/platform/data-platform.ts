/**
 * `data_platform`: where data comes from (sources, datasets), what is derived from it (text embeddings,
 * searchable documents), the JSONB record store of document 001, and the user event stream of document 002.
 */
import {
  bigint,
  boolean,
  byRange,
  check,
  defaultPartition,
  fn,
  halfvec,
  index,
  integer,
  jsonb,
  monthly,
  policy,
  primaryKey,
  schema,
  sql,
  table,
  text,
  timestamptz,
  trigger,
  triggerFunction,
  tsvector,
  uuid,
  varchar,
  vector,
} from "../dsl/factories.js";
import { currentUserId, users } from "./auth.js";
import { createdAt, id, partitionedId, touchUpdatedAt, updatedAt } from "./common.js";
import { appendOnlyAccess, appRole, readonlyRole, schemaUsage, tableAccess } from "./roles.js";

export const dataPlatform = schema("data_platform", {
  comment: "Data sources, datasets, embeddings, documents, the JSONB record store and user events",
  grants: schemaUsage,
});

export const dataSources = table(
  dataPlatform,
  "data_sources",
  {
    id: id(),
    name: varchar(200).notNull(),
    description: text(),
    source_type: varchar(50).notNull().comment("postgresql, mysql, s3, http, kafka, ..."),
    connection_info: jsonb()
      .notNull()
      .check((c) => sql`jsonb_typeof(${c}) = 'object'`)
      .comment("how to connect; secrets are references to a vault, never values"),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
    is_active: boolean().notNull().default(true),
  },
  (t) => ({
    comment: "External systems data is ingested from",
    indexes: [index().on(t.created_by)],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const datasets = table(
  dataPlatform,
  "datasets",
  {
    id: id(),
    data_source_id: uuid().references(() => dataSources.id, { onDelete: "set null" }),
    name: varchar(200).notNull(),
    description: text(),
    format: varchar(50).comment("csv, parquet, jsonl, ..."),
    schema_definition: jsonb().comment("column names and types of the data"),
    row_count: bigint().check((c) => sql`${c} >= 0`),
    size_bytes: bigint().check((c) => sql`${c} >= 0`),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Versioned snapshots of data taken from a source, used for training and embedding",
    indexes: [index().on(t.data_source_id), index().on(t.created_by)],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const textEmbeddings = table(
  dataPlatform,
  "text_embeddings",
  {
    id: id(),
    dataset_id: uuid().references(() => datasets.id, { onDelete: "cascade" }),
    record_id: varchar(100).comment("the record of the dataset the text came from"),
    chunk_index: integer()
      .notNull()
      .default(0)
      .check((c) => sql`${c} >= 0`),
    text_content: text(),
    embedding: vector(1536).comment("OpenAI ada-002 style 1536-dimensional embedding"),
    model: varchar(100).notNull().default("text-embedding-ada-002").comment("model that produced the embedding"),
    created_at: createdAt(),
  },
  (t) => ({
    comment: "Text chunks and their embeddings for semantic search",
    indexes: [
      index()
        .using("ivfflat", t.embedding.op("vector_cosine_ops"))
        .with({ lists: 100 })
        .comment("approximate nearest neighbours by cosine distance (<=>)"),
      index().on(t.dataset_id, t.record_id, t.chunk_index),
    ],
    grants: tableAccess,
  }),
);

/**
 * The record store of document 001. `id` is the caller's key (text, as there); the table is partitioned by
 * month of `created_at`, so the primary key is (id, created_at) and an upsert must name both.
 */
export const storageRecords = table(
  dataPlatform,
  "storage_records",
  {
    id: text().notNull().comment("caller-chosen record key"),
    data: jsonb().notNull(),
    created_at: createdAt().comment("when the record was created; the partition key"),
    updated_at: updatedAt(),
    expires_at: timestamptz().comment("TTL: the record is gone after this time (NULL keeps it)"),
    compressed: boolean().notNull().default(false).comment("data holds a compressed payload"),
    type: varchar(100).comment("record type chosen by the caller"),
    session_id: text(),
    thread_id: text(),
    metadata: jsonb(),
  },
  (t) => ({
    comment: "JSONB record store with TTL expiry, partitioned by month of created_at",
    primaryKey: primaryKey(t.id, t.created_at),
    checks: [check("storage_records_expiry_check", sql`${t.expires_at} IS NULL OR ${t.expires_at} > ${t.created_at}`)],
    indexes: [
      index().on(t.type),
      index().on(t.session_id),
      index().on(t.thread_id),
      index()
        .on(t.expires_at)
        .where(sql`${t.expires_at} IS NOT NULL`)
        .comment("the TTL sweep reads only records that expire"),
      index().on(t.created_at),
      index().using("gin", t.data),
    ],
    partitionBy: byRange(t.created_at),
    partitions: [defaultPartition("storage_records_default", { comment: "rows outside every monthly partition" })],
    partitionTemplate: monthly("storage_records_{YYYY}_{MM}", { premake: 2 }),
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const purgeExpiredStorageRecords = fn(dataPlatform, "purge_expired_storage_records", {
  returns: "bigint",
  // plpgsql: its body is not resolved against tables when the function is created
  language: "plpgsql",
  comment: "TTL sweep: deletes expired storage records and returns how many",
  body: `
DECLARE
  purged bigint;
BEGIN
  DELETE FROM data_platform.storage_records WHERE expires_at <= now();
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END
`,
});

/** RLS: a user sees and writes only their own events. */
export const events = table(
  dataPlatform,
  "events",
  {
    id: partitionedId(),
    user_id: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    event_type: varchar(50).notNull().comment("click, view, purchase, ..."),
    event_data: jsonb(),
    occurred_at: timestamptz().notNull().default(sql`now()`).comment("when it happened, by the client's clock"),
    created_at: createdAt().comment("when it was recorded; the partition key"),
  },
  (t) => ({
    comment: "User activity events, partitioned by month, visible only to their user",
    primaryKey: primaryKey(t.id, t.created_at),
    indexes: [
      index().on(t.user_id, t.created_at.desc()),
      index().on(t.created_at).comment("time ranges within a monthly partition"),
      index("events_user_id_interactions_idx")
        .on(t.user_id, t.occurred_at.desc())
        .where(sql`${t.event_type} IN ('click', 'view', 'purchase')`),
      index().using("gin", t.event_data.op("jsonb_path_ops")),
    ],
    partitionBy: byRange(t.created_at),
    partitions: [defaultPartition("events_default", { comment: "rows outside every monthly partition" })],
    partitionTemplate: monthly("events_{YYYY}_{MM}", { premake: 2 }),
    rowLevelSecurity: "enabled",
    policies: [
      policy("events_select_own", {
        for: "select",
        to: [appRole, readonlyRole],
        using: sql`${t.user_id} = (SELECT ${currentUserId}())`,
      }),
      policy("events_insert_own", {
        for: "insert",
        to: appRole,
        withCheck: sql`${t.user_id} = (SELECT ${currentUserId}())`,
      }),
    ],
    grants: appendOnlyAccess,
  }),
);

export const documentsSearchVector = triggerFunction(
  dataPlatform,
  "documents_search_vector_update",
  `
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('pg_catalog.simple', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('pg_catalog.simple', coalesce(NEW.content, '')), 'B');
  RETURN NEW;
END
`,
  {
    comment:
      "trigger: search_vector from title (weight A) and content (B); 'simple' needs no dictionary, so mixed Chinese/English text works without zhparser",
  },
);

/** RLS: owners read and write their documents; public ones are readable by everyone. */
export const documents = table(
  dataPlatform,
  "documents",
  {
    id: id(),
    owner_id: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: varchar(200).notNull(),
    content: text().notNull(),
    metadata: jsonb(),
    is_public: boolean().notNull().default(false).comment("readable by every user, not only the owner"),
    search_vector: tsvector().comment("maintained by the documents_search_vector trigger"),
    embedding: halfvec(1536).comment("half-precision embedding of the whole document"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Documents with full-text search (tsvector + GIN), fuzzy title search and embeddings",
    indexes: [
      index().on(t.owner_id),
      index().using("gin", t.search_vector),
      index().using("gin", t.metadata.op("jsonb_path_ops")),
      index("documents_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
      index()
        .using("hnsw", t.embedding.op("halfvec_cosine_ops"))
        .with({ m: 16, ef_construction: 64 })
        .comment("approximate nearest neighbours by cosine distance (<=>)"),
    ],
    rowLevelSecurity: "enabled",
    policies: [
      policy("documents_select_visible", {
        for: "select",
        to: [appRole, readonlyRole],
        using: sql`${t.is_public} OR ${t.owner_id} = (SELECT ${currentUserId}())`,
      }),
      policy("documents_insert_own", {
        for: "insert",
        to: appRole,
        withCheck: sql`${t.owner_id} = (SELECT ${currentUserId}())`,
      }),
      policy("documents_update_own", {
        for: "update",
        to: appRole,
        using: sql`${t.owner_id} = (SELECT ${currentUserId}())`,
        withCheck: sql`${t.owner_id} = (SELECT ${currentUserId}())`,
      }),
      policy("documents_delete_own", {
        for: "delete",
        to: appRole,
        using: sql`${t.owner_id} = (SELECT ${currentUserId}())`,
      }),
    ],
    triggers: [
      trigger("documents_search_vector", {
        timing: "before",
        events: ["insert", "update"],
        updateOf: [t.title, t.content],
        level: "row",
        function: documentsSearchVector,
      }),
      touchUpdatedAt(),
    ],
    grants: tableAccess,
  }),
);
