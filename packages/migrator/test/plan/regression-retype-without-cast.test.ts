import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { expect, it } from "vitest";
import { describeOnProviders } from "../../../../test/support/index.js";
import { sameExpression } from "../../src/normalize/index.js";
import { directCastExists } from "../../src/plan/columns.js";
import { plan, renderMigrationSql, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { describeMismatch, dropCaseSchemas, mismatch, readBack } from "../property/harness.js";
import { applyMigration } from "./apply.js";

// Found by the A → B property once its preconditions were removed: a column changing between two types
// PostgreSQL has no cast between (enum → integer, integer[] → numeric, numeric → date, one enum to
// another), often on both sides of a foreign key when B moves the key it references. The plan emitted
// `ALTER COLUMN ... TYPE x USING col::x`, which PostgreSQL refuses even on an empty table ("cannot cast
// type app.status to integer"). The plan now converts through the value's text form, `col::text::x`.

const enums = [
  { schema: "app", name: "code", values: ["1", "2", "x"] },
  { schema: "app", name: "other", values: ["x", "y"] },
];
const catalog = (tables: Table[]): Catalog => ({ ...emptyCatalog(), schemas: [{ name: "app" }], enums, tables });
const item = (type: string, extra: Partial<Table["columns"][number]> = {}): Table => ({
  schema: "app",
  name: "items",
  columns: [
    { name: "id", type: "integer", notNull: true },
    { name: "v", type, ...extra },
  ],
  primaryKey: { name: "items_pkey", columns: ["id"] },
});

interface Case {
  readonly name: string;
  readonly before: Catalog;
  readonly after: Catalog;
  /** rows inserted into A; each converts (or is NULL, the only value some pairs can convert) */
  readonly seed: string;
  /** a query over B and the rows it must return: the values converted */
  readonly check: { readonly sql: string; readonly rows: readonly Record<string, unknown>[] };
}

const single = (from: string, to: string, value: string, expected: string | null, extra = {}): Case => ({
  name: `${from} → ${to}${"default" in extra ? " with a default" : ""}`,
  before: catalog([item(from)]),
  after: catalog([item(to, extra)]),
  seed: `INSERT INTO app.items (id, v) VALUES (1, ${value}), (2, NULL);`,
  check: {
    sql: "SELECT id, v::text AS v FROM app.items ORDER BY id",
    rows: [
      { id: 1, v: expected },
      { id: 2, v: null },
    ],
  },
});

const parent = (type: string): Table => ({
  schema: "app",
  name: "parents",
  columns: [{ name: "id", type, notNull: true }],
  primaryKey: { name: "parents_pkey", columns: ["id"] },
});
const child = (type: string): Table => ({
  schema: "app",
  name: "children",
  columns: [{ name: "parent", type }],
  foreignKeys: [
    {
      name: "children_parent_fkey",
      columns: ["parent"],
      references: { schema: "app", table: "parents", columns: ["id"] },
    },
  ],
});
const keyed = (from: string, to: string, value: string, expected: string): Case => ({
  name: `${from} → ${to} on both sides of a foreign key`,
  before: catalog([parent(from), child(from)]),
  after: catalog([parent(to), child(to)]),
  seed: `INSERT INTO app.parents (id) VALUES (${value}); INSERT INTO app.children (parent) VALUES (${value}), (NULL);`,
  check: {
    sql: "SELECT p.id::text AS id, c.parent::text AS parent FROM app.children c LEFT JOIN app.parents p ON p.id = c.parent ORDER BY 2",
    rows: [
      { id: expected, parent: expected },
      { id: null, parent: null },
    ],
  },
});

const cases: Case[] = [
  single("app.code", "integer", "'2'", "2"),
  single("app.code", "app.other", "'x'", "x"),
  single("numeric(8,0)", "date", "20240131", "2024-01-31"),
  single("bigint", "boolean", "1", "true"),
  single("integer[]", "numeric(12,2)", "NULL", null),
  single("numeric(12,2)", "integer[]", "NULL", null),
  single("integer[]", "integer", "NULL", null),
  // the default is dropped before and set after, in the new type
  single("app.code", "integer", "'1'", "1", { default: "0" }),
  keyed("app.code", "integer", "'2'", "2"),
  keyed("integer", "app.code", "2", "2"),
  keyed("text", "app.code", "'x'", "x"),
];

const TYPES = [
  "smallint",
  "integer",
  "bigint",
  "numeric(12,2)",
  "double precision",
  "text",
  "character varying(10)",
  "boolean",
  "date",
  "timestamp with time zone",
  "time without time zone",
  "interval",
  "json",
  "jsonb",
  "uuid",
  "integer[]",
  "text[]",
  "app.code",
  "app.code[]",
  "app.other",
];

it("converts through text only where PostgreSQL has no cast", () => {
  const using = (c: Case) =>
    plan(c.before, c.after, { allowDestructive: true })
      .steps.flatMap((s) => s.statements)
      .filter((s) => s.includes(" USING "));
  expect(using(single("integer", "bigint", "1", "1"))).toEqual([
    "ALTER TABLE app.items ALTER COLUMN v TYPE bigint USING v::bigint;",
  ]);
  expect(using(single("app.code", "integer", "'1'", "1"))).toEqual([
    "ALTER TABLE app.items ALTER COLUMN v TYPE integer USING v::text::integer;",
  ]);
});

describeOnProviders(
  "regression: a column retyped between types without a cast",
  { providers: ["pglite", "native"] },
  (getDb) => {
    it("a cast taken as direct is one PostgreSQL has, and every pair converts through text", async () => {
      const { client } = getDb();
      await dropCaseSchemas(client);
      try {
        await client.exec(emitCreateScript(catalog([])));
        const wrong: string[] = [];
        for (const from of TYPES) {
          for (const to of TYPES) {
            const accepts = (sql: string) =>
              client.query(sql).then(
                () => true,
                () => false,
              );
            if (directCastExists(from, to) && !(await accepts(`SELECT (NULL::${from})::${to}`)))
              wrong.push(`${from} → ${to}: taken as direct, PostgreSQL has no cast`);
            if (!(await accepts(`SELECT (NULL::${from})::text::${to}`)))
              wrong.push(`${from} → ${to}: not through text`);
          }
        }
        expect(wrong).toEqual([]);
      } finally {
        await dropCaseSchemas(client);
      }
    });

    for (const c of cases) {
      it(`${c.name}: the plan applies over rows, reads back as B, replans empty and converts the values`, async () => {
        const { client } = getDb();
        await dropCaseSchemas(client);
        try {
          await client.exec(emitCreateScript(c.before));
          await client.exec(c.seed);
          const migrations = splitMigrations(plan(c.before, c.after, { allowDestructive: true }).steps);
          for (const migration of migrations) await applyMigration(client, migration);
          const found = await mismatch(client, c.after, { ignoreColumnOrder: true });
          if (found) throw new Error(describeMismatch(found, migrations.map(renderMigrationSql).join("\n")));
          const read = await readBack(client, c.after);
          expect(plan(read, c.after, { allowDestructive: true, sameExpression }).steps).toEqual([]);
          expect((await client.query(c.check.sql)).rows).toEqual(c.check.rows);
        } finally {
          await dropCaseSchemas(client);
        }
      });
    }
  },
);
