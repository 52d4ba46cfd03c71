import { type Catalog, emptyCatalog, type Table, type View } from "@platform/schema";
import { expect, it } from "vitest";
import { describeOnProviders } from "../../../../test/support/index.js";
import { diff } from "../../src/diff/index.js";
import { sameExpression } from "../../src/normalize/index.js";
import { plan, renderMigrationSql, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { describeMismatch, dropCaseSchemas, mismatch, readBack } from "../property/harness.js";
import { applyMigration } from "./apply.js";

// Found by the A → B property (shrunk cases, narrowed out as `changesColumnUnderPolicy`). PostgreSQL
// refuses to change the type of a column a policy reads ("cannot alter type of a column used in a policy
// definition") and to drop a column a policy still reads ("cannot drop column ... because other objects
// depend on it"). The plan ran the bare ALTER COLUMN ... TYPE, and the DROP COLUMN before the ALTER POLICY
// that stops reading the column. Now the policy is dropped before the type change and created after (one
// transaction), and an ALTER POLICY runs before the columns it stops reading are dropped.

const catalog = (tables: Table[], views: View[] = []): Catalog => ({
  ...emptyCatalog(),
  schemas: [{ name: "app" }],
  tables,
  views,
});

const users = (columns: Table["columns"], policies: Table["policies"]): Table => ({
  schema: "app",
  name: "users",
  columns,
  rowLevelSecurity: "enabled",
  policies,
});

const members = (type: string): Table => ({ schema: "app", name: "members", columns: [{ name: "doc_id", type }] });
const docs = (columns: Table["columns"]): Table => ({
  schema: "app",
  name: "docs",
  columns,
  rowLevelSecurity: "enabled",
  policies: [{ name: "member", using: "(EXISTS ( SELECT 1 FROM app.members m WHERE (m.doc_id = docs.id)))" }],
});

interface Case {
  readonly name: string;
  readonly before: Catalog;
  readonly after: Catalog;
  /** runs on the migrated database: the rows it returns must equal `rows` */
  readonly check?: { readonly seed: string; readonly sql: string; readonly rows: unknown[] };
}

const generated = (type: string): Table => ({
  schema: "app",
  name: "g",
  columns: [
    { name: "a", type },
    { name: "b", type, generated: "(a * 2)" },
  ],
});

const view = (type: string): View => ({
  schema: "app",
  name: "ids",
  definition: "SELECT id FROM app.users",
  columns: [{ name: "id", type }],
  dependsOn: [{ schema: "app", name: "users" }],
});

const cases: Case[] = [
  {
    name: "a column type change under a policy that reads it (the policy is unchanged)",
    before: catalog([users([{ name: "id", type: "numeric(5,0)" }], [{ name: "p", using: "(id IS NOT NULL)" }])]),
    after: catalog([users([{ name: "id", type: "numeric(9,0)" }], [{ name: "p", using: "(id IS NOT NULL)" }])]),
    check: {
      seed: "INSERT INTO app.users VALUES (12345)",
      sql: "SELECT id::text AS id FROM app.users",
      rows: [{ id: "12345" }],
    },
  },
  {
    name: "a column type change under a policy that changes too",
    before: catalog([
      users(
        [{ name: "id", type: "integer" }],
        [{ name: "p", using: "(id > 0)", withCheck: "(id > 0)", roles: undefined }],
      ),
    ]),
    after: catalog([
      users([{ name: "id", type: "bigint" }], [{ name: "p", using: "(id > 1)", withCheck: "(id > 0)" }]),
    ]),
  },
  {
    name: "a column dropped while the policy that read it is altered not to",
    before: catalog([
      users(
        [
          { name: "id", type: "integer" },
          { name: "with space", type: "numeric" },
        ],
        [{ name: "p", withCheck: '("with space" > (0)::numeric)' }],
      ),
    ]),
    after: catalog([users([{ name: "id", type: "integer" }], [{ name: "p", withCheck: "(id IS NOT NULL)" }])]),
  },
  {
    name: "a column renamed and retyped under a policy",
    before: catalog([users([{ name: "id", type: "integer" }], [{ name: "p", using: "(id > 0)" }])]),
    after: catalog([users([{ name: "uid", type: "bigint", renamedFrom: "id" }], [{ name: "p", using: "(uid > 0)" }])]),
  },
  {
    name: "a column renamed under a policy that is altered to the new name",
    before: catalog([users([{ name: "a", type: "integer" }], [{ name: "p", using: "(a > 0)" }])]),
    after: catalog([users([{ name: "b", type: "integer", renamedFrom: "a" }], [{ name: "p", using: "(b > 1)" }])]),
  },
  {
    name: "a column of another table, read in a policy's subquery, changes type (the policy's table changes too)",
    before: catalog([members("integer"), docs([{ name: "id", type: "integer" }])]),
    after: catalog([
      members("bigint"),
      docs([
        { name: "id", type: "integer" },
        { name: "title", type: "text" },
      ]),
    ]),
  },
  {
    // `diffPolicies` runs only for tables that change: `diff` adds `policiesOverRetypedColumns` for the rest.
    name: "a column of another table, read in a policy's subquery, changes type (the policy's table is unchanged)",
    before: catalog([members("integer"), docs([{ name: "id", type: "integer" }])]),
    after: catalog([members("bigint"), docs([{ name: "id", type: "integer" }])]),
  },
  {
    // Generated columns (same class): PostgreSQL refuses to drop a column a generated column reads.
    name: "a column dropped with the generated column that reads it",
    before: catalog([
      {
        schema: "app",
        name: "g",
        columns: [
          { name: "id", type: "integer" },
          { name: "a", type: "integer" },
          { name: "b", type: "integer", generated: "(a * 2)" },
        ],
      },
    ]),
    after: catalog([{ schema: "app", name: "g", columns: [{ name: "id", type: "integer" }] }]),
  },
  {
    name: "a generated column added with the column it reads (named after it)",
    before: catalog([{ schema: "app", name: "g", columns: [{ name: "id", type: "integer" }] }]),
    after: catalog([
      {
        schema: "app",
        name: "g",
        columns: [
          { name: "id", type: "integer" },
          { name: "b", type: "integer" },
          { name: "a", type: "integer", generated: "(b * 2)" },
        ],
      },
    ]),
  },
  {
    name: "a column retyped under a generated column that reads it (the generated column rebuilt)",
    before: catalog([generated("integer")]),
    after: catalog([generated("bigint")]),
  },
  {
    // Views were already rebuilt around a type change of a column they read: pinned here with the policies.
    name: "a column type change under a view that reads it",
    before: catalog([{ schema: "app", name: "users", columns: [{ name: "id", type: "integer" }] }], [view("integer")]),
    after: catalog([{ schema: "app", name: "users", columns: [{ name: "id", type: "bigint" }] }], [view("bigint")]),
  },
];

const statementsOf = (from: Catalog, to: Catalog) =>
  plan(from, to, { allowDestructive: true }).steps.flatMap((s) => s.statements);

it("drops a policy before retyping a column it reads, and creates it after", () => {
  const c = cases[0] as Case;
  const statements = statementsOf(c.before, c.after);
  const drop = statements.findIndex((s) => s.startsWith("DROP POLICY p ON app.users"));
  const alter = statements.findIndex((s) => s.includes("ALTER COLUMN id TYPE numeric(9,0)"));
  const create = statements.findIndex((s) => s.startsWith("CREATE POLICY p ON app.users"));
  expect(drop).toBeGreaterThanOrEqual(0);
  expect(alter).toBeGreaterThan(drop);
  expect(create).toBeGreaterThan(alter);
  // one migration: the table never goes without its policy outside the transaction
  expect(splitMigrations(plan(c.before, c.after, { allowDestructive: true }).steps)).toHaveLength(1);
});

it("alters a policy before dropping the column it stops reading", () => {
  const c = cases[2] as Case;
  const statements = statementsOf(c.before, c.after);
  const alter = statements.findIndex((s) => s.startsWith("ALTER POLICY p ON app.users"));
  const drop = statements.findIndex((s) => s.includes('DROP COLUMN "with space"'));
  expect(alter).toBeGreaterThanOrEqual(0);
  expect(drop).toBeGreaterThan(alter);
});

it("recreates, in the diff, a policy of an unchanged table whose subquery reads a retyped column", () => {
  const c = cases.find((x) => x.name.includes("the policy's table is unchanged")) as Case;
  const policies = diff(c.before, c.after).flatMap((x) =>
    x.kind === "policy.drop" || x.kind === "policy.create" ? [`${x.kind} ${x.table.name}.${x.policy.name}`] : [],
  );
  expect(policies).toEqual(["policy.drop docs.member", "policy.create docs.member"]);
});

it("leaves a policy alone when no column it reads changes type", () => {
  const before = catalog([
    users(
      [
        { name: "id", type: "integer" },
        { name: "note", type: "varchar(10)" },
      ],
      [{ name: "p", using: "(id > 0)" }],
    ),
  ]);
  const after = catalog([
    users(
      [
        { name: "id", type: "integer" },
        { name: "note", type: "text" },
      ],
      [{ name: "p", using: "(id > 0)" }],
    ),
  ]);
  expect(statementsOf(before, after).filter((s) => s.includes("POLICY"))).toEqual([]);
});

describeOnProviders("regression: column changed under a policy", { providers: ["pglite", "native"] }, (getDb) => {
  for (const c of cases) {
    it(`${c.name}: the plan applies, the database reads back as B, and replanning finds nothing`, async () => {
      const { client } = getDb();
      await dropCaseSchemas(client);
      try {
        await client.exec(emitCreateScript(c.before));
        if (c.check) await client.exec(c.check.seed);
        const migrations = splitMigrations(plan(c.before, c.after, { allowDestructive: true }).steps);
        for (const migration of migrations) await applyMigration(client, migration);
        if (c.check) expect((await client.query(c.check.sql)).rows).toEqual(c.check.rows);
        const found = await mismatch(client, c.after, { ignoreColumnOrder: true });
        if (found) throw new Error(describeMismatch(found, migrations.map(renderMigrationSql).join("\n")));
        const read = await readBack(client, c.after);
        expect(plan(read, c.after, { allowDestructive: true, sameExpression }).steps).toEqual([]);
      } finally {
        await dropCaseSchemas(client);
      }
    });
  }
});
