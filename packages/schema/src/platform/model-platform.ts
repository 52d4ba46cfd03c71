/**
 * `model_platform`: the model registry — models, their immutable versions (artifacts), and which version
 * is in production.
 */
import {
  bigint,
  char,
  enumType,
  index,
  integer,
  jsonb,
  schema,
  sql,
  table,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  view,
} from "../dsl/factories.js";
import { algorithms, taskType, trainingJobs } from "./algo-platform.js";
import { organizations, users } from "./auth.js";
import { createdAt, id, touchUpdatedAt, updatedAt } from "./common.js";
import { schemaUsage, tableAccess, viewAccess } from "./roles.js";

export const modelPlatform = schema("model_platform", {
  comment: "Model registry: models, versions and their stages",
  grants: schemaUsage,
});

export const modelStage = enumType(modelPlatform, "model_stage", ["development", "staging", "production", "archived"], {
  comment: "Where a model version is in its release lifecycle",
});

export const models = table(
  modelPlatform,
  "models",
  {
    id: id(),
    organization_id: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: varchar(255).notNull(),
    description: text(),
    task_type: taskType().notNull().default("other"),
    algorithm_id: uuid()
      .references(() => algorithms.id, { onDelete: "set null" })
      .comment("the algorithm the model is trained with, if it came from the platform"),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Registered models, named uniquely within an organization",
    uniques: [unique().on(t.organization_id, t.name)],
    indexes: [index().on(t.algorithm_id), index().on(t.created_by)],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const modelVersions = table(
  modelPlatform,
  "model_versions",
  {
    id: id(),
    model_id: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    version: integer()
      .notNull()
      .check((c) => sql`${c} > 0`)
      .comment("1, 2, 3, ... per model"),
    stage: modelStage().notNull().default("development"),
    training_job_id: uuid().references(() => trainingJobs.id, { onDelete: "set null" }),
    artifact_uri: text().notNull().comment("where the serialized model lives (s3://..., file://...)"),
    artifact_sha256: char(64)
      .check((c) => sql`${c} ~ '^[0-9a-f]{64}$'`)
      .comment("hex SHA-256 of the artifact, checked before serving"),
    size_bytes: bigint().check((c) => sql`${c} >= 0`),
    framework: varchar(50).comment("pytorch, onnx, sklearn, ..."),
    metrics: jsonb().notNull().default("{}").comment("evaluation metrics of this version"),
    signature: jsonb().comment("input and output schema"),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Immutable trained artifacts of a model; at most one per model is in production",
    uniques: [unique().on(t.model_id, t.version)],
    indexes: [
      uniqueIndex("model_versions_one_production_idx")
        .on(t.model_id)
        .where(sql`${t.stage} = 'production'`)
        .comment("at most one production version per model"),
      index().on(t.training_job_id),
      index().on(t.created_by),
    ],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const productionModels = view(
  modelPlatform,
  "production_models",
  sql`SELECT m.id AS model_id, m.organization_id, m.name, v.id AS model_version_id, v.version, v.artifact_uri, v.created_at AS released_at
FROM ${models} m
JOIN ${modelVersions} v ON v.model_id = m.id AND v.stage = 'production'`,
  { comment: "Each model with its production version", grants: viewAccess },
);
