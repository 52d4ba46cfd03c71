-- schemas
CREATE SCHEMA algo_platform;
CREATE SCHEMA auth;
CREATE SCHEMA data_platform;
CREATE SCHEMA model_platform;
CREATE SCHEMA monitoring;
CREATE SCHEMA service_platform;

-- extensions
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

-- roles
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_role') THEN
    CREATE ROLE app_role NOLOGIN INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'readonly_role') THEN
    CREATE ROLE readonly_role NOLOGIN INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;

-- collations
CREATE COLLATION public.nocase (provider = icu, locale = '@colStrength=secondary', deterministic = false);

-- enums
CREATE TYPE algo_platform.job_status AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');
CREATE TYPE algo_platform.task_type AS ENUM ('classification', 'regression', 'clustering', 'ranking', 'generation', 'embedding', 'detection', 'other');
CREATE TYPE auth.member_role AS ENUM ('owner', 'admin', 'member', 'viewer');
CREATE TYPE model_platform.model_stage AS ENUM ('development', 'staging', 'production', 'archived');
CREATE TYPE service_platform.deployment_status AS ENUM ('pending', 'deploying', 'running', 'failed', 'stopped');

-- functions
SET check_function_bodies = false;
CREATE FUNCTION auth.current_user_id()
  RETURNS uuid
  LANGUAGE sql
  STABLE
AS $function$SELECT nullif(current_setting('app.current_user_id', true), '')::uuid$function$;
CREATE FUNCTION data_platform.documents_search_vector_update()
  RETURNS trigger
  LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('pg_catalog.simple', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('pg_catalog.simple', coalesce(NEW.content, '')), 'B');
  RETURN NEW;
END
$function$;
CREATE FUNCTION data_platform.purge_expired_storage_records()
  RETURNS bigint
  LANGUAGE plpgsql
AS $function$
DECLARE
  purged bigint;
BEGIN
  DELETE FROM data_platform.storage_records WHERE expires_at <= now();
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END
$function$;
CREATE FUNCTION public.json_valid(text)
  RETURNS boolean
  LANGUAGE plpgsql
  IMMUTABLE STRICT
AS $function$
BEGIN
  PERFORM $1::jsonb;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END
$function$;
CREATE FUNCTION public.set_updated_at()
  RETURNS trigger
  LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$function$;
CREATE FUNCTION public.uuid_generate_v7()
  RETURNS uuid
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $function$
DECLARE
  now_ms numeric := extract(epoch FROM clock_timestamp()) * 1000;
  ms bigint := floor(now_ms);
  sub_ms integer := floor((now_ms - floor(now_ms)) * 4096);
  last text[] := string_to_array(nullif(current_setting('platform.uuid_v7_last', true), ''), ':');
  bytes bytea := uuid_send(gen_random_uuid());
BEGIN
  IF last IS NOT NULL AND (ms < last[1]::bigint OR (ms = last[1]::bigint AND sub_ms <= last[2]::integer)) THEN
    ms := last[1]::bigint;
    sub_ms := last[2]::integer + 1;
    IF sub_ms > 4095 THEN
      ms := ms + 1;
      sub_ms := 0;
    END IF;
  END IF;
  PERFORM set_config('platform.uuid_v7_last', ms || ':' || sub_ms, false);
  bytes := overlay(bytes PLACING substring(int8send(ms) FROM 3) FROM 1 FOR 6);
  bytes := set_byte(bytes, 6, 112 | (sub_ms >> 8));
  bytes := set_byte(bytes, 7, sub_ms & 255);
  -- byte 8 keeps gen_random_uuid()'s variant bits 10xxxxxx
  RETURN encode(bytes, 'hex')::uuid;
END
$function$;
RESET check_function_bodies;

-- tables
CREATE TABLE algo_platform.algorithms (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  name character varying(255) NOT NULL,
  description text,
  version character varying(50) NOT NULL,
  task_type algo_platform.task_type DEFAULT 'other'::algo_platform.task_type NOT NULL,
  source_code_url character varying(512),
  parameters_schema jsonb,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT algorithms_pkey PRIMARY KEY (id),
  CONSTRAINT algorithms_name_version_key UNIQUE (name, version)
);
CREATE TABLE algo_platform.training_jobs (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  algorithm_id uuid NOT NULL,
  dataset_id uuid,
  status algo_platform.job_status DEFAULT 'queued'::algo_platform.job_status NOT NULL,
  hyperparameters jsonb DEFAULT '{}'::jsonb NOT NULL,
  resources jsonb DEFAULT '{}'::jsonb NOT NULL,
  metrics jsonb DEFAULT '{}'::jsonb NOT NULL,
  log_uri text,
  error_message text,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT training_jobs_pkey PRIMARY KEY (id),
  CONSTRAINT training_jobs_finished_after_started_check CHECK (finished_at IS NULL OR started_at IS NULL OR finished_at >= started_at)
);
CREATE TABLE auth.api_keys (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  user_id uuid NOT NULL,
  organization_id uuid,
  name character varying(100) NOT NULL,
  key_prefix character varying(16) NOT NULL,
  key_hash bytea NOT NULL,
  scopes text[] DEFAULT '{}'::text[] NOT NULL,
  expires_at timestamp with time zone,
  last_used_at timestamp with time zone,
  revoked_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT api_keys_pkey PRIMARY KEY (id),
  CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
  CONSTRAINT api_keys_key_prefix_key UNIQUE (key_prefix),
  CONSTRAINT api_keys_key_hash_check CHECK (octet_length(key_hash) = 32)
);
CREATE TABLE auth.group_memberships (
  group_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT group_memberships_pkey PRIMARY KEY (group_id, user_id)
);
CREATE TABLE auth.groups (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  name character varying(150) NOT NULL,
  description text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT groups_pkey PRIMARY KEY (id),
  CONSTRAINT groups_name_key UNIQUE (name)
);
CREATE TABLE auth.organizations (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  name character varying(200) NOT NULL,
  slug character varying(100) NOT NULL,
  settings jsonb DEFAULT '{}'::jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT organizations_pkey PRIMARY KEY (id),
  CONSTRAINT organizations_slug_key UNIQUE (slug),
  CONSTRAINT organizations_slug_check CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$')
);
CREATE TABLE auth.users (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  organization_id uuid,
  username character varying(150) COLLATE public.nocase NOT NULL,
  email character varying(254) COLLATE public.nocase NOT NULL,
  password_hash character varying(255) NOT NULL,
  first_name character varying(150),
  last_name character varying(150),
  role auth.member_role DEFAULT 'member'::auth.member_role NOT NULL,
  is_active boolean DEFAULT true NOT NULL,
  is_superuser boolean DEFAULT false NOT NULL,
  profile jsonb,
  last_login timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_username_key UNIQUE (username)
);
CREATE TABLE data_platform.data_sources (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  name character varying(200) NOT NULL,
  description text,
  source_type character varying(50) NOT NULL,
  connection_info jsonb NOT NULL,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  is_active boolean DEFAULT true NOT NULL,
  CONSTRAINT data_sources_pkey PRIMARY KEY (id),
  CONSTRAINT data_sources_connection_info_check CHECK (jsonb_typeof(connection_info) = 'object')
);
CREATE TABLE data_platform.datasets (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  data_source_id uuid,
  name character varying(200) NOT NULL,
  description text,
  format character varying(50),
  schema_definition jsonb,
  row_count bigint,
  size_bytes bigint,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT datasets_pkey PRIMARY KEY (id),
  CONSTRAINT datasets_row_count_check CHECK (row_count >= 0),
  CONSTRAINT datasets_size_bytes_check CHECK (size_bytes >= 0)
);
CREATE TABLE data_platform.documents (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  owner_id uuid NOT NULL,
  title character varying(200) NOT NULL,
  content text NOT NULL,
  metadata jsonb,
  is_public boolean DEFAULT false NOT NULL,
  search_vector tsvector,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT documents_pkey PRIMARY KEY (id)
);
CREATE TABLE data_platform.events (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  user_id uuid NOT NULL,
  event_type character varying(50) NOT NULL,
  event_data jsonb,
  occurred_at timestamp with time zone DEFAULT now() NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE data_platform.storage_records (
  id text NOT NULL,
  data jsonb NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  expires_at timestamp with time zone,
  compressed boolean DEFAULT false NOT NULL,
  type character varying(100),
  session_id text,
  thread_id text,
  metadata jsonb,
  CONSTRAINT storage_records_pkey PRIMARY KEY (id, created_at),
  CONSTRAINT storage_records_expiry_check CHECK (expires_at IS NULL OR expires_at > created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE data_platform.text_embeddings (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  dataset_id uuid,
  record_id character varying(100),
  chunk_index integer DEFAULT 0 NOT NULL,
  text_content text,
  model character varying(100) DEFAULT 'text-embedding-ada-002'::character varying NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT text_embeddings_pkey PRIMARY KEY (id),
  CONSTRAINT text_embeddings_chunk_index_check CHECK (chunk_index >= 0)
);
CREATE TABLE model_platform.model_versions (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  model_id uuid NOT NULL,
  version integer NOT NULL,
  stage model_platform.model_stage DEFAULT 'development'::model_platform.model_stage NOT NULL,
  training_job_id uuid,
  artifact_uri text NOT NULL,
  artifact_sha256 character(64),
  size_bytes bigint,
  framework character varying(50),
  metrics jsonb DEFAULT '{}'::jsonb NOT NULL,
  signature jsonb,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT model_versions_pkey PRIMARY KEY (id),
  CONSTRAINT model_versions_model_id_version_key UNIQUE (model_id, version),
  CONSTRAINT model_versions_artifact_sha256_check CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT model_versions_size_bytes_check CHECK (size_bytes >= 0),
  CONSTRAINT model_versions_version_check CHECK (version > 0)
);
CREATE TABLE model_platform.models (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  organization_id uuid NOT NULL,
  name character varying(255) NOT NULL,
  description text,
  task_type algo_platform.task_type DEFAULT 'other'::algo_platform.task_type NOT NULL,
  algorithm_id uuid,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT models_pkey PRIMARY KEY (id),
  CONSTRAINT models_organization_id_name_key UNIQUE (organization_id, name)
);
CREATE TABLE monitoring.metrics (
  recorded_at timestamp with time zone NOT NULL,
  node_id text NOT NULL,
  sys_mem_mb integer,
  go_routines integer,
  db_open_conns integer,
  db_wait_count integer,
  extra jsonb
) PARTITION BY RANGE (recorded_at);
CREATE TABLE service_platform.deployments (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  endpoint_id uuid NOT NULL,
  model_version_id uuid NOT NULL,
  status service_platform.deployment_status DEFAULT 'pending'::service_platform.deployment_status NOT NULL,
  replicas integer DEFAULT 1 NOT NULL,
  traffic_percent smallint DEFAULT 100 NOT NULL,
  resources jsonb DEFAULT '{}'::jsonb NOT NULL,
  config jsonb DEFAULT '{}'::jsonb NOT NULL,
  deployed_at timestamp with time zone,
  stopped_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT deployments_pkey PRIMARY KEY (id),
  CONSTRAINT deployments_replicas_check CHECK (replicas >= 0),
  CONSTRAINT deployments_stopped_after_deployed_check CHECK (stopped_at IS NULL OR deployed_at IS NULL OR stopped_at >= deployed_at),
  CONSTRAINT deployments_traffic_percent_check CHECK (traffic_percent BETWEEN 0 AND 100)
);
CREATE TABLE service_platform.endpoints (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  organization_id uuid NOT NULL,
  name character varying(100) NOT NULL,
  slug character varying(100) NOT NULL,
  description text,
  is_public boolean DEFAULT false NOT NULL,
  rate_limit_per_minute integer,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT endpoints_pkey PRIMARY KEY (id),
  CONSTRAINT endpoints_organization_id_name_key UNIQUE (organization_id, name),
  CONSTRAINT endpoints_slug_key UNIQUE (slug),
  CONSTRAINT endpoints_rate_limit_per_minute_check CHECK (rate_limit_per_minute > 0),
  CONSTRAINT endpoints_slug_check CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$')
);
CREATE TABLE service_platform.request_logs (
  id uuid DEFAULT public.uuid_generate_v7() NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  endpoint_id uuid,
  api_key_id uuid,
  user_id uuid,
  url text NOT NULL,
  method character varying(10) NOT NULL,
  status integer,
  remote_ip inet,
  user_agent text,
  referer text,
  duration_ms real,
  meta jsonb
) PARTITION BY RANGE (created_at);

-- partitions
CREATE TABLE data_platform.events_default PARTITION OF data_platform.events DEFAULT;
CREATE TABLE data_platform.storage_records_default PARTITION OF data_platform.storage_records DEFAULT;
CREATE UNLOGGED TABLE monitoring.metrics_default PARTITION OF monitoring.metrics DEFAULT;
CREATE UNLOGGED TABLE service_platform.request_logs_default PARTITION OF service_platform.request_logs DEFAULT;

-- indexes
CREATE INDEX algorithms_created_by_idx ON algo_platform.algorithms USING btree (created_by);
CREATE INDEX training_jobs_algorithm_id_idx ON algo_platform.training_jobs USING btree (algorithm_id);
CREATE INDEX training_jobs_dataset_id_idx ON algo_platform.training_jobs USING btree (dataset_id);
CREATE INDEX training_jobs_pending_idx ON algo_platform.training_jobs USING btree (status, created_at) WHERE (status IN ('queued', 'running'));
CREATE INDEX api_keys_user_id_active_idx ON auth.api_keys USING btree (user_id) WHERE (revoked_at IS NULL);
CREATE INDEX group_memberships_user_id_idx ON auth.group_memberships USING btree (user_id);
CREATE INDEX users_email_domain_idx ON auth.users USING btree ((lower(split_part(email COLLATE "C", '@', 2))));
CREATE INDEX users_organization_id_idx ON auth.users USING btree (organization_id);
CREATE INDEX users_profile_idx ON auth.users USING gin (profile jsonb_path_ops);
CREATE INDEX data_sources_created_by_idx ON data_platform.data_sources USING btree (created_by);
CREATE INDEX datasets_created_by_idx ON data_platform.datasets USING btree (created_by);
CREATE INDEX datasets_data_source_id_idx ON data_platform.datasets USING btree (data_source_id);
CREATE INDEX documents_metadata_idx ON data_platform.documents USING gin (metadata jsonb_path_ops);
CREATE INDEX documents_owner_id_idx ON data_platform.documents USING btree (owner_id);
CREATE INDEX documents_search_vector_idx ON data_platform.documents USING gin (search_vector);
CREATE INDEX documents_title_trgm_idx ON data_platform.documents USING gin (title gin_trgm_ops);
CREATE INDEX events_created_at_idx ON data_platform.events USING btree (created_at);
CREATE INDEX events_event_data_idx ON data_platform.events USING gin (event_data jsonb_path_ops);
CREATE INDEX events_user_id_created_at_idx ON data_platform.events USING btree (user_id, created_at DESC);
CREATE INDEX events_user_id_interactions_idx ON data_platform.events USING btree (user_id, occurred_at DESC) WHERE (event_type IN ('click', 'view', 'purchase'));
CREATE INDEX storage_records_created_at_idx ON data_platform.storage_records USING btree (created_at);
CREATE INDEX storage_records_data_idx ON data_platform.storage_records USING gin (data);
CREATE INDEX storage_records_expires_at_idx ON data_platform.storage_records USING btree (expires_at) WHERE (expires_at IS NOT NULL);
CREATE INDEX storage_records_session_id_idx ON data_platform.storage_records USING btree (session_id);
CREATE INDEX storage_records_thread_id_idx ON data_platform.storage_records USING btree (thread_id);
CREATE INDEX storage_records_type_idx ON data_platform.storage_records USING btree (type);
CREATE INDEX text_embeddings_dataset_id_record_id_chunk_index_idx ON data_platform.text_embeddings USING btree (dataset_id, record_id, chunk_index);
CREATE INDEX model_versions_created_by_idx ON model_platform.model_versions USING btree (created_by);
CREATE UNIQUE INDEX model_versions_one_production_idx ON model_platform.model_versions USING btree (model_id) WHERE (stage = 'production');
CREATE INDEX model_versions_training_job_id_idx ON model_platform.model_versions USING btree (training_job_id);
CREATE INDEX models_algorithm_id_idx ON model_platform.models USING btree (algorithm_id);
CREATE INDEX models_created_by_idx ON model_platform.models USING btree (created_by);
CREATE INDEX metrics_node_id_recorded_at_idx ON monitoring.metrics USING btree (node_id, recorded_at DESC);
CREATE INDEX metrics_recorded_at_brin_idx ON monitoring.metrics USING brin (recorded_at) WITH (pages_per_range = 32);
CREATE INDEX deployments_created_by_idx ON service_platform.deployments USING btree (created_by);
CREATE INDEX deployments_endpoint_id_active_idx ON service_platform.deployments USING btree (endpoint_id) WHERE (status IN ('pending', 'deploying', 'running'));
CREATE INDEX deployments_model_version_id_idx ON service_platform.deployments USING btree (model_version_id);
CREATE INDEX endpoints_created_by_idx ON service_platform.endpoints USING btree (created_by);
CREATE INDEX request_logs_created_at_idx ON service_platform.request_logs USING btree (created_at);
CREATE INDEX request_logs_endpoint_id_created_at_idx ON service_platform.request_logs USING btree (endpoint_id, created_at);
CREATE INDEX request_logs_errors_idx ON service_platform.request_logs USING btree (status) WHERE (status >= 400);
CREATE INDEX request_logs_user_id_idx ON service_platform.request_logs USING btree (user_id) WHERE (user_id IS NOT NULL);

-- foreign keys
ALTER TABLE algo_platform.algorithms ADD CONSTRAINT algorithms_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE algo_platform.training_jobs ADD CONSTRAINT training_jobs_algorithm_id_fkey FOREIGN KEY (algorithm_id) REFERENCES algo_platform.algorithms (id) ON DELETE RESTRICT;
ALTER TABLE algo_platform.training_jobs ADD CONSTRAINT training_jobs_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE algo_platform.training_jobs ADD CONSTRAINT training_jobs_dataset_id_fkey FOREIGN KEY (dataset_id) REFERENCES data_platform.datasets (id) ON DELETE SET NULL;
ALTER TABLE auth.api_keys ADD CONSTRAINT api_keys_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES auth.organizations (id) ON DELETE CASCADE;
ALTER TABLE auth.api_keys ADD CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE;
ALTER TABLE auth.group_memberships ADD CONSTRAINT group_memberships_group_id_fkey FOREIGN KEY (group_id) REFERENCES auth.groups (id) ON DELETE CASCADE;
ALTER TABLE auth.group_memberships ADD CONSTRAINT group_memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE;
ALTER TABLE auth.users ADD CONSTRAINT users_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES auth.organizations (id) ON DELETE SET NULL;
ALTER TABLE data_platform.data_sources ADD CONSTRAINT data_sources_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE data_platform.datasets ADD CONSTRAINT datasets_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE data_platform.datasets ADD CONSTRAINT datasets_data_source_id_fkey FOREIGN KEY (data_source_id) REFERENCES data_platform.data_sources (id) ON DELETE SET NULL;
ALTER TABLE data_platform.documents ADD CONSTRAINT documents_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES auth.users (id) ON DELETE CASCADE;
ALTER TABLE data_platform.events ADD CONSTRAINT events_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE;
ALTER TABLE data_platform.text_embeddings ADD CONSTRAINT text_embeddings_dataset_id_fkey FOREIGN KEY (dataset_id) REFERENCES data_platform.datasets (id) ON DELETE CASCADE;
ALTER TABLE model_platform.model_versions ADD CONSTRAINT model_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE model_platform.model_versions ADD CONSTRAINT model_versions_model_id_fkey FOREIGN KEY (model_id) REFERENCES model_platform.models (id) ON DELETE CASCADE;
ALTER TABLE model_platform.model_versions ADD CONSTRAINT model_versions_training_job_id_fkey FOREIGN KEY (training_job_id) REFERENCES algo_platform.training_jobs (id) ON DELETE SET NULL;
ALTER TABLE model_platform.models ADD CONSTRAINT models_algorithm_id_fkey FOREIGN KEY (algorithm_id) REFERENCES algo_platform.algorithms (id) ON DELETE SET NULL;
ALTER TABLE model_platform.models ADD CONSTRAINT models_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE model_platform.models ADD CONSTRAINT models_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES auth.organizations (id) ON DELETE CASCADE;
ALTER TABLE service_platform.deployments ADD CONSTRAINT deployments_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE service_platform.deployments ADD CONSTRAINT deployments_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES service_platform.endpoints (id) ON DELETE CASCADE;
ALTER TABLE service_platform.deployments ADD CONSTRAINT deployments_model_version_id_fkey FOREIGN KEY (model_version_id) REFERENCES model_platform.model_versions (id) ON DELETE RESTRICT;
ALTER TABLE service_platform.endpoints ADD CONSTRAINT endpoints_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users (id) ON DELETE SET NULL;
ALTER TABLE service_platform.endpoints ADD CONSTRAINT endpoints_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES auth.organizations (id) ON DELETE CASCADE;

-- views
CREATE VIEW model_platform.production_models AS
SELECT m.id AS model_id, m.organization_id, m.name, v.id AS model_version_id, v.version, v.artifact_uri, v.created_at AS released_at
FROM model_platform.models m
JOIN model_platform.model_versions v ON v.model_id = m.id AND v.stage = 'production';
CREATE MATERIALIZED VIEW monitoring.daily_stats AS
SELECT (m.recorded_at AT TIME ZONE 'UTC')::date AS day,
  m.node_id,
  count(*) AS samples,
  avg(m.sys_mem_mb) AS avg_mem,
  max(m.sys_mem_mb) AS max_mem,
  avg(m.go_routines) AS avg_goroutines,
  max(m.db_open_conns) AS max_conns
FROM monitoring.metrics m
GROUP BY 1, 2
WITH DATA;
CREATE UNIQUE INDEX daily_stats_day_node_id_idx ON monitoring.daily_stats USING btree (day, node_id);

-- triggers
CREATE TRIGGER set_updated_at BEFORE UPDATE ON algo_platform.algorithms FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON algo_platform.training_jobs FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON auth.groups FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON auth.organizations FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON auth.users FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON data_platform.data_sources FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON data_platform.datasets FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER documents_search_vector BEFORE INSERT OR UPDATE OF title, content ON data_platform.documents FOR EACH ROW EXECUTE FUNCTION data_platform.documents_search_vector_update();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON data_platform.documents FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON data_platform.storage_records FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON model_platform.model_versions FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON model_platform.models FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON service_platform.deployments FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON service_platform.endpoints FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.set_updated_at();

-- row level security
ALTER TABLE data_platform.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_delete_own ON data_platform.documents AS PERMISSIVE FOR DELETE TO app_role USING (owner_id = (SELECT auth.current_user_id()));
CREATE POLICY documents_insert_own ON data_platform.documents AS PERMISSIVE FOR INSERT TO app_role WITH CHECK (owner_id = (SELECT auth.current_user_id()));
CREATE POLICY documents_select_visible ON data_platform.documents AS PERMISSIVE FOR SELECT TO app_role, readonly_role USING (is_public OR owner_id = (SELECT auth.current_user_id()));
CREATE POLICY documents_update_own ON data_platform.documents AS PERMISSIVE FOR UPDATE TO app_role USING (owner_id = (SELECT auth.current_user_id())) WITH CHECK (owner_id = (SELECT auth.current_user_id()));
ALTER TABLE data_platform.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_insert_own ON data_platform.events AS PERMISSIVE FOR INSERT TO app_role WITH CHECK (user_id = (SELECT auth.current_user_id()));
CREATE POLICY events_select_own ON data_platform.events AS PERMISSIVE FOR SELECT TO app_role, readonly_role USING (user_id = (SELECT auth.current_user_id()));

-- grants
GRANT USAGE ON SCHEMA algo_platform TO app_role;
GRANT USAGE ON SCHEMA algo_platform TO readonly_role;
GRANT USAGE ON SCHEMA auth TO app_role;
GRANT USAGE ON SCHEMA auth TO readonly_role;
GRANT USAGE ON SCHEMA data_platform TO app_role;
GRANT USAGE ON SCHEMA data_platform TO readonly_role;
GRANT USAGE ON SCHEMA model_platform TO app_role;
GRANT USAGE ON SCHEMA model_platform TO readonly_role;
GRANT USAGE ON SCHEMA monitoring TO app_role;
GRANT USAGE ON SCHEMA monitoring TO readonly_role;
GRANT USAGE ON SCHEMA service_platform TO app_role;
GRANT USAGE ON SCHEMA service_platform TO readonly_role;
GRANT EXECUTE ON FUNCTION auth.current_user_id() TO app_role;
GRANT EXECUTE ON FUNCTION auth.current_user_id() TO readonly_role;
GRANT EXECUTE ON FUNCTION public.json_valid(text) TO app_role;
GRANT EXECUTE ON FUNCTION public.json_valid(text) TO readonly_role;
GRANT EXECUTE ON FUNCTION public.uuid_generate_v7() TO app_role;
GRANT EXECUTE ON FUNCTION public.uuid_generate_v7() TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE algo_platform.algorithms TO app_role;
GRANT SELECT ON TABLE algo_platform.algorithms TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE algo_platform.training_jobs TO app_role;
GRANT SELECT ON TABLE algo_platform.training_jobs TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE auth.api_keys TO app_role;
GRANT SELECT ON TABLE auth.api_keys TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE auth.group_memberships TO app_role;
GRANT SELECT ON TABLE auth.group_memberships TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE auth.groups TO app_role;
GRANT SELECT ON TABLE auth.groups TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE auth.organizations TO app_role;
GRANT SELECT ON TABLE auth.organizations TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE auth.users TO app_role;
GRANT SELECT ON TABLE auth.users TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE data_platform.data_sources TO app_role;
GRANT SELECT ON TABLE data_platform.data_sources TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE data_platform.datasets TO app_role;
GRANT SELECT ON TABLE data_platform.datasets TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE data_platform.documents TO app_role;
GRANT SELECT ON TABLE data_platform.documents TO readonly_role;
GRANT INSERT, SELECT ON TABLE data_platform.events TO app_role;
GRANT SELECT ON TABLE data_platform.events TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE data_platform.storage_records TO app_role;
GRANT SELECT ON TABLE data_platform.storage_records TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE data_platform.text_embeddings TO app_role;
GRANT SELECT ON TABLE data_platform.text_embeddings TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE model_platform.model_versions TO app_role;
GRANT SELECT ON TABLE model_platform.model_versions TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE model_platform.models TO app_role;
GRANT SELECT ON TABLE model_platform.models TO readonly_role;
GRANT INSERT, SELECT ON TABLE monitoring.metrics TO app_role;
GRANT SELECT ON TABLE monitoring.metrics TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE service_platform.deployments TO app_role;
GRANT SELECT ON TABLE service_platform.deployments TO readonly_role;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE service_platform.endpoints TO app_role;
GRANT SELECT ON TABLE service_platform.endpoints TO readonly_role;
GRANT INSERT, SELECT ON TABLE service_platform.request_logs TO app_role;
GRANT SELECT ON TABLE service_platform.request_logs TO readonly_role;
GRANT SELECT ON TABLE model_platform.production_models TO app_role;
GRANT SELECT ON TABLE model_platform.production_models TO readonly_role;
GRANT SELECT ON TABLE monitoring.daily_stats TO app_role;
GRANT SELECT ON TABLE monitoring.daily_stats TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA algo_platform GRANT EXECUTE ON FUNCTIONS TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA algo_platform GRANT EXECUTE ON FUNCTIONS TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA algo_platform GRANT SELECT, USAGE ON SEQUENCES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA algo_platform GRANT SELECT ON SEQUENCES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA algo_platform GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA algo_platform GRANT SELECT ON TABLES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT EXECUTE ON FUNCTIONS TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT EXECUTE ON FUNCTIONS TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT SELECT, USAGE ON SEQUENCES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT SELECT ON SEQUENCES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT SELECT ON TABLES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA data_platform GRANT EXECUTE ON FUNCTIONS TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA data_platform GRANT EXECUTE ON FUNCTIONS TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA data_platform GRANT SELECT, USAGE ON SEQUENCES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA data_platform GRANT SELECT ON SEQUENCES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA data_platform GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA data_platform GRANT SELECT ON TABLES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA model_platform GRANT EXECUTE ON FUNCTIONS TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA model_platform GRANT EXECUTE ON FUNCTIONS TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA model_platform GRANT SELECT, USAGE ON SEQUENCES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA model_platform GRANT SELECT ON SEQUENCES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA model_platform GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA model_platform GRANT SELECT ON TABLES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA monitoring GRANT EXECUTE ON FUNCTIONS TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA monitoring GRANT EXECUTE ON FUNCTIONS TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA monitoring GRANT SELECT, USAGE ON SEQUENCES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA monitoring GRANT SELECT ON SEQUENCES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA monitoring GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA monitoring GRANT SELECT ON TABLES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA service_platform GRANT EXECUTE ON FUNCTIONS TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA service_platform GRANT EXECUTE ON FUNCTIONS TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA service_platform GRANT SELECT, USAGE ON SEQUENCES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA service_platform GRANT SELECT ON SEQUENCES TO readonly_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA service_platform GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA service_platform GRANT SELECT ON TABLES TO readonly_role;

-- comments
COMMENT ON EXTENSION pg_trgm IS 'pg_trgm: trigram similarity and gin_trgm_ops indexes for fuzzy title search';
COMMENT ON EXTENSION pgcrypto IS 'pgcrypto: digest() for API key hashes, crypt() for password checks, gen_random_bytes()';
COMMENT ON EXTENSION "uuid-ossp" IS 'uuid-ossp: uuid_generate_v4() for clients written against the original init script';
COMMENT ON SCHEMA algo_platform IS 'Algorithms (one row per version) and training jobs';
COMMENT ON SCHEMA auth IS 'Identity: organizations, users, groups, API keys, and the session context of row level security';
COMMENT ON SCHEMA data_platform IS 'Data sources, datasets, embeddings, documents, the JSONB record store and user events';
COMMENT ON SCHEMA model_platform IS 'Model registry: models, versions and their stages';
COMMENT ON SCHEMA monitoring IS 'Operational metrics of the platform''s own nodes';
COMMENT ON SCHEMA service_platform IS 'Model serving: endpoints, deployments and request logs';
COMMENT ON ROLE app_role IS 'Group role of the platform services: read/write on every table, subject to row level security';
COMMENT ON ROLE readonly_role IS 'Group role for dashboards and reporting: SELECT only, subject to row level security';
COMMENT ON COLLATION public.nocase IS 'Case-insensitive comparison (ICU root locale, secondary strength), as SQLite''s NOCASE: ''ABC'' = ''abc''. Nondeterministic, so LIKE and pattern matching need an explicit deterministic COLLATE.';
COMMENT ON TYPE algo_platform.job_status IS 'Lifecycle of a training job; succeeded, failed and cancelled are final';
COMMENT ON TYPE algo_platform.task_type IS 'The kind of problem an algorithm or model solves';
COMMENT ON TYPE auth.member_role IS 'What a user may do inside their organization';
COMMENT ON TYPE model_platform.model_stage IS 'Where a model version is in its release lifecycle';
COMMENT ON TYPE service_platform.deployment_status IS 'Lifecycle of a deployment; failed and stopped are final';
COMMENT ON FUNCTION auth.current_user_id() IS 'The user of the current request: app.current_user_id as uuid, NULL when unset or empty';
COMMENT ON FUNCTION data_platform.documents_search_vector_update() IS 'trigger: search_vector from title (weight A) and content (B); ''simple'' needs no dictionary, so mixed Chinese/English text works without zhparser';
COMMENT ON FUNCTION data_platform.purge_expired_storage_records() IS 'TTL sweep: deletes expired storage records and returns how many';
COMMENT ON FUNCTION public.json_valid(text) IS 'true when the argument is valid JSON (storable as jsonb), false otherwise; never raises';
COMMENT ON FUNCTION public.set_updated_at() IS 'trigger: stamps updated_at with the transaction time on every real change of a row';
COMMENT ON FUNCTION public.uuid_generate_v7() IS 'RFC 9562 version 7 UUID (Unix-ms timestamp first), monotonic within a session; the default of every id';
COMMENT ON TABLE algo_platform.algorithms IS 'Algorithm implementations, one row per released version';
COMMENT ON COLUMN algo_platform.algorithms.version IS 'version label, e.g. 1.2.0; one row per (name, version)';
COMMENT ON COLUMN algo_platform.algorithms.parameters_schema IS 'JSON Schema of the hyperparameters a training job may pass';
COMMENT ON COLUMN algo_platform.algorithms.created_at IS 'when the row was created';
COMMENT ON COLUMN algo_platform.algorithms.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON algo_platform.algorithms IS 'keeps updated_at current';
COMMENT ON TABLE algo_platform.training_jobs IS 'Runs of an algorithm on a dataset that produce model versions';
COMMENT ON COLUMN algo_platform.training_jobs.algorithm_id IS 'an algorithm with jobs cannot be deleted';
COMMENT ON COLUMN algo_platform.training_jobs.resources IS 'requested GPUs, CPUs, memory';
COMMENT ON COLUMN algo_platform.training_jobs.metrics IS 'final evaluation metrics';
COMMENT ON COLUMN algo_platform.training_jobs.created_at IS 'when the row was created';
COMMENT ON COLUMN algo_platform.training_jobs.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON INDEX algo_platform.training_jobs_pending_idx IS 'the scheduler''s queue';
COMMENT ON TRIGGER set_updated_at ON algo_platform.training_jobs IS 'keeps updated_at current';
COMMENT ON TABLE auth.api_keys IS 'Programmatic credentials; only their SHA-256 is stored';
COMMENT ON COLUMN auth.api_keys.user_id IS 'whose permissions the key carries';
COMMENT ON COLUMN auth.api_keys.name IS 'label chosen by the owner';
COMMENT ON COLUMN auth.api_keys.key_prefix IS 'first characters of the key, shown to identify it';
COMMENT ON COLUMN auth.api_keys.key_hash IS 'SHA-256 of the whole key (pgcrypto digest(key, ''sha256'')); the key itself is never stored';
COMMENT ON COLUMN auth.api_keys.scopes IS 'what the key may do, e.g. {models:read}';
COMMENT ON COLUMN auth.api_keys.revoked_at IS 'set instead of deleting, so request logs keep their meaning';
COMMENT ON COLUMN auth.api_keys.created_at IS 'when the row was created';
COMMENT ON TABLE auth.group_memberships IS 'Which user is in which group';
COMMENT ON COLUMN auth.group_memberships.created_at IS 'when the row was created';
COMMENT ON TABLE auth.groups IS 'Named sets of users that permissions are granted to';
COMMENT ON COLUMN auth.groups.created_at IS 'when the row was created';
COMMENT ON COLUMN auth.groups.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON auth.groups IS 'keeps updated_at current';
COMMENT ON TABLE auth.organizations IS 'Tenants: every model, endpoint and API key belongs to one';
COMMENT ON COLUMN auth.organizations.name IS 'display name';
COMMENT ON COLUMN auth.organizations.slug IS 'URL-safe identifier: lower-case letters, digits and dashes';
COMMENT ON COLUMN auth.organizations.settings IS 'organization-wide preferences and quotas';
COMMENT ON COLUMN auth.organizations.created_at IS 'when the row was created';
COMMENT ON COLUMN auth.organizations.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON auth.organizations IS 'keeps updated_at current';
COMMENT ON TABLE auth.users IS 'People who sign in to the platform';
COMMENT ON COLUMN auth.users.organization_id IS 'the user''s organization; NULL for platform staff';
COMMENT ON COLUMN auth.users.username IS 'login name, unique ignoring case';
COMMENT ON COLUMN auth.users.email IS 'unique ignoring case';
COMMENT ON COLUMN auth.users.password_hash IS 'bcrypt hash ($2b$...), never the password';
COMMENT ON COLUMN auth.users.is_active IS 'false blocks sign-in without deleting the user';
COMMENT ON COLUMN auth.users.is_superuser IS 'platform administrator, beyond any organization';
COMMENT ON COLUMN auth.users.profile IS 'preferences and profile fields the services keep (document 002)';
COMMENT ON COLUMN auth.users.created_at IS 'when the user joined (date_joined of the original init script)';
COMMENT ON COLUMN auth.users.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON INDEX auth.users_email_domain_idx IS 'users by e-mail domain (single sign-on, abuse checks)';
COMMENT ON TRIGGER set_updated_at ON auth.users IS 'keeps updated_at current';
COMMENT ON TABLE data_platform.data_sources IS 'External systems data is ingested from';
COMMENT ON COLUMN data_platform.data_sources.source_type IS 'postgresql, mysql, s3, http, kafka, ...';
COMMENT ON COLUMN data_platform.data_sources.connection_info IS 'how to connect; secrets are references to a vault, never values';
COMMENT ON COLUMN data_platform.data_sources.created_at IS 'when the row was created';
COMMENT ON COLUMN data_platform.data_sources.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON data_platform.data_sources IS 'keeps updated_at current';
COMMENT ON TABLE data_platform.datasets IS 'Versioned snapshots of data taken from a source, used for training and embedding';
COMMENT ON COLUMN data_platform.datasets.format IS 'csv, parquet, jsonl, ...';
COMMENT ON COLUMN data_platform.datasets.schema_definition IS 'column names and types of the data';
COMMENT ON COLUMN data_platform.datasets.created_at IS 'when the row was created';
COMMENT ON COLUMN data_platform.datasets.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON data_platform.datasets IS 'keeps updated_at current';
COMMENT ON TABLE data_platform.documents IS 'Documents with full-text search (tsvector + GIN), fuzzy title search and embeddings';
COMMENT ON COLUMN data_platform.documents.is_public IS 'readable by every user, not only the owner';
COMMENT ON COLUMN data_platform.documents.search_vector IS 'maintained by the documents_search_vector trigger';
COMMENT ON COLUMN data_platform.documents.created_at IS 'when the row was created';
COMMENT ON COLUMN data_platform.documents.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON data_platform.documents IS 'keeps updated_at current';
COMMENT ON TABLE data_platform.events IS 'User activity events, partitioned by month, visible only to their user';
COMMENT ON COLUMN data_platform.events.event_type IS 'click, view, purchase, ...';
COMMENT ON COLUMN data_platform.events.occurred_at IS 'when it happened, by the client''s clock';
COMMENT ON COLUMN data_platform.events.created_at IS 'when it was recorded; the partition key';
COMMENT ON INDEX data_platform.events_created_at_idx IS 'time ranges within a monthly partition';
COMMENT ON TABLE data_platform.events_default IS 'rows outside every monthly partition';
COMMENT ON TABLE data_platform.storage_records IS 'JSONB record store with TTL expiry, partitioned by month of created_at';
COMMENT ON COLUMN data_platform.storage_records.id IS 'caller-chosen record key';
COMMENT ON COLUMN data_platform.storage_records.created_at IS 'when the record was created; the partition key';
COMMENT ON COLUMN data_platform.storage_records.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON COLUMN data_platform.storage_records.expires_at IS 'TTL: the record is gone after this time (NULL keeps it)';
COMMENT ON COLUMN data_platform.storage_records.compressed IS 'data holds a compressed payload';
COMMENT ON COLUMN data_platform.storage_records.type IS 'record type chosen by the caller';
COMMENT ON INDEX data_platform.storage_records_expires_at_idx IS 'the TTL sweep reads only records that expire';
COMMENT ON TRIGGER set_updated_at ON data_platform.storage_records IS 'keeps updated_at current';
COMMENT ON TABLE data_platform.storage_records_default IS 'rows outside every monthly partition';
COMMENT ON TABLE data_platform.text_embeddings IS 'Text chunks and their embeddings for semantic search';
COMMENT ON COLUMN data_platform.text_embeddings.record_id IS 'the record of the dataset the text came from';
COMMENT ON COLUMN data_platform.text_embeddings.model IS 'model that produced the embedding';
COMMENT ON COLUMN data_platform.text_embeddings.created_at IS 'when the row was created';
COMMENT ON TABLE model_platform.model_versions IS 'Immutable trained artifacts of a model; at most one per model is in production';
COMMENT ON COLUMN model_platform.model_versions.version IS '1, 2, 3, ... per model';
COMMENT ON COLUMN model_platform.model_versions.artifact_uri IS 'where the serialized model lives (s3://..., file://...)';
COMMENT ON COLUMN model_platform.model_versions.artifact_sha256 IS 'hex SHA-256 of the artifact, checked before serving';
COMMENT ON COLUMN model_platform.model_versions.framework IS 'pytorch, onnx, sklearn, ...';
COMMENT ON COLUMN model_platform.model_versions.metrics IS 'evaluation metrics of this version';
COMMENT ON COLUMN model_platform.model_versions.signature IS 'input and output schema';
COMMENT ON COLUMN model_platform.model_versions.created_at IS 'when the row was created';
COMMENT ON COLUMN model_platform.model_versions.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON INDEX model_platform.model_versions_one_production_idx IS 'at most one production version per model';
COMMENT ON TRIGGER set_updated_at ON model_platform.model_versions IS 'keeps updated_at current';
COMMENT ON TABLE model_platform.models IS 'Registered models, named uniquely within an organization';
COMMENT ON COLUMN model_platform.models.algorithm_id IS 'the algorithm the model is trained with, if it came from the platform';
COMMENT ON COLUMN model_platform.models.created_at IS 'when the row was created';
COMMENT ON COLUMN model_platform.models.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON model_platform.models IS 'keeps updated_at current';
COMMENT ON TABLE monitoring.metrics IS 'Node metrics: UNLOGGED daily partitions, BRIN on time';
COMMENT ON COLUMN monitoring.metrics.recorded_at IS 'sample time; the partition key';
COMMENT ON COLUMN monitoring.metrics.node_id IS 'which node reported';
COMMENT ON COLUMN monitoring.metrics.sys_mem_mb IS 'resident memory in MiB';
COMMENT ON COLUMN monitoring.metrics.extra IS 'further metrics by name';
COMMENT ON TABLE monitoring.metrics_default IS 'rows outside every daily partition';
COMMENT ON TABLE service_platform.deployments IS 'A model version served behind an endpoint';
COMMENT ON COLUMN service_platform.deployments.model_version_id IS 'a deployed model version cannot be deleted';
COMMENT ON COLUMN service_platform.deployments.traffic_percent IS 'share of the endpoint''s traffic (canary and blue/green rollouts)';
COMMENT ON COLUMN service_platform.deployments.resources IS 'CPU, GPU and memory per replica';
COMMENT ON COLUMN service_platform.deployments.config IS 'runtime settings: batch size, timeouts, ...';
COMMENT ON COLUMN service_platform.deployments.created_at IS 'when the row was created';
COMMENT ON COLUMN service_platform.deployments.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON INDEX service_platform.deployments_endpoint_id_active_idx IS 'what an endpoint routes to';
COMMENT ON TRIGGER set_updated_at ON service_platform.deployments IS 'keeps updated_at current';
COMMENT ON TABLE service_platform.endpoints IS 'Stable inference URLs; deployments behind them come and go';
COMMENT ON COLUMN service_platform.endpoints.slug IS 'the endpoint''s URL path segment, unique across the platform';
COMMENT ON COLUMN service_platform.endpoints.is_public IS 'callable without an API key';
COMMENT ON COLUMN service_platform.endpoints.created_at IS 'when the row was created';
COMMENT ON COLUMN service_platform.endpoints.updated_at IS 'when the row last changed; maintained by the set_updated_at trigger';
COMMENT ON TRIGGER set_updated_at ON service_platform.endpoints IS 'keeps updated_at current';
COMMENT ON TABLE service_platform.request_logs IS 'HTTP request log: UNLOGGED daily partitions, written in batches, dropped by the day';
COMMENT ON COLUMN service_platform.request_logs.created_at IS 'when the request arrived; the partition key';
COMMENT ON COLUMN service_platform.request_logs.endpoint_id IS 'the endpoint called, if any (no foreign key: logs outlive endpoints)';
COMMENT ON COLUMN service_platform.request_logs.api_key_id IS 'the API key used, if any';
COMMENT ON COLUMN service_platform.request_logs.user_id IS 'the authenticated user, if any (auth of the original schema)';
COMMENT ON COLUMN service_platform.request_logs.status IS 'HTTP status code';
COMMENT ON INDEX service_platform.request_logs_errors_idx IS 'errors only';
COMMENT ON TABLE service_platform.request_logs_default IS 'rows outside every daily partition';
COMMENT ON VIEW model_platform.production_models IS 'Each model with its production version';
COMMENT ON MATERIALIZED VIEW monitoring.daily_stats IS 'Per node and UTC day: memory, goroutines and connections';
COMMENT ON INDEX monitoring.daily_stats_day_node_id_idx IS 'one row per (day, node); lets REFRESH MATERIALIZED VIEW CONCURRENTLY work';
