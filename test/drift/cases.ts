/**
 * Out-of-band changes to a database built from the platform declarations, as data: the SQL someone ran
 * by hand, and the drift `verify` must report for it (code and exact object path, nothing else).
 * `declare`/`setup` add an object to the declarations and create it first, for kinds the platform
 * itself does not use (sequences). Every case runs in a transaction that is rolled back.
 */
import type { Catalog } from "@platform/schema";

export interface DriftCase {
  readonly name: string;
  /** the out-of-band change */
  readonly sql: string;
  /** every drift verify reports, as `code path` */
  readonly expect: readonly string[];
  /** extra declarations (and `setup`, the SQL that creates them as declared) */
  readonly declare?: (catalog: Catalog) => Catalog;
  readonly setup?: string;
}

const withSequence = (catalog: Catalog): Catalog => ({
  ...catalog,
  sequences: [...catalog.sequences, { schema: "public", name: "sample_seq", type: "bigint" }],
});

export const driftCases: readonly DriftCase[] = [
  {
    name: "dropped index",
    sql: "DROP INDEX auth.users_organization_id_idx",
    expect: ["index_missing auth.users.users_organization_id_idx"],
  },
  {
    name: "changed default",
    sql: "ALTER TABLE auth.groups ALTER COLUMN description SET DEFAULT 'none'",
    expect: ["column_default_changed auth.groups.description"],
  },
  {
    name: "default dropped",
    sql: "ALTER TABLE data_platform.documents ALTER COLUMN is_public DROP DEFAULT",
    expect: ["column_default_changed data_platform.documents.is_public"],
  },
  {
    name: "row level security disabled",
    sql: "ALTER TABLE data_platform.documents DISABLE ROW LEVEL SECURITY",
    expect: ["table_rls_changed data_platform.documents"],
  },
  {
    name: "policy altered",
    sql: "ALTER POLICY documents_select_visible ON data_platform.documents USING (is_public)",
    expect: ["policy_definition_changed data_platform.documents.documents_select_visible"],
  },
  {
    name: "policy dropped",
    sql: "DROP POLICY events_select_own ON data_platform.events",
    expect: ["policy_missing data_platform.events.events_select_own"],
  },
  {
    name: "extra column",
    sql: "ALTER TABLE auth.groups ADD COLUMN legacy_code text",
    expect: ["column_unexpected auth.groups.legacy_code"],
  },
  {
    name: "collation changed",
    sql: `ALTER TABLE auth.groups ALTER COLUMN name TYPE character varying(150) COLLATE "C"`,
    expect: ["column_collation_changed auth.groups.name"],
  },
  {
    name: "partition detached",
    sql: "ALTER TABLE data_platform.events DETACH PARTITION data_platform.events_default",
    expect: ["partition_missing data_platform.events_default", "table_unexpected data_platform.events_default"],
  },
  {
    name: "grant revoked",
    sql: "REVOKE SELECT ON auth.users FROM readonly_role",
    expect: ["grant_missing auth.users"],
  },
  {
    name: "extra grant",
    sql: "GRANT DELETE ON data_platform.events TO readonly_role",
    expect: ["grant_unexpected data_platform.events"],
  },
  {
    name: "function body edited",
    sql: `CREATE OR REPLACE FUNCTION public.json_valid(text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT
            AS $$ BEGIN RETURN true; END $$`,
    expect: ["function_definition_changed public.json_valid(text)"],
  },
  {
    name: "check constraint dropped",
    sql: "ALTER TABLE data_platform.datasets DROP CONSTRAINT datasets_row_count_check",
    expect: ["check_constraint_missing data_platform.datasets.datasets_row_count_check"],
  },
  {
    name: "check expression changed",
    sql: `ALTER TABLE service_platform.deployments DROP CONSTRAINT deployments_replicas_check,
            ADD CONSTRAINT deployments_replicas_check CHECK (replicas >= 1)`,
    expect: ["check_constraint_changed service_platform.deployments.deployments_replicas_check"],
  },
  {
    name: "column type changed",
    sql: "ALTER TABLE data_platform.datasets ALTER COLUMN format TYPE character varying(80)",
    expect: ["column_type_changed data_platform.datasets.format"],
  },
  {
    name: "NOT NULL dropped",
    sql: "ALTER TABLE auth.organizations ALTER COLUMN slug DROP NOT NULL",
    expect: ["column_not_null_changed auth.organizations.slug"],
  },
  {
    name: "enum value added",
    sql: "ALTER TYPE auth.member_role ADD VALUE 'guest'",
    expect: ["enum_values_changed auth.member_role"],
  },
  {
    name: "trigger dropped",
    sql: "DROP TRIGGER set_updated_at ON auth.groups",
    expect: ["trigger_missing auth.groups.set_updated_at"],
  },
  {
    name: "trigger disabled",
    sql: "ALTER TABLE data_platform.documents DISABLE TRIGGER documents_search_vector",
    expect: ["trigger_disabled data_platform.documents.documents_search_vector"],
  },
  {
    name: "view redefined",
    sql: `CREATE OR REPLACE VIEW model_platform.production_models AS
            SELECT m.id AS model_id, m.organization_id, m.name, v.id AS model_version_id, v.version, v.artifact_uri,
                   v.created_at AS released_at
              FROM model_platform.models m
              JOIN model_platform.model_versions v ON v.model_id = m.id AND v.stage = 'staging'`,
    expect: ["view_definition_changed model_platform.production_models"],
  },
  {
    name: "materialized view index dropped",
    sql: "DROP INDEX monitoring.daily_stats_day_node_id_idx",
    expect: ["index_missing monitoring.daily_stats.daily_stats_day_node_id_idx"],
  },
  {
    name: "comment changed",
    sql: "COMMENT ON TABLE auth.users IS 'edited by hand'",
    expect: ["comment_text_changed auth.users"],
  },
  {
    name: "column comment removed",
    sql: "COMMENT ON COLUMN data_platform.events.event_type IS NULL",
    expect: ["comment_text_changed data_platform.events.event_type"],
  },
  {
    name: "extra table",
    sql: "CREATE TABLE auth.scratch_notes (id integer PRIMARY KEY, note text)",
    expect: ["table_unexpected auth.scratch_notes"],
  },
  {
    name: "extra index",
    sql: "CREATE INDEX groups_name_idx ON auth.groups (name)",
    expect: ["index_unexpected auth.groups.groups_name_idx"],
  },
  {
    name: "extra schema",
    sql: "CREATE SCHEMA scratch",
    expect: ["schema_unexpected scratch"],
  },
  {
    name: "function created again by hand (argument renamed, grants lost, comment restored)",
    sql: `DROP FUNCTION public.json_valid(text);
          CREATE FUNCTION public.json_valid(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT true $$;
          COMMENT ON FUNCTION public.json_valid(text) IS 'true when the argument is valid JSON (storable as jsonb), false otherwise; never raises'`,
    expect: [
      "function_changed public.json_valid(text)",
      "grant_missing public.json_valid(text)",
      "grant_missing public.json_valid(text)",
    ],
  },
  {
    name: "sequence changed",
    declare: withSequence,
    setup: "CREATE SEQUENCE public.sample_seq AS bigint",
    sql: "ALTER SEQUENCE public.sample_seq INCREMENT BY 5",
    expect: ["sequence_options_changed public.sample_seq"],
  },
  {
    name: "role membership granted",
    sql: "GRANT readonly_role TO app_role",
    expect: ["role_attributes_changed app_role"],
  },
  {
    name: "default privileges revoked",
    sql: "ALTER DEFAULT PRIVILEGES IN SCHEMA auth REVOKE SELECT ON TABLES FROM readonly_role",
    expect: ["default_privilege_missing auth.tables.readonly_role"],
  },
  {
    name: "foreign key action changed",
    sql: `ALTER TABLE data_platform.datasets DROP CONSTRAINT datasets_created_by_fkey,
            ADD CONSTRAINT datasets_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE CASCADE`,
    expect: ["foreign_key_changed data_platform.datasets.datasets_created_by_fkey"],
  },
  {
    name: "index storage parameter changed",
    sql: "ALTER INDEX auth.users_organization_id_idx SET (fillfactor = 70)",
    expect: ["index_changed auth.users.users_organization_id_idx"],
  },
  {
    name: "table set UNLOGGED",
    sql: "ALTER TABLE data_platform.text_embeddings SET UNLOGGED",
    expect: ["table_persistence_changed data_platform.text_embeddings"],
  },
  {
    name: "partition set LOGGED",
    sql: "ALTER TABLE monitoring.metrics_default SET LOGGED",
    expect: ["partition_persistence_changed monitoring.metrics_default"],
  },
  {
    name: "partition outside the template",
    sql: `CREATE TABLE data_platform.events_2026_01 PARTITION OF data_platform.events
            FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-01-15 00:00:00+00')`,
    expect: ["partition_unexpected data_platform.events_2026_01"],
  },
];
