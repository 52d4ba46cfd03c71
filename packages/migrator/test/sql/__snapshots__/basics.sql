-- schemas
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS public;

-- extensions
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

-- roles
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sqlfx_basics_login') THEN
    CREATE ROLE sqlfx_basics_login LOGIN INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sqlfx_basics_reader') THEN
    CREATE ROLE sqlfx_basics_reader NOLOGIN INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;
DO $role$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sqlfx_basics_writer') THEN
    CREATE ROLE sqlfx_basics_writer NOLOGIN NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$role$;
GRANT sqlfx_basics_reader TO sqlfx_basics_login;
GRANT sqlfx_basics_writer TO sqlfx_basics_reader;

-- collations
CREATE COLLATION app.bytewise (provider = libc, locale = 'C', deterministic = true);
CREATE COLLATION app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- enums
CREATE TYPE app.ticket_status AS ENUM ('open', 'it''s done', 'closed');

-- domains
CREATE DOMAIN app.email AS text CONSTRAINT email_has_at CHECK (VALUE ~ '@');
CREATE DOMAIN app.corporate_email AS app.email CONSTRAINT corporate_email_domain CHECK (VALUE LIKE '%@example.com');
CREATE DOMAIN app.positive_amount AS numeric(12,2) DEFAULT 0 NOT NULL CONSTRAINT positive_amount_check CHECK (VALUE >= 0);

-- sequences
CREATE SEQUENCE app.ticket_no AS bigint INCREMENT BY 5 MINVALUE 1000 MAXVALUE 9000000000 START WITH 1000 CACHE 1;
CREATE SEQUENCE app.wrap AS smallint MINVALUE 1 MAXVALUE 2 START WITH 1 CYCLE;

-- functions
SET check_function_bodies = false;
CREATE FUNCTION app.concat_all(separator text, VARIADIC parts text[])
  RETURNS text
  LANGUAGE sql
  IMMUTABLE STRICT
  SET search_path = ''
AS $function_1$SELECT pg_catalog.array_to_string(parts, separator) /* $function$ */$function_1$;
CREATE FUNCTION app.json_valid(input text)
  RETURNS boolean
  LANGUAGE plpgsql
  IMMUTABLE
AS $function$
BEGIN
  PERFORM input::jsonb;
  RETURN input IS NOT NULL;
EXCEPTION WHEN others THEN
  RETURN false;
END
$function$;
CREATE FUNCTION app.open_ticket_count(min_no bigint DEFAULT 0)
  RETURNS bigint
  LANGUAGE sql
  STABLE SECURITY DEFINER
  SET search_path = pg_catalog, app
AS $function$SELECT count(*) FROM tickets WHERE status = 'open' AND no >= min_no$function$;
CREATE FUNCTION app.ticket_stats(OUT total bigint, OUT statuses app.ticket_status[])
  RETURNS record
  LANGUAGE sql
  STABLE
AS $function$SELECT count(*), array_agg(DISTINCT status ORDER BY status) FROM app.tickets$function$;
CREATE FUNCTION app.uuid_generate_v7()
  RETURNS uuid
  LANGUAGE plpgsql
  VOLATILE PARALLEL SAFE
AS $function$
DECLARE
  unix_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  bytes bytea := public.gen_random_bytes(16);
BEGIN
  bytes := overlay(bytes PLACING substring(int8send(unix_ms) FROM 3) FROM 1 FOR 6);
  bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);
  bytes := set_byte(bytes, 8, (get_byte(bytes, 8) & 63) | 128);
  RETURN encode(bytes, 'hex')::uuid;
END
$function$;
RESET check_function_bodies;

-- tables
CREATE TABLE app.tickets (
  id uuid DEFAULT app.uuid_generate_v7() NOT NULL,
  no bigint DEFAULT nextval('app.ticket_no'::regclass) NOT NULL,
  status app.ticket_status DEFAULT 'open'::app.ticket_status NOT NULL,
  owner_email app.corporate_email,
  title text COLLATE app.nocase,
  amount app.positive_amount,
  legacy_id uuid DEFAULT public.uuid_generate_v4(),
  CONSTRAINT tickets_pkey PRIMARY KEY (id)
);

-- functions on table row types
SET check_function_bodies = false;
CREATE FUNCTION app.open_tickets()
  RETURNS SETOF app.tickets
  LANGUAGE sql
  STABLE
AS $function$SELECT * FROM app.tickets WHERE status = 'open'$function$;
CREATE FUNCTION app.ticket_label(ticket app.tickets)
  RETURNS text
  LANGUAGE sql
  IMMUTABLE
AS $function$SELECT ticket.no || ': ' || coalesce(ticket.title, '')$function$;
RESET check_function_bodies;

-- sequence ownership
ALTER SEQUENCE app.ticket_no OWNED BY app.tickets.no;

-- comments
COMMENT ON EXTENSION pgcrypto IS 'gen_random_bytes for uuid_generate_v7';
COMMENT ON SCHEMA app IS 'application objects';
COMMENT ON SCHEMA public IS 'standard public schema';
COMMENT ON ROLE sqlfx_basics_reader IS 'reads';
COMMENT ON COLLATION app.nocase IS 'case-insensitive';
COMMENT ON TYPE app.ticket_status IS 'lifecycle';
COMMENT ON DOMAIN app.email IS 'an e-mail address';
COMMENT ON CONSTRAINT email_has_at ON DOMAIN app.email IS 'must look like an address';
COMMENT ON SEQUENCE app.ticket_no IS 'ticket numbers';
COMMENT ON FUNCTION app.uuid_generate_v7() IS 'RFC 9562 version 7 UUID';
