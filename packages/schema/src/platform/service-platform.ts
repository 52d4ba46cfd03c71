/**
 * `service_platform`: serving — endpoints, the deployments of model versions behind them, and the request
 * log of document 004.
 */
import {
  boolean,
  byRange,
  check,
  daily,
  defaultPartition,
  enumType,
  index,
  inet,
  integer,
  jsonb,
  real,
  schema,
  smallint,
  sql,
  table,
  text,
  timestamptz,
  unique,
  uuid,
  varchar,
} from "../dsl/factories.js";
import { organizations, users } from "./auth.js";
import { createdAt, id, partitionedId, touchUpdatedAt, updatedAt } from "./common.js";
import { modelVersions } from "./model-platform.js";
import { appendOnlyAccess, schemaUsage, tableAccess } from "./roles.js";

export const servicePlatform = schema("service_platform", {
  comment: "Model serving: endpoints, deployments and request logs",
  grants: schemaUsage,
});

export const deploymentStatus = enumType(
  servicePlatform,
  "deployment_status",
  ["pending", "deploying", "running", "failed", "stopped"],
  { comment: "Lifecycle of a deployment; failed and stopped are final" },
);

export const endpoints = table(
  servicePlatform,
  "endpoints",
  {
    id: id(),
    organization_id: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: varchar(100).notNull(),
    slug: varchar(100)
      .notNull()
      .unique()
      .check((c) => sql`${c} ~ '^[a-z0-9][a-z0-9-]*$'`)
      .comment("the endpoint's URL path segment, unique across the platform"),
    description: text(),
    is_public: boolean().notNull().default(false).comment("callable without an API key"),
    rate_limit_per_minute: integer().check((c) => sql`${c} > 0`),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "Stable inference URLs; deployments behind them come and go",
    uniques: [unique().on(t.organization_id, t.name)],
    indexes: [index().on(t.created_by)],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const deployments = table(
  servicePlatform,
  "deployments",
  {
    id: id(),
    endpoint_id: uuid()
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    model_version_id: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: "restrict" })
      .comment("a deployed model version cannot be deleted"),
    status: deploymentStatus().notNull().default("pending"),
    replicas: integer()
      .notNull()
      .default(1)
      .check((c) => sql`${c} >= 0`),
    traffic_percent: smallint()
      .notNull()
      .default(100)
      .check((c) => sql`${c} BETWEEN 0 AND 100`)
      .comment("share of the endpoint's traffic (canary and blue/green rollouts)"),
    resources: jsonb().notNull().default("{}").comment("CPU, GPU and memory per replica"),
    config: jsonb().notNull().default("{}").comment("runtime settings: batch size, timeouts, ..."),
    deployed_at: timestamptz(),
    stopped_at: timestamptz(),
    created_by: uuid().references(() => users.id, { onDelete: "set null" }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "A model version served behind an endpoint",
    checks: [
      check(
        "deployments_stopped_after_deployed_check",
        sql`${t.stopped_at} IS NULL OR ${t.deployed_at} IS NULL OR ${t.stopped_at} >= ${t.deployed_at}`,
      ),
    ],
    indexes: [
      index("deployments_endpoint_id_active_idx")
        .on(t.endpoint_id)
        .where(sql`${t.status} IN ('pending', 'deploying', 'running')`)
        .comment("what an endpoint routes to"),
      index().on(t.model_version_id),
      index().on(t.created_by),
    ],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

/**
 * Document 004's request log. Not WAL-logged (a crash may lose it; it is rebuilt by nobody) and dropped a
 * day at a time. PostgreSQL 18 refuses an UNLOGGED partitioned table and 14–17 accept one but do not pass
 * it on to partitions, so the parent is a plain partitioned table and every partition is UNLOGGED. No
 * primary key and no foreign keys: both cost every insert, and rows outlive what they point at.
 */
export const requestLogs = table(
  servicePlatform,
  "request_logs",
  {
    id: partitionedId(),
    created_at: createdAt().comment("when the request arrived; the partition key"),
    endpoint_id: uuid().comment("the endpoint called, if any (no foreign key: logs outlive endpoints)"),
    api_key_id: uuid().comment("the API key used, if any"),
    user_id: uuid().comment("the authenticated user, if any (auth of the original schema)"),
    url: text().notNull(),
    method: varchar(10).notNull(),
    status: integer().comment("HTTP status code"),
    remote_ip: inet(),
    user_agent: text(),
    referer: text(),
    duration_ms: real(),
    meta: jsonb(),
  },
  (t) => ({
    comment: "HTTP request log: UNLOGGED daily partitions, written in batches, dropped by the day",
    indexes: [
      index().on(t.created_at),
      index("request_logs_user_id_idx").on(t.user_id).where(sql`${t.user_id} IS NOT NULL`),
      index("request_logs_errors_idx").on(t.status).where(sql`${t.status} >= 400`).comment("errors only"),
      index().on(t.endpoint_id, t.created_at),
    ],
    partitionBy: byRange(t.created_at),
    partitions: [
      defaultPartition("request_logs_default", { unlogged: true, comment: "rows outside every daily partition" }),
    ],
    partitionTemplate: daily("request_logs_{YYYY}{MM}{DD}", { premake: 3, retain: 14, unlogged: true }),
    grants: appendOnlyAccess,
  }),
);
