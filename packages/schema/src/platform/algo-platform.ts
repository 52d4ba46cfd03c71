/**
 * `algo_platform`: algorithms and the training jobs that run them on datasets.
 *
 * An `algorithms` row is one version of an algorithm (document 000: UNIQUE (name, version)), so there is no
 * separate versions table; `version` is NOT NULL because PostgreSQL 14 has no NULLS NOT DISTINCT and a
 * nullable version would let "the same" algorithm be registered twice.
 */
import {
  check,
  enumType,
  index,
  jsonb,
  schema,
  sql,
  table,
  text,
  timestamptz,
  unique,
  uuid,
  varchar,
} from "../dsl/factories.js";
import { users } from "./auth.js";
import { createdAt, id, touchUpdatedAt, updatedAt } from "./common.js";
import { datasets } from "./data-platform.js";
import { schemaUsage, tableAccess } from "./roles.js";

export const algoPlatform = schema("algo_platform", {
  comment: "Algorithms (one row per version) and training jobs",
  grants: schemaUsage,
});

export const taskType = enumType(
  algoPlatform,
  "task_type",
  ["classification", "regression", "clustering", "ranking", "generation", "embedding", "detection", "other"],
  { comment: "The kind of problem an algorithm or model solves" },
);

export const jobStatus = enumType(
  algoPlatform,
  "job_status",
  ["queued", "running", "succeeded", "failed", "cancelled"],
  {
    comment: "Lifecycle of a training job; succeeded, failed and cancelled are final",
  },
);

export const algorithms = table(
  algoPlatform,
  "algorithms",
  {
    id: id(),
    name: varchar(255).notNull(),
    description: text(),
    version: varchar(50).notNull().comment("version label, e.g. 1.2.0; one row per (name, version)"),
    task_type: taskType().notNull().default("other"),
    source_code_url: varchar(512),
    parameters_schema: jsonb().comment("JSON Schema of the hyperparameters a training job may pass"),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Algorithm implementations, one row per released version",
    uniques: [unique().on(t.name, t.version)],
    indexes: [index().on(t.created_by)],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const trainingJobs = table(
  algoPlatform,
  "training_jobs",
  {
    id: id(),
    algorithm_id: uuid()
      .notNull()
      .references(() => algorithms.id, { onDelete: "restrict" })
      .comment("an algorithm with jobs cannot be deleted"),
    dataset_id: uuid().references(() => datasets.id, { onDelete: "set null" }),
    status: jobStatus().notNull().default("queued"),
    hyperparameters: jsonb().notNull().default("{}"),
    resources: jsonb().notNull().default("{}").comment("requested GPUs, CPUs, memory"),
    metrics: jsonb().notNull().default("{}").comment("final evaluation metrics"),
    log_uri: text(),
    error_message: text(),
    started_at: timestamptz(),
    finished_at: timestamptz(),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Runs of an algorithm on a dataset that produce model versions",
    checks: [
      check(
        "training_jobs_finished_after_started_check",
        sql`${t.finished_at} IS NULL OR ${t.started_at} IS NULL OR ${t.finished_at} >= ${t.started_at}`,
      ),
    ],
    indexes: [
      index().on(t.algorithm_id),
      index().on(t.dataset_id),
      index("training_jobs_pending_idx")
        .on(t.status, t.created_at)
        .where(sql`${t.status} IN ('queued', 'running')`)
        .comment("the scheduler's queue"),
    ],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);
