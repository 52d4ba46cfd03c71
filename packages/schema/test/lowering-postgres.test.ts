/**
 * The lowering predicts what PostgreSQL will report: canonical type names (`format_type`), derived
 * constraint/index names, literal defaults (`pg_get_expr`) and partition bounds. Each test creates the
 * objects with plain SQL written the way a person would (aliases, no names), reads the catalog back from a
 * real server (PGlite, PostgreSQL 18 + pgvector), and compares with what `defineCatalog` produced.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector as pgvectorExtension } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bigint,
  boolean,
  byHash,
  byList,
  byRange,
  type ColumnBuilder,
  char,
  check,
  date,
  defaultPartition,
  defineCatalog,
  domain,
  doublePrecision,
  enumType,
  exclude,
  extension,
  halfvec,
  hashPartition,
  index,
  integer,
  interval,
  jsonb,
  listPartition,
  numeric,
  primaryKey,
  rangePartition,
  real,
  schema,
  smallint,
  sql,
  table,
  text,
  time,
  timestamp,
  timestamptz,
  timetz,
  tstzrange,
  type,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  vector,
} from "../src/index.js";

let db: PGlite;

beforeAll(async () => {
  db = new PGlite({ extensions: { vector: pgvectorExtension } });
  await db.exec(`
    SET TimeZone = 'UTC';
    CREATE EXTENSION vector SCHEMA public;
    CREATE SCHEMA s;
    CREATE TYPE s.mood AS ENUM ('happy', 'sad');
  `);
});

afterAll(async () => {
  await db.close();
});

const rows = async <T>(query: string, params: unknown[] = []): Promise<T[]> => (await db.query<T>(query, params)).rows;

describe("column types lower to format_type's spelling", () => {
  const mood = enumType("s", "mood", ["happy", "sad"]);
  // [declared with the DSL, the same type as a person writes it in SQL]
  const cases: readonly (readonly [string, ColumnBuilder, string])[] = [
    ["c_smallint", smallint(), "int2"],
    ["c_integer", integer(), "int4"],
    ["c_bigint", bigint(), "int8"],
    ["c_numeric", numeric(), "numeric"],
    ["c_numeric_p", numeric(12), "numeric(12)"],
    ["c_numeric_ps", numeric(12, 2), "decimal(12, 2)"],
    ["c_real", real(), "float4"],
    ["c_double", doublePrecision(), "float8"],
    ["c_boolean", boolean(), "bool"],
    ["c_text", text(), "text"],
    ["c_varchar", varchar(255), "varchar(255)"],
    ["c_varchar_free", varchar(), "varchar"],
    ["c_char", char(), "char"],
    ["c_char2", char(2), "char(2)"],
    ["c_uuid", uuid(), "uuid"],
    ["c_jsonb", jsonb(), "jsonb"],
    ["c_date", date(), "date"],
    ["c_time", time(), "time"],
    ["c_time3", time(3), "time(3)"],
    ["c_timetz", timetz(), "timetz"],
    ["c_timestamp", timestamp(), "timestamp"],
    ["c_timestamp3", timestamp(3), "timestamp(3) without time zone"],
    ["c_timestamptz", timestamptz(), "timestamptz"],
    ["c_timestamptz6", timestamptz(6), "timestamptz(6)"],
    ["c_interval", interval(), "interval"],
    ["c_tstzrange", tstzrange(), "tstzrange"],
    ["c_text_array", text().array(), "text[]"],
    ["c_int_array", type("int4[]"), "integer[]"],
    ["c_int_matrix", type("int[][]"), "int[][]"],
    ["c_text_matrix", text().array().array(), "text[][]"],
    ["c_varchar_array", varchar(20).array(), "varchar(20)[]"],
    ["c_alias_type", type("timestamptz(3)"), "timestamptz(3)"],
    ["c_bit_varying", type("varbit(8)"), "bit varying(8)"],
    ["c_vector", vector(3), "vector(3)"],
    ["c_halfvec", halfvec(4), "halfvec(4)"],
    ["c_vector_type", type("vector(5)"), "vector(5)"],
    ["c_enum", mood(), "s.mood"],
    ["c_enum_array", mood().array(), "s.mood[]"],
  ];

  it("matches every declared type", async () => {
    const columns = Object.fromEntries(cases.map(([name, builder]) => [name, builder]));
    const catalog = defineCatalog(
      schema("s"),
      extension("vector", { schema: "public" }),
      mood,
      table("s", "types", columns),
    );
    await db.exec(`CREATE TABLE s.types (${cases.map(([name, , spelled]) => `${name} ${spelled}`).join(", ")})`);
    // the Catalog's convention: format_type with an empty search_path, so extension types come out qualified
    await db.exec("SET search_path = ''");
    const read = await rows<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 's.types'::regclass AND attnum > 0 ORDER BY attnum`,
    );
    await db.exec("RESET search_path");
    const declared = catalog.tables[0]?.columns.map((c) => ({ name: c.name, type: c.type }));
    expect(declared).toEqual(read);
  });
});

describe("unnamed constraints and indexes get PostgreSQL's names", () => {
  const long = "a_table_name_that_is_quite_long_for_a_table_name_really";
  const parent = table("s", "parent", { id: bigint().primaryKey(), code: text().notNull().unique() });
  const child = table(
    "s",
    "child",
    {
      id: bigint().primaryKey(),
      parent_id: bigint().references(() => parent.id),
      email: text().notNull(),
      tenant: integer()
        .notNull()
        .check((c) => sql`${c} > 0`),
      starts: timestamptz(),
      ends: timestamptz(),
      during: tstzrange(),
    },
    (t) => ({
      uniques: [unique().on(t.tenant, t.email), unique().on(t.email).include(t.tenant)],
      checks: [check(sql`${t.starts} < ${t.ends}`), check(sql`length(email) > 3`), check(sql`tenant < 1000000`)],
      exclusions: [exclude({ elements: [[t.during, "&&"]] })],
      indexes: [
        index().on(t.starts),
        index().on(sql`lower(${t.email})`),
        index().on(t.tenant, t.starts.desc()).include(t.email),
        uniqueIndex().on(t.parent_id, t.email),
        index().on(sql`(${t.tenant} + 1)`),
        index().on(sql`(${t.email} || 'x')::varchar`),
        index().on(sql`lower(${t.email})::varchar`),
        index().on(sql`CAST(${t.tenant} + 1 AS bigint)`),
        index().on(sql`coalesce(${t.tenant}, 0)`),
        index().on(sql`${t.tenant}::double precision`),
        index().on(sql`${t.starts} AT TIME ZONE 'UTC'`),
        index().on(sql`pg_catalog.upper(${t.email})`, sql`(${t.tenant} * 2)`),
      ],
    }),
  );
  const longTable = table(
    "s",
    long,
    {
      the_first_rather_long_column_name_in_this_table: bigint(),
      the_second_rather_long_column_name_in_this_table: bigint(),
      ünïcödé_çölümn_ñåmé_wïth_mäny_büt_nöt_tòò_mâny: text(),
    },
    (t) => ({
      primaryKey: primaryKey(t.the_first_rather_long_column_name_in_this_table),
      uniques: [
        unique().on(
          t.the_first_rather_long_column_name_in_this_table,
          t.the_second_rather_long_column_name_in_this_table,
        ),
      ],
      indexes: [index().on(t.ünïcödé_çölümn_ñåmé_wïth_mäny_büt_nöt_tòò_mâny)],
    }),
  );

  it("names them as the server does", async () => {
    const catalog = defineCatalog(schema("s"), parent, child, longTable);
    await db.exec(`
      CREATE TABLE s.parent (id bigint PRIMARY KEY, code text NOT NULL UNIQUE);
      CREATE TABLE s.child (
        id bigint PRIMARY KEY,
        parent_id bigint REFERENCES s.parent (id),
        email text NOT NULL,
        tenant integer NOT NULL CHECK (tenant > 0),
        starts timestamptz,
        ends timestamptz,
        during tstzrange,
        UNIQUE (tenant, email),
        UNIQUE (email) INCLUDE (tenant),
        CHECK (starts < ends),
        CHECK (length(email) > 3),
        CHECK (tenant < 1000000),
        EXCLUDE USING gist (during WITH &&)
      );
      CREATE INDEX ON s.child (starts);
      CREATE INDEX ON s.child (lower(email));
      CREATE INDEX ON s.child (tenant, starts DESC) INCLUDE (email);
      CREATE UNIQUE INDEX ON s.child (parent_id, email);
      CREATE INDEX ON s.child ((tenant + 1));
      CREATE INDEX ON s.child (((email || 'x')::varchar));
      CREATE INDEX ON s.child ((lower(email)::varchar));
      CREATE INDEX ON s.child ((CAST(tenant + 1 AS bigint)));
      CREATE INDEX ON s.child ((coalesce(tenant, 0)));
      CREATE INDEX ON s.child ((tenant::double precision));
      CREATE INDEX ON s.child ((starts AT TIME ZONE 'UTC'));
      CREATE INDEX ON s.child ((pg_catalog.upper(email)), ((tenant * 2)));
      CREATE TABLE s."${long}" (
        the_first_rather_long_column_name_in_this_table bigint PRIMARY KEY,
        the_second_rather_long_column_name_in_this_table bigint,
        "ünïcödé_çölümn_ñåmé_wïth_mäny_büt_nöt_tòò_mâny" text,
        UNIQUE (the_first_rather_long_column_name_in_this_table, the_second_rather_long_column_name_in_this_table)
      );
      CREATE INDEX ON s."${long}" ("ünïcödé_çölümn_ñåmé_wïth_mäny_büt_nöt_tòò_mâny");
    `);
    for (const t of catalog.tables) {
      const constraints = await rows<{ name: string }>(
        `SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass AND contype <> 'n' ORDER BY 1`,
        [`s."${t.name}"`],
      );
      const indexes = await rows<{ name: string }>(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
         ORDER BY 1`,
        [`s."${t.name}"`],
      );
      const declaredConstraints = [
        ...(t.primaryKey ? [t.primaryKey.name] : []),
        ...(t.uniques ?? []).map((u) => u.name),
        ...(t.checks ?? []).map((c) => c.name),
        ...(t.foreignKeys ?? []).map((f) => f.name),
        ...(t.exclusions ?? []).map((e) => e.name),
      ];
      expect([...declaredConstraints].sort(), `constraints of ${t.name}`).toEqual(
        constraints.map((r) => r.name).sort(),
      );
      expect((t.indexes ?? []).map((i) => i.name).sort(), `indexes of ${t.name}`).toEqual(
        indexes.map((r) => r.name).sort(),
      );
    }
  });
});

describe("unnamed domain checks get PostgreSQL's names", () => {
  it("names them <domain>_check, then <domain>_check1", async () => {
    const email = domain("s", "email_address", "text", {
      checks: [sql`VALUE ~ '@'`, sql`length(VALUE) < 320`],
      default: "nobody@example.com",
    });
    const catalog = defineCatalog(schema("s"), email);
    await db.exec(
      `CREATE DOMAIN s.email_address AS text DEFAULT 'nobody@example.com' CHECK (VALUE ~ '@') CHECK (length(VALUE) < 320)`,
    );
    const read = await rows<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint WHERE contypid = 's.email_address'::regtype ORDER BY 1`,
    );
    const [declared] = catalog.domains;
    expect(declared?.checks?.map((c) => c.name)).toEqual(read.map((r) => r.name));
    const [{ typdefault }] = (await rows<{ typdefault: string }>(
      `SELECT typdefault FROM pg_type WHERE oid = 's.email_address'::regtype`,
    )) as [{ typdefault: string }];
    expect(declared?.default).toBe(typdefault);
  });
});

describe("literal defaults lower to pg_get_expr's text", () => {
  const mood = enumType("s", "mood", ["happy", "sad"]);
  const cases: readonly (readonly [string, ColumnBuilder, string])[] = [
    ["d_text", text().default("it's"), "text DEFAULT 'it''s'"],
    ["d_varchar", varchar(10).default("x"), "varchar(10) DEFAULT 'x'"],
    ["d_char", char(2).default("ab"), "char(2) DEFAULT 'ab'"],
    ["d_int", integer().default(0), "integer DEFAULT 0"],
    ["d_int_negative", integer().default(-1), "integer DEFAULT -1"],
    ["d_bigint", bigint().default(5), "bigint DEFAULT 5"],
    ["d_bigint_large", bigint().default(5_000_000_000n), "bigint DEFAULT 5000000000"],
    ["d_smallint", smallint().default(3), "smallint DEFAULT 3"],
    ["d_numeric", numeric(12, 2).default(0), "numeric(12,2) DEFAULT 0"],
    ["d_numeric_fraction", numeric(12, 2).default(1.5), "numeric(12,2) DEFAULT 1.5"],
    ["d_double", doublePrecision().default(0.25), "float8 DEFAULT 0.25"],
    ["d_boolean", boolean().default(true), "boolean DEFAULT true"],
    ["d_jsonb", jsonb().default("{}"), "jsonb DEFAULT '{}'"],
    ["d_enum", mood().default("happy"), "s.mood DEFAULT 'happy'"],
    ["d_text_array", text().array().default("{}"), "text[] DEFAULT '{}'"],
    ["d_expression", timestamptz().default(sql`now()`), "timestamptz DEFAULT now()"],
  ];

  it("matches every declared default", async () => {
    const columns = Object.fromEntries(cases.map(([name, builder]) => [name, builder]));
    const catalog = defineCatalog(schema("s"), mood, table("s", "defaults", columns));
    await db.exec(`CREATE TABLE s.defaults (${cases.map(([name, , spelled]) => `${name} ${spelled}`).join(", ")})`);
    const read = await rows<{ name: string; default: string }>(
      `SELECT a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = 's.defaults'::regclass ORDER BY a.attnum`,
    );
    expect(catalog.tables[0]?.columns.map((c) => ({ name: c.name, default: c.default }))).toEqual(read);
  });
});

describe("partition bounds lower to pg_get_expr's text", () => {
  it("matches range, list, hash and default bounds", async () => {
    const ranged = table("s", "ranged", { at: timestamptz().notNull(), n: integer().notNull() }, (t) => ({
      partitionBy: byRange(t.at),
      partitions: [
        rangePartition("ranged_2026_01", "2026-01-01", "2026-02-01"),
        rangePartition("ranged_2026_02", new Date(Date.UTC(2026, 1, 1)), new Date(Date.UTC(2026, 2, 1))),
        defaultPartition("ranged_default"),
      ],
    }));
    const numbered = table("s", "numbered", { n: integer().notNull(), big: bigint().notNull() }, (t) => ({
      partitionBy: byRange(t.n, t.big),
      partitions: [rangePartition("numbered_low", [-10, 0], [100, 5])],
    }));
    const listed = table("s", "listed", { region: text().notNull(), tenant: integer().notNull() }, (t) => ({
      partitionBy: byList(t.region),
      partitions: [
        listPartition("listed_eu", ["eu-west", "eu-central"], {
          partitionBy: byHash(t.tenant),
          partitions: [hashPartition("listed_eu_0", 2, 0), hashPartition("listed_eu_1", 2, 1)],
        }),
      ],
    }));
    const catalog = defineCatalog(schema("s"), ranged, numbered, listed);
    await db.exec(`
      CREATE TABLE s.ranged (at timestamptz NOT NULL, n integer NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE s.ranged_2026_01 PARTITION OF s.ranged FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      CREATE TABLE s.ranged_2026_02 PARTITION OF s.ranged FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
      CREATE TABLE s.ranged_default PARTITION OF s.ranged DEFAULT;
      CREATE TABLE s.numbered (n integer NOT NULL, big bigint NOT NULL) PARTITION BY RANGE (n, big);
      CREATE TABLE s.numbered_low PARTITION OF s.numbered FOR VALUES FROM (-10, 0) TO (100, 5);
      CREATE TABLE s.listed (region text NOT NULL, tenant integer NOT NULL) PARTITION BY LIST (region);
      CREATE TABLE s.listed_eu PARTITION OF s.listed FOR VALUES IN ('eu-west', 'eu-central') PARTITION BY HASH (tenant);
      CREATE TABLE s.listed_eu_0 PARTITION OF s.listed_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE s.listed_eu_1 PARTITION OF s.listed_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
    `);
    const read = await rows<{ name: string; bound: string }>(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c
       WHERE c.relispartition AND c.relnamespace = 's'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const render = (b: {
      kind: string;
      from?: string[];
      to?: string[];
      values?: string[];
      modulus?: number;
      remainder?: number;
    }) =>
      b.kind === "range"
        ? `FOR VALUES FROM (${b.from?.join(", ")}) TO (${b.to?.join(", ")})`
        : b.kind === "list"
          ? `FOR VALUES IN (${b.values?.join(", ")})`
          : b.kind === "hash"
            ? `FOR VALUES WITH (modulus ${b.modulus}, remainder ${b.remainder})`
            : "DEFAULT";
    const declared = catalog.tables
      .flatMap((t) => (t.partitions ?? []).flatMap((p) => [p, ...(p.partitions ?? [])]))
      .map((p) => ({ name: p.name, bound: render(p.bound) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(declared).toEqual(read);
  });
});
