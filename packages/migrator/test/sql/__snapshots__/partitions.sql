-- schemas
CREATE SCHEMA logs;

-- tables
CREATE TABLE logs.daily_rollups (
  day date NOT NULL,
  total bigint DEFAULT 0 NOT NULL
) PARTITION BY RANGE (day);
CREATE TABLE logs.events (
  id bigint NOT NULL,
  kind text NOT NULL,
  created_at timestamp with time zone NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE logs.request_logs (
  id bigint NOT NULL,
  status integer NOT NULL,
  logged_at timestamp without time zone NOT NULL
) PARTITION BY RANGE (logged_at);
CREATE TABLE logs.tenants_data (
  tenant_id bigint NOT NULL,
  region text NOT NULL,
  payload jsonb
) PARTITION BY LIST ((lower(region)));

-- partitions
CREATE TABLE logs.events_archive PARTITION OF logs.events FOR VALUES FROM (MINVALUE) TO ('2020-01-01 00:00:00+00');
CREATE TABLE logs.events_default PARTITION OF logs.events DEFAULT;
CREATE UNLOGGED TABLE logs.request_logs_default PARTITION OF logs.request_logs DEFAULT;
CREATE TABLE logs.tenants_data_eu PARTITION OF logs.tenants_data FOR VALUES IN ('eu', 'uk') PARTITION BY HASH (tenant_id);
CREATE TABLE logs.tenants_data_eu_0 PARTITION OF logs.tenants_data_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE UNLOGGED TABLE logs.tenants_data_eu_1 PARTITION OF logs.tenants_data_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE logs.tenants_data_other PARTITION OF logs.tenants_data DEFAULT;
CREATE TABLE logs.tenants_data_us PARTITION OF logs.tenants_data FOR VALUES IN ('us');

-- indexes
CREATE INDEX events_kind_idx ON logs.events USING btree (kind, created_at);
CREATE INDEX request_logs_errors_idx ON logs.request_logs USING btree (logged_at) WHERE (status >= 500);

-- comments
COMMENT ON TABLE logs.events_default IS 'rows outside the rolling months';
