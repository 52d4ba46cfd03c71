import { type Catalog, emptyCatalog, type FunctionDef, type Table, type Trigger } from "@platform/schema";
import { expect, it } from "vitest";
import { describeOnProviders } from "../../../../test/support/index.js";
import { diff } from "../../src/diff/index.js";
import { sameExpression } from "../../src/normalize/index.js";
import { plan, renderMigrationSql, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { describeMismatch, dropCaseSchemas, mismatch, readBack } from "../property/harness.js";
import { applyMigration } from "./apply.js";

// Same class as regression-column-under-policy: objects whose stored definitions read a column, which
// PostgreSQL will not let the column be retyped or dropped under.
// - a trigger's `UPDATE OF` list or `WHEN` reading a retyped column: "cannot alter type of a column used in
//   a trigger definition" (the trigger is now dropped before and created after);
// - a `WHEN` reading a dropped column, replaced by `CREATE OR REPLACE TRIGGER` after the DROP COLUMN:
//   "cannot drop column ... because other objects depend on it" (the replace now runs first);
// - a generated column reading a retyped column: "cannot alter type of a column used by a generated
//   column" (the generated column is now dropped and added around the change, by `diff` itself);
// - a policy reading that rebuilt generated column, or reading a retyped column of another table in a
//   subquery while its own table is unchanged (`diff` now finds both).

const touch: FunctionDef = {
  schema: "app",
  name: "touch",
  args: [],
  returns: "trigger",
  language: "plpgsql",
  body: "BEGIN RETURN NEW; END",
};

const catalog = (tables: Table[]): Catalog => ({
  ...emptyCatalog(),
  schemas: [{ name: "app" }],
  functions: [touch],
  tables,
});

const trigger = (t: Partial<Trigger>): Trigger => ({
  name: "t",
  timing: "before",
  events: ["update"],
  level: "row",
  function: { schema: "app", name: "touch" },
  ...t,
});

const items = (columns: Table["columns"], triggers: Trigger[], extra: Partial<Table> = {}): Table => ({
  schema: "app",
  name: "items",
  columns,
  triggers,
  ...extra,
});

interface Case {
  readonly name: string;
  readonly before: Catalog;
  readonly after: Catalog;
}

const cases: Case[] = [
  {
    name: "a column retyped under a trigger's UPDATE OF (the trigger is unchanged)",
    before: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "integer" },
        ],
        [trigger({ updateOf: ["a"] })],
      ),
    ]),
    after: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "bigint" },
        ],
        [trigger({ updateOf: ["a"] })],
      ),
    ]),
  },
  {
    name: "a column retyped under a trigger's WHEN (the trigger is unchanged)",
    before: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "integer" },
        ],
        [trigger({ when: "(old.a IS DISTINCT FROM new.a)" })],
      ),
    ]),
    after: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "bigint" },
        ],
        [trigger({ when: "(old.a IS DISTINCT FROM new.a)" })],
      ),
    ]),
  },
  {
    name: "a column retyped under a trigger's WHEN that changes too",
    before: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "integer" },
        ],
        [trigger({ when: "(old.a IS DISTINCT FROM new.a)" })],
      ),
    ]),
    after: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "bigint" },
        ],
        [trigger({ when: "(new.a > 0)" })],
      ),
    ]),
  },
  {
    name: "a column dropped while the trigger whose WHEN read it is replaced not to",
    before: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "integer" },
        ],
        [trigger({ when: "(old.a IS DISTINCT FROM new.a)" })],
      ),
    ]),
    after: catalog([items([{ name: "id", type: "integer" }], [trigger({ when: "(new.id > 0)" })])]),
  },
  {
    // Applied before the fix too (the step order happened to be right): pins the create/replace `needs`.
    name: "a column added and read by a trigger's WHEN replacing another",
    before: catalog([items([{ name: "id", type: "integer" }], [trigger({ when: "(new.id > 0)" })])]),
    after: catalog([
      items(
        [
          { name: "id", type: "integer" },
          { name: "a", type: "integer" },
        ],
        [trigger({ when: "(new.a > 0)" })],
      ),
    ]),
  },
  {
    name: "a column retyped under a generated column that reads it (the generated column is unchanged)",
    before: catalog([
      items(
        [
          { name: "a", type: "integer" },
          { name: "b", type: "integer", generated: "(a * 2)" },
        ],
        [],
      ),
    ]),
    after: catalog([
      items(
        [
          { name: "a", type: "bigint" },
          { name: "b", type: "integer", generated: "(a * 2)" },
        ],
        [],
      ),
    ]),
  },
  {
    name: "a column retyped under a generated column read by a policy",
    before: catalog([
      items(
        [
          { name: "a", type: "integer" },
          { name: "b", type: "integer", generated: "(a * 2)" },
        ],
        [],
        { rowLevelSecurity: "enabled", policies: [{ name: "p", using: "(b > 0)" }] },
      ),
    ]),
    after: catalog([
      items(
        [
          { name: "a", type: "bigint" },
          { name: "b", type: "integer", generated: "(a * 2)" },
        ],
        [],
        { rowLevelSecurity: "enabled", policies: [{ name: "p", using: "(b > 0)" }] },
      ),
    ]),
  },
];

const descriptions = (c: Case) => plan(c.before, c.after, { allowDestructive: true }).steps.map((s) => s.description);

it("drops a trigger before retyping a column its UPDATE OF names, and creates it after", () => {
  const steps = descriptions(cases[0] as Case);
  const drop = steps.indexOf("drop trigger app.items.t");
  const alter = steps.indexOf("change type of app.items.a to bigint");
  const create = steps.indexOf("create trigger app.items.t");
  expect(drop).toBeGreaterThanOrEqual(0);
  expect(alter).toBeGreaterThan(drop);
  expect(create).toBeGreaterThan(alter);
});

it("replaces a trigger before dropping the column its old WHEN read", () => {
  const steps = descriptions(cases[3] as Case);
  const replace = steps.indexOf("replace trigger app.items.t");
  const drop = steps.indexOf("drop column app.items.a");
  expect(replace).toBeGreaterThanOrEqual(0);
  expect(drop).toBeGreaterThan(replace);
});

it("rebuilds a generated column reading a retyped column in the diff", () => {
  const c = cases[5] as Case;
  const kinds = diff(c.before, c.after).map((x) =>
    x.kind === "column.add" || x.kind === "column.drop" ? `${x.kind} ${x.column.name}` : x.kind,
  );
  expect(kinds).toContain("column.drop b");
  expect(kinds).toContain("column.add b");
  expect(kinds).toContain("column.alter-type");
});

it("leaves a trigger alone when no column it reads changes type", () => {
  const before = catalog([
    items(
      [
        { name: "a", type: "integer" },
        { name: "note", type: "varchar(10)" },
      ],
      [trigger({ updateOf: ["a"], when: "(new.a > 0)" })],
    ),
  ]);
  const after = catalog([
    items(
      [
        { name: "a", type: "integer" },
        { name: "note", type: "text" },
      ],
      [trigger({ updateOf: ["a"], when: "(new.a > 0)" })],
    ),
  ]);
  expect(diff(before, after).map((x) => x.kind)).toEqual(["column.alter-type"]);
});

describeOnProviders(
  "regression: triggers and generated columns over a retyped or dropped column",
  { providers: ["pglite", "native"] },
  (getDb) => {
    for (const c of cases) {
      it(`${c.name}: the plan applies, the database reads back as B, and replanning finds nothing`, async () => {
        const { client } = getDb();
        await dropCaseSchemas(client);
        try {
          await client.exec(emitCreateScript(c.before));
          const migrations = splitMigrations(plan(c.before, c.after, { allowDestructive: true }).steps);
          for (const migration of migrations) await applyMigration(client, migration);
          const found = await mismatch(client, c.after, { ignoreColumnOrder: true });
          if (found) throw new Error(describeMismatch(found, migrations.map(renderMigrationSql).join("\n")));
          const read = await readBack(client, c.after);
          expect(plan(read, c.after, { allowDestructive: true, sameExpression }).steps).toEqual([]);
        } finally {
          await dropCaseSchemas(client);
        }
      });
    }
  },
);
