-- schemas
CREATE SCHEMA docs;

-- extensions
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- tables
CREATE TABLE docs.documents (
  id bigint NOT NULL,
  owner_id bigint,
  title text NOT NULL,
  body text,
  meta jsonb DEFAULT '{}'::jsonb NOT NULL,
  search tsvector,
  slug text,
  deleted_at timestamp with time zone,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT documents_pkey PRIMARY KEY (id)
);

-- indexes
CREATE INDEX documents_btree_fill_idx ON docs.documents USING btree (id DESC) WITH (deduplicate_items = off, fillfactor = 70);
CREATE INDEX documents_created_brin_idx ON docs.documents USING brin (created_at) WITH (pages_per_range = 16);
CREATE INDEX documents_live_title_idx ON docs.documents USING btree (title COLLATE pg_catalog."C") WHERE (deleted_at IS NULL);
CREATE INDEX documents_lower_title_idx ON docs.documents USING btree ((lower(title)));
CREATE INDEX documents_meta_idx ON docs.documents USING gin (meta jsonb_path_ops);
CREATE INDEX documents_owner_created_idx ON docs.documents USING btree (owner_id, created_at DESC NULLS LAST) INCLUDE (title);
CREATE INDEX documents_search_idx ON docs.documents USING gist (search);
CREATE INDEX documents_slug_hash_idx ON docs.documents USING hash (slug);
CREATE UNIQUE INDEX documents_slug_key ON docs.documents USING btree (slug) NULLS NOT DISTINCT;
CREATE INDEX documents_title_trgm_idx ON docs.documents USING gin (title gin_trgm_ops);

-- comments
COMMENT ON INDEX docs.documents_owner_created_idx IS 'newest first per owner';
