import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlClient } from "@platform/migrator/db";
import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, describeOnProviders, type TestDatabase } from "../../../../test/support/index.js";
import { diff } from "../../src/diff/index.js";
import { loadMigrations } from "../../src/files/index.js";
import { generateMigration } from "../../src/generate/index.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../src/normalize/index.js";
import { plan, splitMigrations } from "../../src/plan/index.js";
import { migrateDown, migrateUp } from "../../src/runner/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { applyMigration } from "./apply.js";

// Found by the A → B property (FC_SEED=7, shrunk): B adds a value to an enum and makes it a column's
// default. A value added by `ALTER TYPE ... ADD VALUE` cannot be used before its transaction commits,
// and the plan either ran the ADD VALUE in the same transaction as the default (not lock-safe: "unsafe
// use of new value") or ordered the default first (lock-safe, ADD VALUE in a transaction:false migration
// sorted last: "invalid input value for enum"). The added values now commit in a migration of their own
// before anything runs that may use them. Here B uses them in every place PostgreSQL checks a value
// when the statement runs: a column default, a CHECK, a partition bound, a domain, a view, a SQL
// function body; and the second added value is anchored on the first (`ADD VALUE 'C' AFTER 'B'`).
const mood = 'app."Mood"';
const users = (values: { default: string }): Table => ({
  schema: "app",
  name: "users",
  columns: [
    { name: "id", type: mood, default: `'${values.default}'::${mood}` },
    { name: "note", type: "text" },
  ],
});
const events = (bounds: string[]): Table => ({
  schema: "app",
  name: "events",
  columns: [{ name: "mood", type: mood, notNull: true }],
  partitionBy: { strategy: "list", keys: [{ column: "mood" }] },
  partitions: bounds.map((b) => ({
    name: `events_${b.toLowerCase()}`,
    bound: { kind: "list" as const, values: [`'${b}'`] },
  })),
});
const base: Catalog = { ...emptyCatalog(), schemas: [{ name: "app" }] };

const before: Catalog = {
  ...base,
  enums: [{ schema: "app", name: "Mood", values: ["a", "with space"] }],
  tables: [users({ default: "a" }), events(["a"])],
};
const after: Catalog = {
  ...base,
  enums: [{ schema: "app", name: "Mood", values: ["a", "with space", "B", "C"] }],
  domains: [
    {
      schema: "app",
      name: "glad",
      type: mood,
      default: `'B'::${mood}`,
      checks: [{ name: "glad_check", expression: `VALUE <> 'a'::${mood}` }],
    },
  ],
  functions: [
    {
      schema: "app",
      name: "favourite",
      args: [],
      returns: mood,
      language: "sql",
      volatility: "immutable",
      body: `SELECT 'C'::${mood}`,
    },
  ],
  tables: [
    { ...users({ default: "B" }), checks: [{ name: "users_not_c", expression: `id <> 'C'::${mood}` }] },
    events(["a", "B"]),
  ],
  views: [
    {
      schema: "app",
      name: "cheerful",
      definition: `SELECT users.note FROM app.users WHERE users.id = 'B'::${mood}`,
      dependsOn: [{ schema: "app", name: "users" }],
    },
  ],
};

const addsValue = (statement: string) => /^ALTER TYPE .* ADD VALUE /.test(statement);

describe("plan: enum values added and used in one plan", () => {
  for (const lockSafe of [true, false]) {
    it(`commits the added values in a first migration of their own (lockSafe: ${lockSafe})`, () => {
      const migrations = splitMigrations(plan(before, after, { lockSafe }).steps);
      const statements = migrations.map((m) => m.steps.flatMap((s) => s.statements));
      expect(migrations[0]?.transactional).toBe(true);
      expect(statements[0]).toEqual([
        `ALTER TYPE ${mood} ADD VALUE 'B' AFTER 'with space';`,
        `ALTER TYPE ${mood} ADD VALUE 'C' AFTER 'B';`,
      ]);
      expect(statements.slice(1).flat().filter(addsValue)).toEqual([]);
      expect(migrations.length).toBeGreaterThan(1);
    });
  }
});

const readBack = async (client: SqlClient) => normalizeCatalog(await introspect(client, { schemas: ["app"] }));

describeOnProviders(
  "regression: enum value used in the plan that adds it",
  { providers: ["pglite", "native"] },
  (getDb) => {
    const opened: TestDatabase[] = [];
    const fresh = async () => {
      const db = await createTestDatabase(getDb().provider);
      opened.push(db);
      return db;
    };
    afterEach(async () => {
      for (const db of opened.splice(0)) await db.drop();
    });

    /** `after` built directly, as introspected: what every migrated database must equal. */
    const expected = async () => {
      const direct = await fresh();
      await direct.client.exec(emitCreateScript(after));
      return readBack(direct.client);
    };

    /** The database equals the one built from `after`, and planning it to `after` again finds nothing. */
    const expectAtAfter = async (client: SqlClient) => {
      const read = await readBack(client);
      const target = await expected();
      expect(diff(read, target, { sameExpression })).toEqual([]);
      expect(plan(read, target, { sameExpression }).steps).toEqual([]);
      const { rows } = await client.query<{ id: string; favourite: string }>(
        "INSERT INTO app.users (note) VALUES ('x') RETURNING id::text, app.favourite()::text AS favourite",
      );
      expect(rows).toEqual([{ id: "B", favourite: "C" }]);
    };

    for (const lockSafe of [true, false]) {
      it(`the planned migrations apply the way the files run (lockSafe: ${lockSafe})`, async () => {
        const { client } = await fresh();
        await client.exec(emitCreateScript(before));
        await client.exec("INSERT INTO app.events (mood) VALUES ('a');");
        for (const migration of splitMigrations(plan(before, after, { lockSafe }).steps)) {
          await applyMigration(client, migration);
        }
        await expectAtAfter(client);
      });
    }

    it("generated files applied by `migrate up` lead to the declared database", async () => {
      const root = await mkdtemp(join(tmpdir(), "enum-value-used-"));
      try {
        const dirs = { migrationsDir: join(root, "migrations"), snapshotDir: join(root, "migrations", "meta") };
        await generateMigration({ ...dirs, declared: before, name: "init" });
        const generated = await generateMigration({ ...dirs, declared: after, name: "glad" });
        if (generated.status !== "generated") throw new Error("expected migration files");
        const { client } = await fresh();
        const files = await loadMigrations(dirs.migrationsDir);
        await migrateUp(client, files);
        await expectAtAfter(client);
        // the values were committed by a file of their own, applied before the file that uses them
        const adds = files.findIndex((f) => f.up.sql.includes("ADD VALUE 'B'"));
        const uses = files.findIndex((f) => f.up.sql.includes(`SET DEFAULT 'B'::${mood}`));
        expect(adds).toBeGreaterThan(0);
        expect(uses).toBeGreaterThan(adds);
        expect(files[adds]?.up.sql).not.toContain("SET DEFAULT");
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });

    it("the down section of a migration that removes a value re-adds it and uses it (committed statement by statement)", async () => {
      // B (the default) is removed going forward; the down section adds it back and makes it the default again
      const glad: Catalog = {
        ...base,
        enums: [{ schema: "app", name: "Mood", values: ["a", "with space", "B"] }],
        tables: [users({ default: "B" })],
      };
      const plain: Catalog = {
        ...glad,
        enums: [{ schema: "app", name: "Mood", values: ["a", "with space"] }],
        tables: [users({ default: "a" })],
      };
      const root = await mkdtemp(join(tmpdir(), "enum-value-removed-"));
      try {
        const dirs = { migrationsDir: join(root, "migrations"), snapshotDir: join(root, "migrations", "meta") };
        await generateMigration({ ...dirs, declared: glad, name: "init" });
        const generated = await generateMigration({ ...dirs, declared: plain, name: "plain", allowDestructive: true });
        if (generated.status !== "generated") throw new Error("expected migration files");
        const { client } = await fresh();
        const files = await loadMigrations(dirs.migrationsDir);
        await migrateUp(client, files);
        await migrateDown(client, files, { to: "0001" });
        const direct = await fresh();
        await direct.client.exec(emitCreateScript(glad));
        const target = await readBack(direct.client);
        expect(diff(await readBack(client), target, { sameExpression })).toEqual([]);
        const { rows } = await client.query<{ id: string }>(
          "INSERT INTO app.users (note) VALUES ('x') RETURNING id::text",
        );
        expect(rows).toEqual([{ id: "B" }]);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  },
);
