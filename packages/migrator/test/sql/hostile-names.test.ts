import { beforeAll, expect, it } from "vitest";
import { HOSTILE_COMMENT, HOSTILE_ROLE, hostileNamesCatalog } from "../../../../fixtures/catalogs/hostile-names.js";
import {
  createTemplatePartitions,
  emitCreateScript,
  quoteIdent,
  quoteLiteral,
  quoteQualified,
  renderType,
} from "../../src/sql/index.js";
import {
  columnTypeMismatches,
  commentMismatches,
  describeOnDatabases,
  extensionsOf,
  failureOf,
  scalar,
} from "./harness.js";

const HOSTILE_NAMES = [
  'weird"name',
  '"',
  '""',
  "Upper Case",
  "UPPER",
  "select",
  "from",
  "表",
  "名前",
  "🚀",
  "emoji 😀",
  "col$x",
  "_ok",
  "ok_1",
  "1starts_with_digit",
  "trailing space ",
  "tab\there",
  "new\nline",
  "semi;colon",
  "back\\slash",
  "it's",
  "ünïcode",
];

describeOnDatabases("quoting: identifiers, literals and types, checked by the server", [], (getDb) => {
  it("quotes every identifier as the server's quote_ident does, and the server reads each back as the name", async () => {
    const { client, serverVersion } = getDb();
    const keywords = await client.query<{ word: string }>("SELECT word FROM pg_get_keywords()");
    const names = [...HOSTILE_NAMES, ...keywords.rows.map((r) => r.word)];
    const { rows } = await client.query<{ name: string; quoted: string }>(
      "SELECT name, quote_ident(name) AS quoted FROM unnest($1::text[]) AS name",
      [names],
    );
    expect(rows.length).toBe(names.length);
    // quoteIdent knows PostgreSQL 18's keywords: an older server may leave a newer keyword bare, never the reverse
    const differing = rows.filter(
      (r) => quoteIdent(r.name) !== r.quoted && !(serverVersion < 180000 && r.quoted === r.name),
    );
    expect(differing).toEqual([]);
    const aliases = names.map((name, i) => `${i} AS ${quoteIdent(name)}`).join(", ");
    const read = await client.query<Record<string, number>>(`SELECT ${aliases}`);
    expect(Object.keys(read.rows[0] ?? {}).sort()).toEqual([...new Set(names)].sort());
  });

  it("writes string literals that read back unchanged", async () => {
    const { client } = getDb();
    const values = [...HOSTILE_NAMES, HOSTILE_COMMENT, "", "'", "''", "\\'", "E'x'", "$$", "\u00e9\u0301"];
    const sql = `SELECT ARRAY[${values.map(quoteLiteral).join(", ")}]::text[] AS v`;
    expect(await scalar(client, sql)).toEqual(values);
  });

  it("names a table through quoteQualified the way regclass resolves it", async () => {
    const { client } = getDb();
    for (const name of ['weird"name', "Upper Case", "表", "select"]) {
      await client.exec(
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}; CREATE TABLE ${quoteQualified({ schema: name, name })} ()`,
      );
      const { rows } = await client.query<{ nspname: string; relname: string }>(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1::regclass",
        [quoteQualified({ schema: name, name })],
      );
      expect(rows).toEqual([{ nspname: name, relname: name }]);
    }
  });

  it("re-quotes the schema and name inside a type and keeps modifiers and array brackets", () => {
    expect(renderType("character varying(255)")).toBe("character varying(255)");
    expect(renderType("timestamp(3) with time zone[]")).toBe("timestamp(3) with time zone[]");
    expect(renderType("public.vector(1536)")).toBe("public.vector(1536)");
    expect(renderType("auth.user_status[]")).toBe("auth.user_status[]");
    expect(renderType('"Upper Case"."Status ""Enum"""[]')).toBe('"Upper Case"."Status ""Enum"""[]');
    expect(renderType("Upper Case.MyType(3)[]")).toBe('"Upper Case"."MyType"(3)[]');
    expect(renderType("select.from")).toBe('"select"."from"');
  });
});

describeOnDatabases("create script: hostile names on every object kind", extensionsOf(hostileNamesCatalog), (getDb) => {
  beforeAll(async () => {
    await getDb().client.exec(emitCreateScript(hostileNamesCatalog));
  });

  it("creates every object; columns have their declared types and every comment reads back", async () => {
    const { client } = getDb();
    expect(await columnTypeMismatches(client, hostileNamesCatalog)).toEqual([]);
    expect(await commentMismatches(client, hostileNamesCatalog)).toEqual([]);
  });

  it("stores and reads rows through hostile columns, defaults, domain, trigger, view and foreign key", async () => {
    const { client } = getDb();
    await client.exec(`INSERT INTO "Upper Case"."weird""name" ("Upper Case", "名前", "user", statuses)
      VALUES ('Hello', 'ärger', 'back\\slash', ARRAY['it''s', '表']::"Upper Case"."Status ""Enum"""[])`);
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT "select"::int AS id, "名前" AS name, "emoji 😀" AS emoji, "a""b"::text AS ab, "user"::text AS u, "order"::int AS o
         FROM "Upper Case"."weird""name"`,
    );
    // the trigger upper-cases the name; the server's own upper() says what that is under its locale
    const upper = await scalar<string>(client, "SELECT upper('ärger')");
    expect(rows).toEqual([{ id: 1, name: upper, emoji: "😀", ab: '"quoted"', u: "back\\slash", o: 7 }]);
    expect(
      await failureOf(client, `INSERT INTO "Upper Case"."weird""name" ("Upper Case", "user") VALUES ('x', 'it''s')`),
    ).toMatch(/check/);
    expect(await failureOf(client, `INSERT INTO "Upper Case"."weird""name" ("Upper Case") VALUES ('Hello')`)).toMatch(
      /unique/,
    );
    expect(await scalar(client, `SELECT "名前" FROM "Upper Case"."view ""v"""`)).toBe(upper);
    expect(await scalar(client, `SELECT "Upper Case"."Do ""Thing"""('x')`)).toBe("did: x $$ $function$");
    await client.exec(`INSERT INTO "select"."🚀 rockets" ("weird id", at) VALUES (1, '2026-05-05')`);
    expect(await scalar(client, `SELECT tableoid::regclass::text FROM "select"."🚀 rockets"`)).toBe(
      '"select"."part ""default"""',
    );
  });

  it("creates rolling partitions with hostile template names", async () => {
    const { client } = getDb();
    const rockets = hostileNamesCatalog.tables.find((t) => t.name === "🚀 rockets");
    if (!rockets) throw new Error("fixture lost its partitioned table");
    await client.exec(createTemplatePartitions(rockets, { from: "2026-06-01", to: "2026-07-01" }).join("\n"));
    await client.exec(`INSERT INTO "select"."🚀 rockets" ("weird id", at) VALUES (1, '2026-06-15')`);
    expect(
      await scalar(client, `SELECT tableoid::regclass::text FROM "select"."🚀 rockets" WHERE at = '2026-06-15'`),
    ).toBe('"select"."🚀 2026-06"');
  });

  it("applies the hostile role's policy and grants", async () => {
    const { client } = getDb();
    await client.exec(
      `INSERT INTO "Upper Case"."weird""name" ("Upper Case", "col$x") VALUES ('thirteen', 13), ('one', 1)`,
    );
    await client.exec(`SET ROLE ${quoteIdent(HOSTILE_ROLE)}`);
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT "col$x" AS n FROM "Upper Case"."weird""name" WHERE "col$x" IS NOT NULL`,
      );
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await client.exec("RESET ROLE");
    }
  });
});
