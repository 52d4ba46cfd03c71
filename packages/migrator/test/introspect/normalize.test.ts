/**
 * The normalisers checked against what real servers print: a declared spelling and PostgreSQL's
 * read-back must get the same normal form, and a different expression must not.
 */
import { expect, test } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { normalizeIcuLocale, normalizeType, sameExpression, serialSequenceName } from "../../src/normalize/index.js";
import { describeOnProviders } from "./harness.js";

/** [declared CHECK expression, a different expression that must not compare equal] */
const CHECKS: ReadonlyArray<readonly [string, string]> = [
  ["price > 0", "price > 1"],
  ["price >= 0 AND price <= 100", "price >= 0 OR price <= 100"],
  ["price BETWEEN 0 AND 100", "price BETWEEN 0 AND 1000"],
  ["state IN ('new', 'paid')", "state IN ('new', 'shipped')"],
  ["state NOT IN ('gone')", "state IN ('gone')"],
  ["code IN ('a', 'b')", "code IN ('a')"],
  ["name LIKE 'x%'", "name ILIKE 'x%'"],
  ["name !~~* 'y%'", "name ~~* 'y%'"],
  ["qty <> -1", "qty <> 1"],
  ["(qty > 0 OR price > 0) AND name IS NOT NULL", "qty > 0 OR (price > 0 AND name IS NOT NULL)"],
  ["qty - (qty - 1) = 1", "qty - qty - 1 = 1"],
  ["NOT (qty = 0)", "qty = 0"],
  ["CAST(qty AS bigint) < 10", "CAST(qty AS bigint) < 11"],
  ["length(name) <= 20", "length(name) <= 21"],
  ["created_at > '2020-01-01'", "created_at > '2020-01-02'"],
  ["tags @> ARRAY['a']", "tags <@ ARRAY['a']"],
  ["coalesce(qty, 0) >= 0", "coalesce(qty, 1) >= 0"],
  ["CASE WHEN qty > 0 THEN price > 0 ELSE true END", "CASE WHEN qty > 0 THEN price > 0 ELSE false END"],
  // a QUOTED varchar column: the server prints `("Sta""te")::text <> ''::text`
  ['"Sta""te" <> \'\'', '"Sta""te" <> \'x\''],
  ["\"Sta\"\"te\" IN ('a', 'b')", '"Sta""te" IN (\'a\')'],
  // a keyword column keeps its quotes: unquoted, `(select)` would read as a subquery
  ["\"select\" <> ''", "\"select\" <> 'y'"],
];

describeOnProviders("normalize: declared expressions against PostgreSQL's read-back", {}, (getDb) => {
  test("each declared CHECK compares equal to what the server stores, and unequal to a different one", async () => {
    const db = getDb();
    const checks = CHECKS.map(([declared], i) => `CONSTRAINT c${String(i).padStart(2, "0")} CHECK (${declared})`);
    await db.client.exec(`
      CREATE SCHEMA k_norm;
      CREATE TABLE k_norm.t (price numeric(10,2), qty integer, name text, state varchar(10), code char(1),
        created_at timestamptz, tags text[], "Sta""te" varchar(10), "select" varchar(10), ${checks.join(", ")});
    `);
    const table = (await introspect(db.client, { schemas: ["k_norm"] })).tables[0];
    const stored = table?.checks ?? [];
    expect(stored).toHaveLength(CHECKS.length);
    CHECKS.forEach(([declared, different], i) => {
      const read = stored[i]?.expression;
      expect({ declared, read, same: sameExpression(declared, read) }).toEqual({ declared, read, same: true });
      expect({ different, read, same: sameExpression(different, read) }).toEqual({ different, read, same: false });
    });
  });

  test("type aliases normalise to the type format_type prints", async () => {
    const db = getDb();
    const aliases = [
      "int",
      "int4",
      "int2",
      "int8",
      "float4",
      "float8",
      "float(10)",
      "float(40)",
      "bool",
      "decimal(8,3)",
      "varchar",
      "varchar(12)",
      "char",
      "char(3)",
      "bpchar",
      "timestamptz",
      "timestamptz(3)",
      "timestamp",
      "timestamp(0) with time zone",
      "time",
      "timetz",
      "varbit(4)",
      "bit",
      "int[]",
      "varchar(5)[][]",
      "integer ARRAY",
      "pg_catalog.text",
      "k_types.mood",
      "k_types.mood[]",
    ];
    await db.client.exec(`
      CREATE SCHEMA k_types;
      CREATE TYPE k_types.mood AS ENUM ('ok');
      CREATE TABLE k_types.t (${aliases.map((a, i) => `c${String(i).padStart(2, "0")} ${a}`).join(", ")});
    `);
    const columns = (await introspect(db.client, { schemas: ["k_types"] })).tables[0]?.columns ?? [];
    expect(aliases.map((a) => [a, normalizeType(a)])).toEqual(aliases.map((a, i) => [a, columns[i]?.type]));
  });

  test("serial sequences are recognised whatever the length of the names (PostgreSQL truncates to 63 bytes)", async () => {
    const db = getDb();
    const pairs: ReadonlyArray<readonly [string, string]> = [
      ["short", "id"],
      ["a_table_name_that_is_long_enough_to_need_truncation_for_sure", "identifier_column"],
      ["t", "a_column_name_that_is_long_enough_to_need_truncation_for_sure_x"],
      ["täbelle_mit_umlauten_und_einem_sehr_langen_namen_öäü", "spalte_ß"],
    ];
    await db.client.exec(`
      CREATE SCHEMA k_serials;
      ${pairs.map(([t, c]) => `CREATE TABLE k_serials."${t}" ("${c}" serial);`).join("\n")}
    `);
    const catalog = await introspect(db.client, { schemas: ["k_serials"] });
    const found = await db.client.query<{ table: string; sequence: string }>(
      `SELECT c.relname AS "table", s.relname AS sequence FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid JOIN pg_class c ON c.oid = d.refobjid
       WHERE s.relkind = 'S' AND s.relnamespace = 'k_serials'::regnamespace AND d.deptype = 'a'`,
    );
    for (const [table, column] of pairs) {
      const actual = found.rows.find((r) => r.table === table)?.sequence;
      expect(serialSequenceName(table, column)).toBe(actual);
    }
    expect(catalog.tables.flatMap((t) => t.columns.map((c) => c.type))).toEqual(pairs.map(() => "serial"));
    expect(catalog.sequences).toEqual([]);
  });

  test("ICU locales: the declared spelling and the one the server keeps normalise alike", async () => {
    // PostgreSQL 16+ stores BCP 47 tags (`und-u-ks-level2`); older servers and PGlite keep what was written
    const db = getDb();
    const locales = ["@colStrength=secondary", "und-u-ks-level2", "de-DE@colNumeric=yes", "@colStrength=primary"];
    await db.client.exec(`
      CREATE SCHEMA k_icu;
      ${locales.map((l, i) => `CREATE COLLATION k_icu.c${i} (provider = icu, locale = '${l}', deterministic = false);`).join("\n")}
    `);
    const read = (await introspect(db.client, { schemas: ["k_icu"] })).collations.map((c) => c.locale);
    expect(locales.map(normalizeIcuLocale)).toEqual(read.map(normalizeIcuLocale));
    expect(normalizeIcuLocale(locales[3] as string)).not.toBe(normalizeIcuLocale(read[0] as string));
  });
});
