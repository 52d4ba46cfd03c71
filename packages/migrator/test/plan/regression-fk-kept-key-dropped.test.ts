import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { expect, it } from "vitest";
import { describeOnProviders } from "../../../../test/support/index.js";
import { diff } from "../../src/diff/index.js";
import { loadMigrations } from "../../src/files/index.js";
import { generateMigration } from "../../src/generate/index.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../src/normalize/index.js";
import { plan, renderMigrationSql, splitMigrations } from "../../src/plan/index.js";
import { HISTORY_SCHEMA, migrateDown, migrateUp } from "../../src/runner/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { applyMigration } from "./apply.js";

// Found by the A → B property (the gap narrowed out as `dropsReferencedKey`): B drops or re-creates the key
// a foreign key references while B KEEPS the foreign key. PostgreSQL binds a foreign key to one unique
// index over the referenced columns (the oldest that qualifies) and refuses to drop it while the foreign
// key exists ("cannot drop constraint a_pkey on table a because other objects depend on it"); the plan
// left the foreign key alone and the key's DROP failed. The same class: a unique INDEX the foreign key is
// bound to (DROP INDEX, and the concurrent rebuild's DROP INDEX CONCURRENTLY), and the key columns
// changing type together with the foreign key's columns (PostgreSQL re-checks the foreign key inside
// each ALTER COLUMN TYPE: "foreign key constraint ... cannot be implemented" for integer against text).

const catalog = (tables: Table[]): Catalog => ({ ...emptyCatalog(), schemas: [{ name: "app" }], tables });
const fk = (columns: string[], table: string, referenced: string[], name = "b_fk") => ({
  name,
  columns,
  references: { schema: "app", table, columns: referenced },
});
const child: Table = {
  schema: "app",
  name: "b",
  columns: [{ name: "pid", type: "integer" }],
  foreignKeys: [fk(["pid"], "a", ["id"])],
};
const parent = (extra: Partial<Table>): Table => ({
  schema: "app",
  name: "a",
  columns: [
    { name: "id", type: "integer", notNull: true },
    { name: "v", type: "text" },
  ],
  ...extra,
});
const seed = "INSERT INTO app.a (id) VALUES (1), (2); INSERT INTO app.b (pid) VALUES (1), (NULL);";

interface Case {
  readonly name: string;
  readonly before: Catalog;
  readonly after: Catalog;
  readonly seed: string;
  /** the foreign key the case keeps, and whether the plan must drop and add it again */
  readonly fk?: { readonly table: string; readonly name: string; readonly rebuilt: boolean };
}

const cases: Case[] = [
  {
    name: "primary key re-created under another name",
    before: catalog([parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }), child]),
    after: catalog([parent({ primaryKey: { name: "a_pk", columns: ["id"] } }), child]),
    seed,
  },
  {
    name: "primary key dropped while a unique constraint over the same columns stays",
    before: catalog([
      {
        schema: "app",
        name: "a",
        columns: [
          { name: "x", type: "integer", notNull: true },
          { name: "y", type: "integer", notNull: true },
        ],
        primaryKey: { name: "a_pkey", columns: ["x", "y"] },
        uniques: [{ name: "a_yx_key", columns: ["y", "x"] }],
      },
      {
        schema: "app",
        name: "b",
        columns: [
          { name: "p", type: "integer" },
          { name: "q", type: "integer" },
        ],
        foreignKeys: [fk(["p", "q"], "a", ["x", "y"])],
      },
    ]),
    after: catalog([
      {
        schema: "app",
        name: "a",
        columns: [
          { name: "x", type: "integer", notNull: true },
          { name: "y", type: "integer", notNull: true },
        ],
        uniques: [{ name: "a_yx_key", columns: ["y", "x"] }],
      },
      {
        schema: "app",
        name: "b",
        columns: [
          { name: "p", type: "integer" },
          { name: "q", type: "integer" },
        ],
        foreignKeys: [fk(["p", "q"], "a", ["x", "y"])],
      },
    ]),
    seed: "INSERT INTO app.a VALUES (1, 2); INSERT INTO app.b VALUES (1, 2), (NULL, 2);",
  },
  {
    name: "unique constraint re-created with other options (INCLUDE)",
    before: catalog([parent({ uniques: [{ name: "a_id_key", columns: ["id"] }] }), child]),
    after: catalog([parent({ uniques: [{ name: "a_id_key", columns: ["id"], include: ["v"] }] }), child]),
    seed,
  },
  {
    name: "unique index dropped for a unique constraint",
    before: catalog([parent({ indexes: [{ name: "a_id_idx", unique: true, elements: [{ column: "id" }] }] }), child]),
    after: catalog([parent({ uniques: [{ name: "a_id_key", columns: ["id"] }] }), child]),
    seed,
  },
  {
    name: "unique index rebuilt with other options (INCLUDE)",
    before: catalog([parent({ indexes: [{ name: "a_id_idx", unique: true, elements: [{ column: "id" }] }] }), child]),
    after: catalog([
      parent({ indexes: [{ name: "a_id_idx", unique: true, elements: [{ column: "id" }], include: ["v"] }] }),
      child,
    ]),
    seed,
  },
  {
    name: "key and foreign key columns change type together (integer to text)",
    before: catalog([parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }), child]),
    after: catalog([
      {
        ...parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }),
        columns: [
          { name: "id", type: "text", notNull: true },
          { name: "v", type: "text" },
        ],
      },
      { ...child, columns: [{ name: "pid", type: "text" }] },
    ]),
    seed,
  },
  {
    name: "self-referencing foreign key, primary key re-created under another name",
    before: catalog([
      {
        ...parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }),
        columns: [
          { name: "id", type: "integer", notNull: true },
          { name: "up", type: "integer" },
        ],
        foreignKeys: [fk(["up"], "a", ["id"], "a_up_fk")],
      },
    ]),
    after: catalog([
      {
        ...parent({ primaryKey: { name: "a_pk", columns: ["id"] } }),
        columns: [
          { name: "id", type: "integer", notNull: true },
          { name: "up", type: "integer" },
        ],
        foreignKeys: [fk(["up"], "a", ["id"], "a_up_fk")],
      },
    ]),
    seed: "INSERT INTO app.a VALUES (1, NULL), (2, 1);",
    fk: { table: "a", name: "a_up_fk", rebuilt: true },
  },
  {
    name: "referencing table renamed while the primary key is re-created under another name",
    before: catalog([parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }), child]),
    after: catalog([
      parent({ primaryKey: { name: "a_pk", columns: ["id"] } }),
      { ...child, name: "c", renamedFrom: "b" },
    ]),
    seed,
    fk: { table: "c", name: "b_fk", rebuilt: true },
  },
  {
    // PostgreSQL rebuilds the foreign key inside ALTER COLUMN TYPE itself: the plan leaves it alone.
    name: "key column widened alone (integer to bigint)",
    before: catalog([parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }), child]),
    after: catalog([
      {
        ...parent({ primaryKey: { name: "a_pkey", columns: ["id"] } }),
        columns: [
          { name: "id", type: "bigint", notNull: true },
          { name: "v", type: "text" },
        ],
      },
      child,
    ]),
    seed,
    fk: { table: "b", name: "b_fk", rebuilt: false },
  },
];

describeOnProviders(
  "regression: FK kept while the key it is bound to goes",
  { providers: ["pglite", "native"] },
  (getDb) => {
    for (const c of cases) {
      for (const lockSafe of [true, false]) {
        it(`${c.name}${lockSafe ? " (lock-safe)" : ""}`, async () => {
          const { client } = getDb();
          await client.exec("DROP SCHEMA IF EXISTS app CASCADE;");
          await client.exec(emitCreateScript(c.before));
          await client.exec(c.seed);
          const steps = plan(c.before, c.after, { allowDestructive: true, lockSafe }).steps;
          const fk = c.fk ?? { table: "b", name: "b_fk", rebuilt: true };
          const drop = `ALTER TABLE app.${fk.table} DROP CONSTRAINT ${fk.name};`;
          expect(steps.some((s) => s.statements.includes(drop))).toBe(fk.rebuilt);
          const migrations = splitMigrations(steps);
          let applied = "";
          for (const migration of migrations) {
            applied += `${renderMigrationSql(migration)}\n`;
            await applyMigration(client, migration).catch((error: Error) => {
              throw new Error(`${error.message}\n-- applied:\n${applied}`);
            });
          }
          const read = normalizeCatalog(await introspect(client, { schemas: ["app"] }));
          expect(diff(read, c.after, { sameExpression })).toEqual([]);
          // Planning again from what the database now holds finds nothing to do.
          expect(plan(read, c.after, { sameExpression }).steps).toEqual([]);
          // The foreign key is enforced again (validated, not left NOT VALID) and the seeded rows are still there.
          const { rows } = await client.query<{ valid: boolean }>(
            "SELECT convalidated AS valid FROM pg_constraint WHERE contype = 'f' AND connamespace = 'app'::regnamespace",
          );
          expect(rows).toEqual([{ valid: true }]);
        });
      }
      // Generated files (lock-safe, possibly several: a concurrent index build gets one of its own) go up
      // and come back down: the down sections drop the re-added FK before the key it is bound to.
      it(`${c.name}: generated, up, then down again`, async () => {
        const { client } = getDb();
        await client.exec(`DROP SCHEMA IF EXISTS app CASCADE; DROP SCHEMA IF EXISTS ${HISTORY_SCHEMA} CASCADE;`);
        const root = await mkdtemp(join(tmpdir(), "fk-kept-"));
        try {
          const dirs = { migrationsDir: join(root, "migrations"), snapshotDir: join(root, "migrations", "meta") };
          await generateMigration({ ...dirs, declared: c.before, name: "init" });
          await generateMigration({ ...dirs, declared: c.after, name: "change", allowDestructive: true });
          const files = await loadMigrations(dirs.migrationsDir);
          await migrateUp(client, files.slice(0, 1));
          await client.exec(c.seed);
          await migrateUp(client, files);
          await migrateDown(client, files, { to: "0001" });
          const read = normalizeCatalog(await introspect(client, { schemas: ["app"] }));
          expect(diff(read, c.before, { sameExpression })).toEqual([]);
        } finally {
          await client.exec(`DROP SCHEMA IF EXISTS ${HISTORY_SCHEMA} CASCADE;`);
          await rm(root, { recursive: true, force: true });
        }
      });
    }
  },
);
