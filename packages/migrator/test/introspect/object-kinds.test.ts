/**
 * One test per object kind: hand-written SQL applied to a real server, then the introspected Catalog
 * compared with what that SQL declares. Each test works in its own schema and reads only that schema.
 */
import type { Catalog } from "@platform/schema";
import { expect, test } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { describeOnProviders, type TestDatabase } from "./harness.js";

/** Roles are cluster-wide: created only when missing, with names no other test uses. */
const ensureRoles = (...names: readonly string[]): string =>
  names
    .map(
      (name) =>
        `DO $r$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${name}') THEN CREATE ROLE ${name} NOLOGIN; END IF; END $r$;`,
    )
    .join("\n");

const read = async (db: TestDatabase, schema: string, roles: readonly string[] = []): Promise<Catalog> =>
  introspect(db.client, { schemas: [schema], roles });

describeOnProviders("introspect: every object kind", {}, (getDb) => {
  test("schemas: comment and grants; PUBLIC's defaults on `public` are not reported", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_schema_user")}
      CREATE SCHEMA k_schemas;
      COMMENT ON SCHEMA k_schemas IS 'schemas test';
      GRANT USAGE ON SCHEMA k_schemas TO ik_schema_user;
      GRANT CREATE ON SCHEMA k_schemas TO ik_schema_user WITH GRANT OPTION;
    `);
    const catalog = await read(db, "k_schemas");
    expect(catalog.schemas).toEqual([
      {
        name: "k_schemas",
        comment: "schemas test",
        grants: [
          { grantee: "ik_schema_user", privileges: ["USAGE"] },
          { grantee: "ik_schema_user", privileges: ["CREATE"], withGrantOption: true },
        ],
      },
    ]);
    const everything = await introspect(db.client);
    expect(everything.schemas.map((s) => s.name)).not.toContain("public");
    expect(everything.schemas.map((s) => s.name)).not.toContain("information_schema");
    expect(everything.schemas.some((s) => s.name.startsWith("pg_"))).toBe(false);
  });

  test("roles: the ones named by grants and policies, their groups, and those asked for; never superusers", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_role_group", "ik_role_member", "ik_role_unused", "ik_role_asked")}
      ALTER ROLE ik_role_member NOINHERIT BYPASSRLS;
      GRANT ik_role_group TO ik_role_member;
      COMMENT ON ROLE ik_role_group IS 'a group';
      CREATE SCHEMA k_roles;
      CREATE TABLE k_roles.t (id integer);
      GRANT SELECT ON k_roles.t TO ik_role_member;
    `);
    const catalog = await read(db, "k_roles", ["ik_role_asked"]);
    expect(catalog.roles).toEqual([
      { name: "ik_role_asked", inherit: true },
      { name: "ik_role_group", inherit: true, comment: "a group" },
      { name: "ik_role_member", inherit: false, bypassRls: true, memberOf: ["ik_role_group"] },
    ]);
    const superusers = await db.client.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE rolsuper");
    const everything = await introspect(db.client, { roles: superusers.rows.map((r) => r.rolname) });
    expect(everything.roles.filter((r) => superusers.rows.some((s) => s.rolname === r.name))).toEqual([]);
  });

  test("collations: provider, locale, determinism, comment", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_collations;
      CREATE COLLATION k_collations.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
      CREATE COLLATION k_collations.bytes (provider = libc, locale = 'C');
      COMMENT ON COLLATION k_collations.ci IS 'case-insensitive';
    `);
    const catalog = await read(db, "k_collations");
    expect(catalog.collations).toEqual([
      { schema: "k_collations", name: "bytes", provider: "libc", locale: "C", deterministic: true },
      {
        schema: "k_collations",
        name: "ci",
        provider: "icu",
        locale: "und-u-ks-level2",
        deterministic: false,
        comment: "case-insensitive",
      },
    ]);
  });

  test("enums: labels in sort order, including ones added BEFORE an existing label", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_enums;
      CREATE TYPE k_enums.state AS ENUM ('new', 'done');
      ALTER TYPE k_enums.state ADD VALUE 'working' BEFORE 'done';
      ALTER TYPE k_enums.state ADD VALUE 'it''s archived';
      COMMENT ON TYPE k_enums.state IS 'lifecycle';
    `);
    const catalog = await read(db, "k_enums");
    expect(catalog.enums).toEqual([
      { schema: "k_enums", name: "state", values: ["new", "working", "done", "it's archived"], comment: "lifecycle" },
    ]);
  });

  test("domains: base type, NOT NULL, default, collation, checks", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_domains;
      CREATE DOMAIN k_domains.amount AS numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT amount_positive CHECK (VALUE >= 0);
      CREATE DOMAIN k_domains.code AS varchar(8) COLLATE "C";
      COMMENT ON DOMAIN k_domains.amount IS 'money';
    `);
    const catalog = await read(db, "k_domains");
    expect(catalog.domains).toEqual([
      {
        schema: "k_domains",
        name: "amount",
        type: "numeric(12,2)",
        notNull: true,
        default: "0",
        checks: [{ name: "amount_positive", expression: "VALUE >= (0)::numeric" }],
        comment: "money",
      },
      {
        schema: "k_domains",
        name: "code",
        type: "character varying(8)",
        collation: { schema: "pg_catalog", name: "C" },
      },
    ]);
  });

  test("sequences: options other than the defaults, OWNED BY; serial and identity sequences belong to their column", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_sequence_user")}
      CREATE SCHEMA k_sequences;
      CREATE TABLE k_sequences.t (id serial, uid bigint GENERATED BY DEFAULT AS IDENTITY, n integer);
      CREATE SEQUENCE k_sequences.counter AS integer START 100 INCREMENT 10 MAXVALUE 10000 CACHE 5 CYCLE OWNED BY k_sequences.t.n;
      CREATE SEQUENCE k_sequences.down INCREMENT -1;
      GRANT USAGE ON SEQUENCE k_sequences.down TO ik_sequence_user;
      COMMENT ON SEQUENCE k_sequences.down IS 'counts down';
    `);
    const catalog = await read(db, "k_sequences");
    expect(catalog.sequences).toEqual([
      {
        schema: "k_sequences",
        name: "counter",
        type: "integer",
        start: "100",
        increment: "10",
        max: "10000",
        cache: "5",
        cycle: true,
        ownedBy: { table: "t", column: "n" },
      },
      {
        schema: "k_sequences",
        name: "down",
        increment: "-1",
        comment: "counts down",
        grants: [{ grantee: "ik_sequence_user", privileges: ["USAGE"] }],
      },
    ]);
    expect(catalog.tables[0]?.columns).toEqual([
      { name: "id", type: "serial", notNull: true },
      { name: "uid", type: "bigint", notNull: true, identity: { generation: "by default" } },
      { name: "n", type: "integer" },
    ]);
  });

  test("serial: a sequence that is not what serial creates stays a sequence and the default stays nextval", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_serial;
      CREATE TABLE k_serial.t (id serial);
      ALTER SEQUENCE k_serial.t_id_seq INCREMENT 2;
    `);
    const catalog = await read(db, "k_serial");
    expect(catalog.tables[0]?.columns).toEqual([
      { name: "id", type: "integer", notNull: true, default: "nextval('k_serial.t_id_seq'::regclass)" },
    ]);
    expect(catalog.sequences).toEqual([
      { schema: "k_serial", name: "t_id_seq", type: "integer", increment: "2", ownedBy: { table: "t", column: "id" } },
    ]);
  });

  test("functions: arguments with modes and defaults, results, attributes, search_path, grants; procedures left out", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_function_user")}
      CREATE SCHEMA k_functions;
      CREATE FUNCTION k_functions.add(a integer, b integer DEFAULT 2, VARIADIC rest integer[] DEFAULT '{}')
        RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT a + b';
      CREATE FUNCTION k_functions.pairs(n integer, OUT i integer, OUT label text)
        RETURNS SETOF record LANGUAGE sql STABLE AS 'SELECT g, g::text FROM generate_series(1, n) g';
      CREATE FUNCTION k_functions.rows_of(n integer) RETURNS TABLE(id bigint, name text)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
        AS $$ BEGIN RETURN QUERY SELECT 1::bigint, 'x'::text; END $$;
      CREATE FUNCTION k_functions.empty_path() RETURNS void LANGUAGE plpgsql SET search_path = '' AS $$ BEGIN END $$;
      CREATE PROCEDURE k_functions.proc() LANGUAGE sql AS 'SELECT 1';
      GRANT EXECUTE ON FUNCTION k_functions.rows_of(integer) TO ik_function_user;
      COMMENT ON FUNCTION k_functions.add(integer, integer, integer[]) IS 'adds';
    `);
    const catalog = await read(db, "k_functions");
    expect(catalog.functions).toEqual([
      {
        schema: "k_functions",
        name: "add",
        args: [
          { name: "a", type: "integer" },
          { name: "b", type: "integer", default: "2" },
          { name: "rest", type: "integer[]", mode: "variadic", default: "'{}'::integer[]" },
        ],
        returns: "integer",
        language: "sql",
        body: "SELECT a + b",
        volatility: "immutable",
        strict: true,
        parallel: "safe",
        comment: "adds",
      },
      {
        schema: "k_functions",
        name: "empty_path",
        args: [],
        returns: "void",
        language: "plpgsql",
        body: " BEGIN END ",
        searchPath: "",
      },
      {
        schema: "k_functions",
        name: "pairs",
        args: [
          { name: "n", type: "integer" },
          { name: "i", type: "integer", mode: "out" },
          { name: "label", type: "text", mode: "out" },
        ],
        returns: "SETOF record",
        language: "sql",
        body: "SELECT g, g::text FROM generate_series(1, n) g",
        volatility: "stable",
      },
      {
        schema: "k_functions",
        name: "rows_of",
        args: [{ name: "n", type: "integer" }],
        returns: "TABLE(id bigint, name text)",
        language: "plpgsql",
        body: " BEGIN RETURN QUERY SELECT 1::bigint, 'x'::text; END ",
        securityDefiner: true,
        searchPath: "pg_catalog, public",
        grants: [{ grantee: "ik_function_user", privileges: ["EXECUTE"] }],
      },
    ]);
  });

  test("tables and columns: canonical types, defaults, identity, generated, collation, NOT NULL, UNLOGGED, comments", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_tables;
      CREATE TYPE k_tables.mood AS ENUM ('ok', 'meh');
      CREATE UNLOGGED TABLE k_tables.t (
        a int4 NOT NULL,
        b varchar(20) DEFAULT 'x',
        c timestamptz DEFAULT now(),
        d timestamp(3),
        e numeric(10, 2) DEFAULT -1.5,
        f text[] DEFAULT '{}',
        g k_tables.mood DEFAULT 'ok',
        h bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),
        i integer GENERATED ALWAYS AS (a * 2) STORED,
        j text COLLATE "C",
        k char(2),
        l bool DEFAULT true,
        m double precision,
        n jsonb DEFAULT '{}'::jsonb
      );
      COMMENT ON TABLE k_tables.t IS 'a table';
      COMMENT ON COLUMN k_tables.t.a IS 'the a';
    `);
    const catalog = await read(db, "k_tables");
    expect(catalog.tables).toEqual([
      {
        schema: "k_tables",
        name: "t",
        unlogged: true,
        columns: [
          { name: "a", type: "integer", notNull: true, comment: "the a" },
          { name: "b", type: "character varying(20)", default: "'x'::character varying" },
          { name: "c", type: "timestamp with time zone", default: "now()" },
          { name: "d", type: "timestamp(3) without time zone" },
          { name: "e", type: "numeric(10,2)", default: "'-1.5'::numeric" },
          { name: "f", type: "text[]", default: "'{}'::text[]" },
          { name: "g", type: "k_tables.mood", default: "'ok'::k_tables.mood" },
          { name: "h", type: "bigint", notNull: true, identity: { generation: "always", start: "10", increment: "5" } },
          { name: "i", type: "integer", generated: "a * 2" },
          { name: "j", type: "text", collation: { schema: "pg_catalog", name: "C" } },
          { name: "k", type: "character(2)" },
          { name: "l", type: "boolean", default: "true" },
          { name: "m", type: "double precision" },
          { name: "n", type: "jsonb", default: "'{}'::jsonb" },
        ],
        comment: "a table",
      },
    ]);
  });

  test("constraints: primary key with INCLUDE, unique, check, foreign keys, exclusion; NOT NULL is a column property", async () => {
    const db = getDb();
    const nnd = db.serverVersion >= 150000;
    await db.client.exec(`
      CREATE SCHEMA k_constraints;
      CREATE TABLE k_constraints.parent (id integer, code text, ref text CONSTRAINT parent_ref_key UNIQUE, note text,
        CONSTRAINT parent_pk PRIMARY KEY (id) INCLUDE (note),
        CONSTRAINT parent_code_key UNIQUE ${nnd ? "NULLS NOT DISTINCT" : ""} (code) DEFERRABLE INITIALLY DEFERRED);
      CREATE TABLE k_constraints.child (
        id integer NOT NULL,
        parent_id integer,
        code text,
        span int4range,
        CONSTRAINT child_id_positive CHECK (id > 0) NO INHERIT,
        CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES k_constraints.parent (id) ON DELETE CASCADE ON UPDATE SET NULL,
        CONSTRAINT child_code_fk FOREIGN KEY (code) REFERENCES k_constraints.parent (ref) MATCH FULL DEFERRABLE,
        CONSTRAINT child_no_overlap EXCLUDE USING gist (span WITH &&) WHERE (id > 10)
      );
      COMMENT ON CONSTRAINT child_id_positive ON k_constraints.child IS 'ids are positive';
    `);
    const catalog = await read(db, "k_constraints");
    const [child, parent] = catalog.tables;
    expect(parent).toMatchObject({
      primaryKey: { name: "parent_pk", columns: ["id"], include: ["note"] },
      uniques: [
        {
          name: "parent_code_key",
          columns: ["code"],
          ...(nnd ? { nullsNotDistinct: true } : {}),
          deferrable: "deferrable initially deferred",
        },
        { name: "parent_ref_key", columns: ["ref"] },
      ],
    });
    expect(child?.checks).toEqual([
      { name: "child_id_positive", expression: "id > 0", noInherit: true, comment: "ids are positive" },
    ]);
    expect(child?.foreignKeys).toEqual([
      {
        name: "child_code_fk",
        columns: ["code"],
        references: { schema: "k_constraints", table: "parent", columns: ["ref"] },
        match: "full",
        deferrable: "deferrable initially immediate",
      },
      {
        name: "child_parent_fk",
        columns: ["parent_id"],
        references: { schema: "k_constraints", table: "parent", columns: ["id"] },
        onDelete: "cascade",
        onUpdate: "set null",
      },
    ]);
    expect(child?.exclusions).toEqual([
      { name: "child_no_overlap", using: "gist", elements: [{ column: "span", operator: "&&" }], where: "id > 10" },
    ]);
    expect(child?.columns[0]).toEqual({ name: "id", type: "integer", notNull: true });
    expect(child?.indexes).toBeUndefined();
  });

  test("indexes: method, opclass, order, nulls, INCLUDE, WHERE, expressions, storage parameters, unique", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_indexes;
      CREATE TABLE k_indexes.t (id integer PRIMARY KEY, email text, tags text[], body jsonb, created_at timestamptz);
      CREATE UNIQUE INDEX t_email_lower ON k_indexes.t (lower(email)) WHERE email IS NOT NULL;
      CREATE INDEX t_created ON k_indexes.t (created_at DESC NULLS LAST, id ASC NULLS FIRST) INCLUDE (email);
      CREATE INDEX t_tags ON k_indexes.t USING gin (tags);
      CREATE INDEX t_body ON k_indexes.t USING gin (body jsonb_path_ops);
      CREATE INDEX t_email_pattern ON k_indexes.t (email text_pattern_ops) WITH (fillfactor = 70);
      CREATE INDEX t_brin ON k_indexes.t USING brin (created_at) WITH (pages_per_range = 32);
      CREATE INDEX t_email_c ON k_indexes.t (email COLLATE "C");
      COMMENT ON INDEX k_indexes.t_tags IS 'tag search';
    `);
    const catalog = await read(db, "k_indexes");
    expect(catalog.tables[0]?.indexes).toEqual([
      { name: "t_body", method: "gin", elements: [{ column: "body", opclass: "jsonb_path_ops" }] },
      { name: "t_brin", method: "brin", elements: [{ column: "created_at" }], with: { pages_per_range: "32" } },
      {
        name: "t_created",
        elements: [
          { column: "created_at", order: "desc", nulls: "last" },
          { column: "id", nulls: "first" },
        ],
        include: ["email"],
      },
      { name: "t_email_c", elements: [{ column: "email", collation: { schema: "pg_catalog", name: "C" } }] },
      { name: "t_email_lower", unique: true, elements: [{ expression: "lower(email)" }], where: "email IS NOT NULL" },
      {
        name: "t_email_pattern",
        elements: [{ column: "email", opclass: "text_pattern_ops" }],
        with: { fillfactor: "70" },
      },
      { name: "t_tags", method: "gin", elements: [{ column: "tags" }], comment: "tag search" },
    ]);
  });

  test("partitioning: range/list/hash, DEFAULT, sub-partitions, UNLOGGED partitions; partition indexes stay on the parent", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_partitions;
      CREATE TABLE k_partitions.events (id bigint, created_at timestamptz NOT NULL, kind text)
        PARTITION BY RANGE (created_at);
      CREATE TABLE k_partitions.events_2026_01 PARTITION OF k_partitions.events
        FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');
      CREATE UNLOGGED TABLE k_partitions.events_2026_02 PARTITION OF k_partitions.events
        FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');
      CREATE TABLE k_partitions.events_rest PARTITION OF k_partitions.events DEFAULT PARTITION BY LIST (kind);
      CREATE TABLE k_partitions.events_rest_ab PARTITION OF k_partitions.events_rest FOR VALUES IN ('a', 'b');
      CREATE TABLE k_partitions.events_rest_other PARTITION OF k_partitions.events_rest DEFAULT;
      CREATE INDEX events_kind ON k_partitions.events (kind);
      CREATE TABLE k_partitions.shards (id integer) PARTITION BY HASH (id);
      CREATE TABLE k_partitions.shards_0 PARTITION OF k_partitions.shards FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE k_partitions.shards_1 PARTITION OF k_partitions.shards FOR VALUES WITH (MODULUS 2, REMAINDER 1);
      CREATE TABLE k_partitions.by_expr (name text) PARTITION BY LIST (lower(name));
      COMMENT ON TABLE k_partitions.events_2026_01 IS 'January';
    `);
    const catalog = await read(db, "k_partitions");
    expect(catalog.tables.map((t) => t.name)).toEqual(["by_expr", "events", "shards"]);
    const [byExpr, events, shards] = catalog.tables;
    expect(byExpr?.partitionBy).toEqual({ strategy: "list", keys: [{ expression: "lower(name)" }] });
    expect(events?.partitionBy).toEqual({ strategy: "range", keys: [{ column: "created_at" }] });
    expect(events?.indexes).toEqual([{ name: "events_kind", elements: [{ column: "kind" }] }]);
    expect(events?.partitions).toEqual([
      {
        name: "events_2026_01",
        bound: { kind: "range", from: ["'2026-01-01 00:00:00+00'"], to: ["'2026-02-01 00:00:00+00'"] },
        comment: "January",
      },
      {
        name: "events_2026_02",
        bound: { kind: "range", from: ["'2026-02-01 00:00:00+00'"], to: ["'2026-03-01 00:00:00+00'"] },
        unlogged: true,
      },
      {
        name: "events_rest",
        bound: { kind: "default" },
        partitionBy: { strategy: "list", keys: [{ column: "kind" }] },
        partitions: [
          { name: "events_rest_ab", bound: { kind: "list", values: ["'a'", "'b'"] } },
          { name: "events_rest_other", bound: { kind: "default" } },
        ],
      },
    ]);
    expect(shards?.partitions).toEqual([
      { name: "shards_0", bound: { kind: "hash", modulus: 2, remainder: 0 } },
      { name: "shards_1", bound: { kind: "hash", modulus: 2, remainder: 1 } },
    ]);
  });

  test("row level security: enabled/forced and policies (permissive/restrictive, command, roles, USING, WITH CHECK)", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_policy_b", "ik_policy_a")}
      CREATE SCHEMA k_rls;
      CREATE TABLE k_rls.docs (id integer, owner text);
      CREATE TABLE k_rls.secrets (id integer);
      ALTER TABLE k_rls.docs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE k_rls.secrets ENABLE ROW LEVEL SECURITY;
      ALTER TABLE k_rls.secrets FORCE ROW LEVEL SECURITY;
      CREATE POLICY docs_read ON k_rls.docs FOR SELECT TO ik_policy_b, ik_policy_a USING (owner = current_setting('app.user', true));
      CREATE POLICY docs_write ON k_rls.docs AS RESTRICTIVE FOR INSERT WITH CHECK (owner IS NOT NULL);
      CREATE POLICY docs_all ON k_rls.docs USING (true) WITH CHECK (id > 0);
      CREATE POLICY docs_delete ON k_rls.docs FOR DELETE TO PUBLIC, ik_policy_a USING (id < 0);
      COMMENT ON POLICY docs_all ON k_rls.docs IS 'everyone';
    `);
    const catalog = await read(db, "k_rls");
    const [docs, secrets] = catalog.tables;
    expect(docs?.rowLevelSecurity).toBe("enabled");
    expect(secrets?.rowLevelSecurity).toBe("forced");
    expect(docs?.policies).toEqual([
      { name: "docs_all", using: "true", withCheck: "id > 0", comment: "everyone" },
      // PostgreSQL ignores the other roles of `TO PUBLIC, ik_policy_a`: it is a policy for PUBLIC
      { name: "docs_delete", command: "delete", using: "id < 0" },
      {
        name: "docs_read",
        command: "select",
        roles: ["ik_policy_a", "ik_policy_b"],
        using: "owner = current_setting('app.user'::text, true)",
      },
      { name: "docs_write", restrictive: true, command: "insert", withCheck: "owner IS NOT NULL" },
    ]);
    expect(catalog.roles.map((r) => r.name)).toEqual(["ik_policy_a", "ik_policy_b"]);
  });

  test("triggers: timing, events, UPDATE OF, level, WHEN, arguments; internal (foreign key) triggers left out", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_triggers;
      CREATE FUNCTION k_triggers.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TABLE k_triggers.parent (id integer PRIMARY KEY);
      CREATE TABLE k_triggers.t (id integer REFERENCES k_triggers.parent, name text, n integer);
      CREATE TRIGGER t_audit AFTER INSERT OR UPDATE OF name, n OR DELETE ON k_triggers.t
        FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION k_triggers.noop('a b', 'it''s', '');
      CREATE TRIGGER t_touch BEFORE UPDATE ON k_triggers.t FOR EACH ROW
        WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION k_triggers.noop();
      CREATE TRIGGER t_truncate AFTER TRUNCATE ON k_triggers.t FOR EACH STATEMENT EXECUTE FUNCTION k_triggers.noop();
      COMMENT ON TRIGGER t_touch ON k_triggers.t IS 'touches';
    `);
    const catalog = await read(db, "k_triggers");
    expect(catalog.tables.find((t) => t.name === "parent")?.triggers).toBeUndefined();
    expect(catalog.tables.find((t) => t.name === "t")?.triggers).toEqual([
      {
        name: "t_audit",
        timing: "after",
        events: ["insert", "update", "delete"],
        updateOf: ["name", "n"],
        level: "row",
        when: "pg_trigger_depth() < 1",
        function: { schema: "k_triggers", name: "noop" },
        args: ["a b", "it's", ""],
      },
      {
        name: "t_touch",
        timing: "before",
        events: ["update"],
        level: "row",
        when: "old.name IS DISTINCT FROM new.name",
        function: { schema: "k_triggers", name: "noop" },
        comment: "touches",
      },
      {
        name: "t_truncate",
        timing: "after",
        events: ["truncate"],
        level: "statement",
        function: { schema: "k_triggers", name: "noop" },
      },
    ]);
  });

  test("grants on tables, views and sequences; the owner's own privileges are not grants", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_grant_reader", "ik_grant_writer")}
      CREATE SCHEMA k_grants;
      CREATE TABLE k_grants.t (id integer);
      CREATE VIEW k_grants.v AS SELECT id FROM k_grants.t;
      GRANT SELECT ON k_grants.t TO ik_grant_reader, PUBLIC;
      GRANT INSERT, UPDATE, DELETE ON k_grants.t TO ik_grant_writer WITH GRANT OPTION;
      GRANT SELECT ON k_grants.v TO ik_grant_reader;
    `);
    const catalog = await read(db, "k_grants");
    expect(catalog.tables[0]?.grants).toEqual([
      { grantee: "PUBLIC", privileges: ["SELECT"] },
      { grantee: "ik_grant_reader", privileges: ["SELECT"] },
      { grantee: "ik_grant_writer", privileges: ["DELETE", "INSERT", "UPDATE"], withGrantOption: true },
    ]);
    expect(catalog.views[0]?.grants).toEqual([{ grantee: "ik_grant_reader", privileges: ["SELECT"] }]);
  });

  test("default privileges: per schema and object type; forRole only when it is not the current role", async () => {
    const db = getDb();
    await db.client.exec(`
      ${ensureRoles("ik_default_reader", "ik_default_owner")}
      CREATE SCHEMA k_defaults;
      ALTER DEFAULT PRIVILEGES IN SCHEMA k_defaults GRANT SELECT ON TABLES TO ik_default_reader;
      ALTER DEFAULT PRIVILEGES IN SCHEMA k_defaults GRANT USAGE, SELECT ON SEQUENCES TO ik_default_reader;
      ALTER DEFAULT PRIVILEGES FOR ROLE ik_default_owner IN SCHEMA k_defaults GRANT EXECUTE ON FUNCTIONS TO ik_default_reader;
    `);
    const catalog = await read(db, "k_defaults");
    expect(catalog.defaultPrivileges).toEqual([
      {
        forRole: "ik_default_owner",
        schema: "k_defaults",
        objectType: "functions",
        grantee: "ik_default_reader",
        privileges: ["EXECUTE"],
      },
      { schema: "k_defaults", objectType: "sequences", grantee: "ik_default_reader", privileges: ["SELECT", "USAGE"] },
      { schema: "k_defaults", objectType: "tables", grantee: "ik_default_reader", privileges: ["SELECT"] },
    ]);
  });

  test("views and materialized views: definition, output columns, dependencies, matview indexes, comments", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_views;
      CREATE TABLE k_views.t (id integer, name text);
      CREATE VIEW k_views.named AS SELECT id, name FROM k_views.t WHERE name IS NOT NULL;
      CREATE MATERIALIZED VIEW k_views.counts AS SELECT name, count(*) AS n FROM k_views.named GROUP BY name;
      CREATE UNIQUE INDEX counts_name ON k_views.counts (name);
      COMMENT ON VIEW k_views.named IS 'rows with a name';
      COMMENT ON COLUMN k_views.named.name IS 'never null here';
    `);
    const catalog = await read(db, "k_views");
    const [counts, named] = catalog.views;
    expect(named).toMatchObject({
      schema: "k_views",
      name: "named",
      columns: [
        { name: "id", type: "integer" },
        { name: "name", type: "text", comment: "never null here" },
      ],
      dependsOn: [{ schema: "k_views", name: "t" }],
      comment: "rows with a name",
    });
    expect(named?.materialized).toBeUndefined();
    // PostgreSQL 16 stopped qualifying columns of a single-relation FROM when it prints a view
    const definition =
      db.serverVersion >= 160000
        ? "SELECT id, name FROM k_views.t WHERE (name IS NOT NULL)"
        : "SELECT t.id, t.name FROM k_views.t WHERE (t.name IS NOT NULL)";
    expect(named?.definition.replace(/\s+/g, " ")).toBe(definition);
    expect(counts).toMatchObject({
      name: "counts",
      materialized: true,
      dependsOn: [{ schema: "k_views", name: "named" }],
      indexes: [{ name: "counts_name", unique: true, elements: [{ column: "name" }] }],
    });
  });
});

describeOnProviders("introspect: what is left out", { extensions: ["pg_trgm"] }, (getDb) => {
  test("objects owned by an extension, system schemas and the migrator's own schema", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_ext;
      CREATE EXTENSION pg_trgm SCHEMA k_ext;
      COMMENT ON EXTENSION pg_trgm IS 'changed comment';
      CREATE TABLE k_ext.t (name text);
      CREATE INDEX t_trgm ON k_ext.t USING gin (name k_ext.gin_trgm_ops);
      CREATE SCHEMA platform_migrator;
      CREATE TABLE platform_migrator.history (id integer);
    `);
    const catalog = await introspect(db.client);
    expect(catalog.extensions).toContainEqual({ name: "pg_trgm", schema: "k_ext", comment: "changed comment" });
    expect(catalog.functions.filter((f) => f.schema === "k_ext")).toEqual([]);
    expect(catalog.tables.filter((t) => t.schema === "k_ext").map((t) => t.name)).toEqual(["t"]);
    expect(catalog.tables.find((t) => t.schema === "k_ext")?.indexes).toEqual([
      { name: "t_trgm", method: "gin", elements: [{ column: "name", opclass: "gin_trgm_ops" }] },
    ]);
    expect(catalog.schemas.map((s) => s.name)).not.toContain("platform_migrator");
    expect(catalog.tables.some((t) => t.schema === "platform_migrator" || t.schema.startsWith("pg_"))).toBe(false);
  });
});
