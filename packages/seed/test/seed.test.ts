/**
 * The seed on real databases: the embedded PGlite default (full platform, pgvector) and native
 * PostgreSQL 16 (the platform without pgvector). Seeded twice → identical row counts; every seeded table
 * has rows; bulk rows land in several rolling partitions; the admin's password verifies; two fresh
 * databases hold the same content.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emitCreateScript } from "@platform/migrator/sql";
import { platformCatalog } from "@platform/schema";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  availableProviderNames,
  createTestDatabase,
  describeOnProviders,
  matchesSelector,
  type TestDatabase,
} from "../../../test/support/index.js";
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  connectUrl,
  fromPgliteInstance,
  openEmbeddedDatabase,
  openPglite,
  SEEDED_RELATIONS,
  type SeedConnection,
  type SeedReport,
  seed,
} from "../src/index.js";
import { contentHash, rowCounts, rowsPerPartition } from "./helpers.js";

/** The properties both databases must show after `seed` ran twice. */
const seededTwice = (open: () => Promise<SeedConnection>) => {
  let first: SeedReport;
  let second: SeedReport;
  let countsAfterFirst: Record<string, number>;
  let countsAfterSecond: Record<string, number>;
  let connection: SeedConnection;

  beforeAll(async () => {
    connection = await open();
    first = await seed(connection);
    countsAfterFirst = await rowCounts(connection);
    second = await seed(connection);
    countsAfterSecond = await rowCounts(connection);
  });
  afterAll(async () => {
    await connection?.close();
  });

  it("fills every seeded table, and a second run changes nothing", () => {
    for (const relation of SEEDED_RELATIONS) expect(countsAfterFirst[relation], relation).toBeGreaterThan(0);
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    expect(first.tables.reduce((sum, t) => sum + t.inserted, 0)).toBeGreaterThan(10_000);
    expect(second.tables.filter((t) => t.inserted > 0)).toEqual([]);
    expect(second.partitionsCreated).toEqual([]);
  });

  it("reports what it inserted, matching the tables", () => {
    for (const table of first.tables) {
      expect(table.inserted, table.table).toBe(table.planned);
      expect(countsAfterFirst[table.table], table.table).toBe(table.planned);
    }
  });

  it("spreads events and request logs over several rolling partitions, none into the default one", async () => {
    const events = await rowsPerPartition(connection, "data_platform.events");
    expect(Object.keys(events)).toEqual(["events_2026_01", "events_2026_02", "events_2026_03"]);
    const logs = await rowsPerPartition(connection, "service_platform.request_logs");
    expect(Object.keys(logs)).toHaveLength(7);
    expect(Object.keys(logs).every((name) => /^request_logs_202603(2[5-9]|3[01])$/.test(name))).toBe(true);
    const metrics = await rowsPerPartition(connection, "monitoring.metrics");
    expect(Object.keys(metrics)).toEqual(["metrics_20260329", "metrics_20260330", "metrics_20260331"]);
    expect(first.partitionsCreated).toHaveLength(3 + 7 + 3 + 1);
  });

  it("stores a bcrypt hash of the admin password that verifies", async () => {
    const [admin] = await connection.query<{ password_hash: string; is_superuser: boolean }>(
      "SELECT password_hash, is_superuser FROM auth.users WHERE username = $1",
      [ADMIN_USERNAME],
    );
    expect(admin?.password_hash).toMatch(/^\$2b\$12\$/);
    expect(await bcrypt.compare(ADMIN_PASSWORD, admin?.password_hash ?? "")).toBe(true);
    expect(await bcrypt.compare("wrong", admin?.password_hash ?? "")).toBe(false);
    expect(admin?.is_superuser).toBe(true);
  });

  it("refreshes monitoring.daily_stats from the metrics", async () => {
    const [row] = await connection.query<{ samples: number; nodes: number }>(
      "SELECT sum(samples)::int AS samples, count(DISTINCT node_id)::int AS nodes FROM monitoring.daily_stats",
    );
    expect(row?.samples).toBe(countsAfterFirst["monitoring.metrics"]);
    expect(row?.nodes).toBe(4);
  });

  it("restores rows deleted from a batch, adding only those (temporary table path)", async () => {
    await connection.exec(`
      DELETE FROM data_platform.events WHERE id IN (SELECT id FROM data_platform.events ORDER BY id LIMIT 7);
      DELETE FROM monitoring.metrics WHERE node_id = 'node-002' AND recorded_at < '2026-03-29 01:00:00+00';`);
    const report = await seed(connection);
    const inserted = Object.fromEntries(report.tables.filter((t) => t.inserted > 0).map((t) => [t.table, t.inserted]));
    expect(inserted).toEqual({ "data_platform.events": 7, "monitoring.metrics": 12 });
    expect(await rowCounts(connection)).toEqual(countsAfterFirst);
  });

  return () => connection;
};

describe("seed on the embedded PGlite database (full platform, pgvector)", () => {
  let dir: string;
  const dataDir = () => join(dir, "pglite");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seed-test-"));
    const pglite = await openPglite(dataDir());
    await pglite.exec(emitCreateScript(platformCatalog()));
    await pglite.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const current = seededTwice(() => openEmbeddedDatabase(dataDir()));

  it("writes unit-length 1536-dimensional embeddings", async () => {
    const [row] = await current().query<{ dims: number; min: number; max: number }>(
      "SELECT min(vector_dims(embedding))::int AS dims, min(vector_norm(embedding)) AS min, max(vector_norm(embedding)) AS max FROM data_platform.text_embeddings",
    );
    expect(row?.dims).toBe(1536);
    expect(row?.min).toBeGreaterThan(0.9999);
    expect(row?.max).toBeLessThan(1.0001);
  });

  it("holds the same content as a second fresh database seeded from scratch", async () => {
    const other = await openPglite();
    try {
      await other.exec(emitCreateScript(platformCatalog()));
      const connection = fromPgliteInstance(other, "pglite:memory");
      await seed(connection);
      const [expected, actual] = [await contentHash(current()), await contentHash(connection)];
      expect(actual).toEqual(expected);
      await connection.close();
    } finally {
      await other.close();
    }
    // builds and seeds a whole second PGlite platform: minutes on a loaded 2-core machine
  }, 240_000);

  it("refuses a second process on the same embedded database while it is open", async () => {
    await expect(openEmbeddedDatabase(dataDir())).rejects.toThrow(/in use by process/);
  });
});

const native = availableProviderNames().find((name) => matchesSelector(name, "native"));

describe.skipIf(native === undefined)(
  `seed on ${native ?? "native PostgreSQL (not available)"} without pgvector`,
  () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase("native");
      await database.client.exec(emitCreateScript(platformCatalog({ vector: false })));
    });
    afterAll(async () => {
      await database?.drop();
    });

    const current = seededTwice(() => connectUrl(database.url as string));

    it("lets two seeds run at once on a fresh database: they take turns, rows are written once", async () => {
      const fresh = await createTestDatabase("native");
      try {
        await fresh.client.exec(emitCreateScript(platformCatalog({ vector: false })));
        const [a, b] = [await connectUrl(fresh.url as string), await connectUrl(fresh.url as string)];
        try {
          const reports = await Promise.all([seed(a), seed(b)]);
          const inserted = (r: SeedReport) => r.tables.reduce((sum, t) => sum + t.inserted, 0);
          const planned = reports[0]?.tables.reduce((sum, t) => sum + t.planned, 0) ?? 0;
          expect(reports.map(inserted).sort((x, y) => x - y)).toEqual([0, planned]);
          expect(await rowCounts(a)).toEqual(await rowCounts(current()));
        } finally {
          await a.close();
          await b.close();
        }
      } finally {
        await fresh.drop();
      }
    });

    it("seeding --scale 2 after --scale 1 gives exactly what a fresh --scale 2 gives", async () => {
      const grown = await createTestDatabase("native");
      const fresh = await createTestDatabase("native");
      const opened: SeedConnection[] = [];
      try {
        for (const d of [grown, fresh]) await d.client.exec(emitCreateScript(platformCatalog({ vector: false })));
        const [g, f] = [await connectUrl(grown.url as string), await connectUrl(fresh.url as string)];
        opened.push(g, f);
        await seed(g, { scale: 1 });
        const added = await seed(g, { scale: 2 });
        await seed(f, { scale: 2 });
        const counts = await rowCounts(g);
        expect(counts).toEqual(await rowCounts(f));
        expect(await contentHash(g)).toEqual(await contentHash(f));
        expect(counts["data_platform.events"]).toBe(6000);
        expect(counts["monitoring.metrics"]).toBe(2 * 3456);
        expect(added.tables.find((t) => t.table === "data_platform.events")?.inserted).toBe(3000);
      } finally {
        for (const c of opened) await c.close();
        await grown.drop();
        await fresh.drop();
      }
    });

    it("seeds text embeddings without the vector column and says why", async () => {
      const connection = current();
      const report = await seed(connection);
      expect(report.notes).toEqual([
        "data_platform.text_embeddings: no pgvector in this database: rows are seeded without the embedding column",
      ]);
    });
  },
);

describeOnProviders(
  "seed over the wire to PGlite",
  { providers: ["pglite-socket"], extensions: ["vector"] },
  (getDb) => {
    it("seeds twice through pg (batched INSERT: no COPY FROM STDIN there), same row counts after each run", async () => {
      const database = getDb();
      await database.client.exec(emitCreateScript(platformCatalog()));
      const connection = await connectUrl(database.url as string);
      try {
        const report = await seed(connection);
        expect(report.notes).toContain(
          "bulk rows are inserted in batches: this server (PGlite over the wire) cannot take COPY FROM STDIN",
        );
        const first = await rowCounts(connection);
        const again = await seed(connection);
        expect(await rowCounts(connection)).toEqual(first);
        expect(again.tables.filter((t) => t.inserted > 0)).toEqual([]);
        expect(first["data_platform.text_embeddings"]).toBe(1000);
      } finally {
        await connection.close();
      }
    });
  },
);
