-- schemas
CREATE SCHEMA sec;

-- roles
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sqlfx_sec_app') THEN
    CREATE ROLE sqlfx_sec_app NOLOGIN INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sqlfx_sec_readonly') THEN
    CREATE ROLE sqlfx_sec_readonly NOLOGIN INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;

-- sequences
CREATE SEQUENCE sec.note_ids;

-- functions
SET check_function_bodies = false;
CREATE FUNCTION sec.current_owner()
  RETURNS bigint
  LANGUAGE sql
  STABLE
AS $function$SELECT (NULLIF(current_setting('app.current_user_id', true), ''))::bigint$function$;
RESET check_function_bodies;

-- tables
CREATE TABLE sec.audit (
  at timestamp with time zone DEFAULT now() NOT NULL,
  what text NOT NULL
);
CREATE TABLE sec.notes (
  id bigint DEFAULT nextval('sec.note_ids'::regclass) NOT NULL,
  owner_id bigint NOT NULL,
  hidden boolean DEFAULT false NOT NULL,
  body text,
  CONSTRAINT notes_pkey PRIMARY KEY (id)
);

-- views
CREATE VIEW sec.visible_notes AS
SELECT id, body FROM sec.notes;

-- row level security
ALTER TABLE sec.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE sec.audit FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_insert_only ON sec.audit AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK (what <> '');
ALTER TABLE sec.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_not_hidden ON sec.notes AS RESTRICTIVE FOR SELECT TO sqlfx_sec_app USING (NOT hidden);
CREATE POLICY notes_owner ON sec.notes AS PERMISSIVE FOR ALL TO sqlfx_sec_app USING (owner_id = (NULLIF(current_setting('app.current_user_id', true), ''))::bigint) WITH CHECK (owner_id = (NULLIF(current_setting('app.current_user_id', true), ''))::bigint);
CREATE POLICY notes_readonly ON sec.notes AS PERMISSIVE FOR SELECT TO sqlfx_sec_readonly USING (true);

-- grants
GRANT USAGE ON SCHEMA sec TO sqlfx_sec_app;
GRANT USAGE ON SCHEMA sec TO sqlfx_sec_readonly;
GRANT SELECT, USAGE ON SEQUENCE sec.note_ids TO sqlfx_sec_app;
GRANT EXECUTE ON FUNCTION sec.current_owner() TO sqlfx_sec_app;
GRANT INSERT ON TABLE sec.audit TO PUBLIC;
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE sec.notes TO sqlfx_sec_app;
GRANT SELECT ON TABLE sec.notes TO sqlfx_sec_readonly WITH GRANT OPTION;
GRANT SELECT ON TABLE sec.visible_notes TO sqlfx_sec_readonly;
ALTER DEFAULT PRIVILEGES IN SCHEMA sec GRANT EXECUTE ON FUNCTIONS TO sqlfx_sec_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA sec GRANT USAGE ON SEQUENCES TO sqlfx_sec_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA sec GRANT SELECT ON TABLES TO sqlfx_sec_readonly;

-- comments
COMMENT ON ROLE sqlfx_sec_app IS 'the application';
COMMENT ON POLICY notes_owner ON sec.notes IS 'own rows only';
