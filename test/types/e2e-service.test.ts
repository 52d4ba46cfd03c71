import { platformCatalog } from "@platform/schema";
import { createDb } from "@platform/types";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";
import { createTestDatabase, type TestDatabase } from "../support/index.js";
import { asUser, type Db, documentsMatching, myEvents, similarTexts, visibleDocuments } from "./e2e/service.js";

/**
 * End to end: the platform built from its declarations on PGlite (PostgreSQL 18 + pgvector, served
 * over the wire), data written through the typed API, and the service's three kinds of query —
 * vector similarity, JSONB containment, RLS under session context — checked for results and, with
 * EXPLAIN, for using the index that was declared for them.
 */
const DIMENSIONS = 1536;

/** Deterministic pseudo-random numbers (mulberry32), so the data is the same on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const planText = (rows: readonly Record<string, unknown>[]): string => rows.map((r) => Object.values(r)[0]).join("\n");

let database: TestDatabase;
let db: Db;
const users: Record<"alice" | "bob", string> = { alice: "", bob: "" };
const vectors: number[][] = [];

beforeAll(async () => {
  database = await createTestDatabase("pglite-socket");
  await database.client.exec(emitCreateScript(platformCatalog()));
  db = createDb({ url: database.url as string, maxConnections: 2 });

  const org = await db
    .insertInto("auth.organizations")
    .values({ name: "Acme", slug: "acme" })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const name of ["alice", "bob"] as const) {
    const user = await db
      .insertInto("auth.users")
      .values({ organization_id: org.id, username: name, email: `${name}@acme.test`, password_hash: "$2b$12$x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    users[name] = user.id;
  }

  const next = random(42);
  for (let i = 0; i < 200; i += 1) vectors.push(Array.from({ length: DIMENSIONS }, () => next() - 0.5));
  await db
    .insertInto("data_platform.text_embeddings")
    .values(vectors.map((embedding, i) => ({ text_content: `chunk ${i}`, chunk_index: i, embedding })))
    .execute();

  await db
    .insertInto("data_platform.documents")
    .values([
      { owner_id: users.alice, title: "alice private", content: "a", metadata: { lang: "en", topic: "db" } },
      { owner_id: users.alice, title: "alice public", content: "b", is_public: true, metadata: { lang: "zh" } },
      { owner_id: users.bob, title: "bob private", content: "c", metadata: { lang: "en", topic: "ml" } },
    ])
    .execute();
  await db
    .insertInto("data_platform.events")
    .values([
      { user_id: users.alice, event_type: "click", event_data: { button: "save" } },
      { user_id: users.bob, event_type: "view", event_data: { page: "/" } },
      { user_id: users.bob, event_type: "purchase", event_data: { sku: 7 } },
    ])
    .execute();
  await sql`ANALYZE`.execute(db);
}, 180_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe("a typed service on the platform database", () => {
  it("finds the nearest embeddings with <=>, ordered by distance", async () => {
    const target = vectors[17] as number[];
    const nearest = await similarTexts(db, target, 3).execute();
    expect(nearest[0]?.text_content).toBe("chunk 17");
    expect(Number(nearest[0]?.distance)).toBeCloseTo(0, 6);
    const distances = nearest.map((n) => Number(n.distance));
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it("plans the similarity search on the ivfflat index", async () => {
    const plan = await db.transaction().execute(async (trx) => {
      // a few hundred rows: make the planner show whether the index CAN serve this query shape
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return planText(await similarTexts(trx, vectors[0] as number[], 5).explain());
    });
    expect(plan).toMatch(/Index Scan using text_embeddings_embedding_idx/);
  });

  it("filters documents by JSONB containment, on the GIN index", async () => {
    const english = await documentsMatching(db, { lang: "en" }).execute();
    expect(english.map((d) => d.title)).toEqual(["alice private", "bob private"]);
    expect(english[1]?.metadata).toEqual({ lang: "en", topic: "ml" });
    const plan = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return planText(await documentsMatching(trx, { topic: "db" }).explain());
    });
    expect(plan).toMatch(/Bitmap Index Scan on documents_metadata_idx/);
  });

  it("sees only what row level security allows under the session's user", async () => {
    const alice = await asUser(db, users.alice, visibleDocuments);
    expect(alice.map((d) => d.title)).toEqual(["alice private", "alice public"]);
    const bob = await asUser(db, users.bob, visibleDocuments);
    expect(bob.map((d) => d.title)).toEqual(["alice public", "bob private"]);
    const nobody = await asUser(db, null, visibleDocuments);
    expect(nobody.map((d) => d.title)).toEqual(["alice public"]);

    const bobEvents = await asUser(db, users.bob, myEvents);
    expect(bobEvents.map((e) => e.event_type)).toEqual(["view", "purchase"]);
    expect(bobEvents.every((e) => e.user_id === users.bob)).toBe(true);
    expect(await asUser(db, null, myEvents)).toEqual([]);
  });

  it("does not leak the session context into the next transaction on the same pool", async () => {
    await asUser(db, users.alice, visibleDocuments);
    const setting = await sql<{ v: string | null }>`SELECT current_setting('app.current_user_id', true) AS v`.execute(
      db,
    );
    expect(setting.rows[0]?.v ?? "").toBe("");
    const role = await sql<{ r: string }>`SELECT current_user AS r`.execute(db);
    expect(role.rows[0]?.r).not.toBe("app_role");
  });
});
