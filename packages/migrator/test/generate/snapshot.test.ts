import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { afterEach, describe, expect, it } from "vitest";
import { generateMigration, readLatestSnapshot, serializeSnapshot } from "../../src/generate/index.js";
import { catalogHash, catalogText } from "../../src/plan/index.js";

const emailIndex = { name: "users_email_idx", elements: [{ column: "email" }], with: { fillfactor: "70" } };
const users: Table = {
  schema: "snap",
  name: "users",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "email", type: "text", comment: "where mail goes" },
  ],
  primaryKey: { name: "users_pkey", columns: ["id"] },
  indexes: [emailIndex],
};
const v1: Catalog = { ...emptyCatalog(), schemas: [{ name: "snap" }], tables: [users] };

const roots: string[] = [];
const tempDirs = async () => {
  const root = await mkdtemp(join(tmpdir(), "snapshot-test-"));
  roots.push(root);
  return { migrationsDir: join(root, "migrations"), snapshotDir: join(root, "migrations", "meta") };
};
afterEach(async () => {
  for (const dir of roots.splice(0)) await rm(dir, { recursive: true, force: true });
});

const sha256 = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/** The same data with every object's keys inserted in reverse order. */
const reversedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
};

describe("catalog hash and snapshot text", () => {
  it("the migration names the sha256 of the snapshot file written with it", async () => {
    const dirs = await tempDirs();
    const result = await generateMigration({ ...dirs, declared: v1, name: "init" });
    if (result.status !== "generated") throw new Error("expected files");
    const snapshot = await readFile(join(dirs.snapshotDir, "0001_snapshot.json"), "utf8");
    const migration = await readFile(join(dirs.migrationsDir, "0001_init.sql"), "utf8");
    expect(migration).toContain(`-- to catalog   ${sha256(snapshot)}\n`);
    expect(catalogHash(v1)).toBe(sha256(snapshot));
    expect(migration).toContain(`-- from catalog ${sha256(serializeSnapshot(emptyCatalog()))}\n`);
  });

  it("does not depend on key order, undefined members or rename hints (they describe a step, not a state)", () => {
    const hinted: Catalog = {
      ...v1,
      tables: [{ ...users, renamedFrom: "people", columns: [{ ...users.columns[0], renamedFrom: "ident" } as never] }],
    };
    const plain: Catalog = { ...v1, tables: [{ ...users, columns: [users.columns[0] as never] }] };
    expect(catalogHash(reversedKeys(v1) as Catalog)).toBe(catalogHash(v1));
    expect(catalogHash({ ...v1, tables: [{ ...users, comment: undefined }] })).toBe(catalogHash(v1));
    expect(catalogHash(hinted)).toBe(catalogHash(plain));
    expect(catalogHash({ ...v1, tables: [{ ...users, unlogged: true }] })).not.toBe(catalogHash(v1));
  });

  it("writes keys sorted at every level, record keys that look like numbers included", () => {
    const numeric: Catalog = {
      ...v1,
      tables: [{ ...users, indexes: [{ ...emailIndex, with: { b: "1", "10": "2", "9": "3" } }] }],
    };
    const text = catalogText(numeric);
    expect(catalogText(reversedKeys(numeric) as Catalog)).toBe(text);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const tableKeys = Object.keys(JSON.parse(text).tables[0]);
    expect(tableKeys).toEqual([...tableKeys].sort());
  });
});

describe("reading the latest snapshot", () => {
  it("reads back the catalog it was written from", async () => {
    const dirs = await tempDirs();
    await generateMigration({ ...dirs, declared: v1, name: "init" });
    const read = await readLatestSnapshot(dirs.snapshotDir, dirs.migrationsDir);
    expect(read.version).toBe("0001");
    expect(read.catalog).toEqual(v1);
    expect(catalogHash(read.catalog)).toBe(catalogHash(v1));
  });

  it("validates a snapshot edited by hand (its checksum no longer matches) and rejects what is not a Catalog", async () => {
    const dirs = await tempDirs();
    await generateMigration({ ...dirs, declared: v1, name: "init" });
    const path = join(dirs.snapshotDir, "0001_snapshot.json");
    const edited = JSON.parse(await readFile(path, "utf8"));
    edited.tables[0].columns[0].notNull = "yes";
    await writeFile(path, `${JSON.stringify(edited, null, 2)}\n`);
    await expect(readLatestSnapshot(dirs.snapshotDir, dirs.migrationsDir)).rejects.toMatchObject({
      code: "snapshot_invalid",
    });
  });

  it("validates a snapshot whose migration names another hash, and still reads a valid one", async () => {
    const dirs = await tempDirs();
    await generateMigration({ ...dirs, declared: v1, name: "init" });
    const migration = join(dirs.migrationsDir, "0001_init.sql");
    const text = await readFile(migration, "utf8");
    await writeFile(migration, text.replace(/^-- to catalog .*$/m, `-- to catalog   sha256:${"0".repeat(64)}`));
    const read = await readLatestSnapshot(dirs.snapshotDir, dirs.migrationsDir);
    expect(read.catalog).toEqual(v1);

    const path = join(dirs.snapshotDir, "0001_snapshot.json");
    const edited = JSON.parse(await readFile(path, "utf8"));
    edited.tables[0].unknownKey = true;
    await writeFile(path, `${JSON.stringify(edited, null, 2)}\n`);
    await expect(readLatestSnapshot(dirs.snapshotDir, dirs.migrationsDir)).rejects.toMatchObject({
      code: "snapshot_invalid",
    });
  });

  it("an incremental generate from a verified snapshot matches one from the same catalog in memory", async () => {
    const a = await tempDirs();
    await generateMigration({ ...a, declared: v1, name: "init" });
    const v2: Catalog = {
      ...v1,
      tables: [{ ...users, columns: [...users.columns, { name: "created_at", type: "timestamp with time zone" }] }],
    };
    const next = await generateMigration({ ...a, declared: v2, name: "add_created_at", dryRun: true });
    if (next.status !== "generated") throw new Error("expected files");
    const b = await tempDirs();
    await generateMigration({ ...b, declared: v1, name: "init" });
    await rm(join(b.migrationsDir, "0001_init.sql"));
    const slow = await generateMigration({ ...b, declared: v2, name: "add_created_at", dryRun: true });
    if (slow.status !== "generated") throw new Error("expected files");
    expect(slow.files.map((f) => f.contents)).toEqual(next.files.map((f) => f.contents));
    expect(next.plan.fromHash).toBe(catalogHash(v1));
  });
});
