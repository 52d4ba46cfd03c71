-- schemas
CREATE SCHEMA shop;

-- collations
CREATE COLLATION shop.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- enums
CREATE TYPE shop.order_state AS ENUM ('new', 'paid', 'shipped');

-- tables
CREATE TABLE shop.customers (
  id bigserial,
  email text COLLATE shop.nocase NOT NULL,
  display_name character varying(120),
  country character(2) DEFAULT 'DE'::bpchar,
  tags text[] DEFAULT '{}'::text[] NOT NULL,
  profile jsonb DEFAULT '{}'::jsonb NOT NULL,
  raw_profile json,
  avatar bytea,
  is_active boolean DEFAULT true NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  birthday date,
  wake_up time without time zone,
  local_seen_at timestamp(3) without time zone,
  session_length interval,
  last_ip inet,
  search tsvector,
  external_id uuid DEFAULT gen_random_uuid(),
  CONSTRAINT customers_pkey PRIMARY KEY (id),
  CONSTRAINT customers_email_key UNIQUE (email),
  CONSTRAINT customers_external_id_key UNIQUE NULLS NOT DISTINCT (external_id),
  CONSTRAINT customers_country_upper CHECK (country = upper(country))
);
CREATE TABLE shop.order_notes (
  id smallserial,
  order_id bigint,
  parent_id smallint,
  body text NOT NULL,
  CONSTRAINT order_notes_pkey PRIMARY KEY (id)
);
CREATE TABLE shop.orders (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 10),
  customer_id bigint NOT NULL,
  state shop.order_state DEFAULT 'new'::shop.order_state NOT NULL,
  quantity integer NOT NULL,
  unit_price numeric(12,2) NOT NULL,
  total numeric GENERATED ALWAYS AS ((quantity)::numeric * unit_price) STORED,
  weight real,
  score double precision,
  small smallint,
  line_no serial,
  ordered_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT orders_pkey PRIMARY KEY (id) INCLUDE (state),
  CONSTRAINT orders_line_no_key UNIQUE (customer_id, line_no) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT orders_price_nonnegative CHECK (unit_price >= (0)::numeric) NO INHERIT,
  CONSTRAINT orders_quantity_positive CHECK (quantity > 0)
);
CREATE UNLOGGED TABLE shop.page_hits (
  path text NOT NULL,
  hits bigint DEFAULT 0 NOT NULL,
  CONSTRAINT page_hits_pkey PRIMARY KEY (path)
);
CREATE TABLE shop.reservations (
  room text NOT NULL,
  during tstzrange NOT NULL,
  cancelled boolean DEFAULT false NOT NULL,
  CONSTRAINT reservations_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled)
);

-- foreign keys
ALTER TABLE shop.order_notes ADD CONSTRAINT order_notes_order_fk FOREIGN KEY (order_id) REFERENCES shop.orders (id) ON DELETE SET NULL DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE shop.order_notes ADD CONSTRAINT order_notes_parent_fk FOREIGN KEY (parent_id) REFERENCES shop.order_notes (id) MATCH FULL;
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id) ON UPDATE RESTRICT ON DELETE CASCADE;

-- comments
COMMENT ON TABLE shop.customers IS 'people who buy';
COMMENT ON COLUMN shop.customers.id IS 'surrogate key';
COMMENT ON CONSTRAINT customers_pkey ON shop.customers IS 'by id';
COMMENT ON CONSTRAINT customers_country_upper ON shop.customers IS 'ISO code';
COMMENT ON CONSTRAINT orders_customer_fk ON shop.orders IS 'owner';
COMMENT ON CONSTRAINT reservations_no_overlap ON shop.reservations IS 'one booking at a time';
