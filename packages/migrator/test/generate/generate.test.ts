import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlClient } from "@platform/migrator/db";
import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, describeOnProviders } from "../../../../test/support/index.js";
import { diff } from "../../src/diff/index.js";
import { type MigrationSection, parseMigrationFile, splitStatements } from "../../src/files/index.js";
import { generateMigration, readLatestSnapshot } from "../../src/generate/index.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../src/normalize/index.js";
import { DestructiveChangesError } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";

const users: Table = {
  schema: "gen",
  name: "users",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "email", type: "text" },
  ],
  primaryKey: { name: "users_pkey", columns: ["id"] },
  comment: "people",
};
const v1: Catalog = {
  ...emptyCatalog(),
  schemas: [{ name: "gen" }],
  enums: [{ schema: "gen", name: "kind", values: ["a", "b"] }],
  tables: [users],
};
const v2: Catalog = {
  ...v1,
  enums: [{ schema: "gen", name: "kind", values: ["a", "b", "c"] }],
  tables: [
    {
      ...users,
      columns: [...users.columns, { name: "kind", type: "gen.kind", notNull: true, default: "'a'::gen.kind" }],
      indexes: [{ name: "users_email_idx", elements: [{ column: "email" }] }],
    },
  ],
};

const dirs: string[] = [];
const tempDirs = async () => {
  const root = await mkdtemp(join(tmpdir(), "generate-test-"));
  dirs.push(root);
  return { migrationsDir: join(root, "migrations"), snapshotDir: join(root, "migrations", "meta") };
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const listing = async (dir: string) => (await readdir(dir, { recursive: true })).map(String).sort();

/** Applies one section the way the runner does: one transaction, or statement by statement. */
const runSection = async (client: SqlClient, section: MigrationSection) => {
  if (section.transaction) await client.exec(`BEGIN;\n${section.sql}\nCOMMIT;`);
  else for (const s of splitStatements(section.sql)) await client.exec(s.code);
};

const readBack = async (client: SqlClient) => normalizeCatalog(await introspect(client));

describe("generate: files", () => {
  it("writes the first migration and its snapshot, then says 'no changes' and writes nothing", async () => {
    const dirs = await tempDirs();
    const first = await generateMigration({ ...dirs, declared: v1, name: "init" });
    expect(first.status).toBe("generated");
    expect(await listing(dirs.migrationsDir)).toEqual(["0001_init.sql", "meta", "meta/0001_snapshot.json"]);
    const snapshot = await readLatestSnapshot(dirs.snapshotDir);
    expect(snapshot.version).toBe("0001");
    expect(snapshot.catalog).toEqual(v1);

    const again = await generateMigration({ ...dirs, declared: v1, name: "again" });
    expect(again.status).toBe("no-changes");
    expect(await listing(dirs.migrationsDir)).toEqual(["0001_init.sql", "meta", "meta/0001_snapshot.json"]);
  });

  it("is deterministic: the same inputs give byte-identical files", async () => {
    const a = await tempDirs();
    const b = await tempDirs();
    for (const dirs of [a, b]) {
      await generateMigration({ ...dirs, declared: v1, name: "init" });
      await generateMigration({ ...dirs, declared: v2, name: "add_kind" });
    }
    const names = await listing(a.migrationsDir);
    expect(await listing(b.migrationsDir)).toEqual(names);
    for (const name of names.filter((n) => n.includes("."))) {
      expect(await readFile(join(b.migrationsDir, name), "utf8")).toBe(
        await readFile(join(a.migrationsDir, name), "utf8"),
      );
    }
  });

  it("commits added enum values in a file of their own first, and puts lock-free steps in transaction:false files after the others", async () => {
    const dirs = await tempDirs();
    await generateMigration({ ...dirs, declared: v1, name: "init" });
    const result = await generateMigration({ ...dirs, declared: v2, name: "add_kind" });
    if (result.status !== "generated") throw new Error("expected files");
    const files = result.files.map((f) => parseMigrationFile(f.path, f.contents));
    expect(files.map((f) => [f.name, f.up.transaction])).toEqual([
      ["0002_add_kind", true],
      ["0003_add_kind_2", true],
      ["0004_add_kind_3", false],
    ]);
    expect(files[0]?.up.sql).toContain("ALTER TYPE gen.kind ADD VALUE 'c' AFTER 'b';");
    expect(files[2]?.up.sql).toContain("CREATE INDEX CONCURRENTLY users_email_idx");
    expect(result.snapshot.path).toMatch(/0004_snapshot\.json$/);
    expect(result.hazards.map((h) => h.type)).toContain("index-build");
  });

  it("refuses destructive changes without allowDestructive and writes nothing", async () => {
    const dirs = await tempDirs();
    await generateMigration({ ...dirs, declared: v1, name: "init" });
    const before = await listing(dirs.migrationsDir);
    await expect(
      generateMigration({ ...dirs, declared: { ...v1, tables: [] }, name: "drop_users" }),
    ).rejects.toBeInstanceOf(DestructiveChangesError);
    expect(await listing(dirs.migrationsDir)).toEqual(before);
    const allowed = await generateMigration({
      ...dirs,
      declared: { ...v1, tables: [] },
      name: "drop_users",
      allowDestructive: true,
    });
    expect(allowed.status).toBe("generated");
  });
});

describeOnProviders("generate: the files applied to a real database", {}, (getDb) => {
  it("up leads to the snapshot's database; down, newest first, back to the empty one", async () => {
    const dirs = await tempDirs();
    await generateMigration({ ...dirs, declared: v1, name: "init" });
    const second = await generateMigration({ ...dirs, declared: v2, name: "add_kind" });
    if (second.status !== "generated") throw new Error("expected files");

    const db = await createTestDatabase(getDb().provider);
    const direct = await createTestDatabase(getDb().provider);
    try {
      const names = (await readdir(dirs.migrationsDir)).filter((n) => n.endsWith(".sql")).sort();
      const files = await Promise.all(
        names.map(async (n) =>
          parseMigrationFile(join(dirs.migrationsDir, n), await readFile(join(dirs.migrationsDir, n), "utf8")),
        ),
      );
      const atEmpty = await readBack(db.client);
      const [init, ...rest] = files;
      if (!init) throw new Error("no files");
      await runSection(db.client, init.up);
      const atV1 = await readBack(db.client);
      await db.client.exec("INSERT INTO gen.users (id, email) VALUES (1, 'a@example.com');");
      for (const f of rest) await runSection(db.client, f.up);

      await direct.client.exec(emitCreateScript(v2));
      expect(diff(await readBack(db.client), await readBack(direct.client), { sameExpression })).toEqual([]);
      expect((await db.client.query("SELECT kind::text FROM gen.users")).rows).toEqual([{ kind: "a" }]);

      for (const f of [...rest].reverse()) if (f.down) await runSection(db.client, f.down);
      expect(diff(await readBack(db.client), atV1, { sameExpression })).toEqual([]);
      if (init.down) await runSection(db.client, init.down);
      expect(diff(await readBack(db.client), atEmpty, { sameExpression })).toEqual([]);
    } finally {
      await direct.drop();
      await db.drop();
    }
  });
});
