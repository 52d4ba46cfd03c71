import type { PGlite } from "@electric-sql/pglite";
import { cosineDistance, createTypedDb } from "@platform/types";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnCodecs, type DB } from "./fixture-db.js";
import { fixtureDatabase, type ServedDatabase, servePglite } from "./support.js";

/**
 * Values round-trip through createDb on a real database, the same on both drivers: in-process PGlite
 * (our dialect) and `pg` over the wire (PGlite served on a socket).
 */
let pglite: PGlite;
let served: ServedDatabase;

beforeAll(async () => {
  pglite = await fixtureDatabase();
  served = await servePglite(pglite);
});

afterAll(async () => {
  await served?.stop();
  await pglite?.close();
});

const drivers: [string, () => Kysely<DB>][] = [
  ["pglite", () => createTypedDb<DB>({ pglite }, columnCodecs)],
  ["pg", () => createTypedDb<DB>({ url: served.url, maxConnections: 2 }, columnCodecs)],
];

describe.each(drivers)("createDb on %s", (driver, connect) => {
  let db: Kysely<DB>;
  beforeAll(() => {
    db = connect();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("writes and reads vectors as number[] and finds the nearest by cosine distance", async () => {
    const content = `vectors via ${driver}`;
    await db
      .insertInto("data_platform.text_embeddings")
      .values([
        { content, embedding: [1, 0, 0], preview: [0.5, 0.25, 0] },
        { content, embedding: [0, 1, 0] },
        { content, embedding: [0.9, 0.1, 0] },
      ])
      .execute();
    const rows = await db
      .selectFrom("data_platform.text_embeddings")
      .select(["embedding", "preview", "content_length"])
      .where("content", "=", content)
      .orderBy(cosineDistance("embedding", [1, 0, 0]))
      .execute();
    expect(rows.map((r) => r.embedding)).toEqual([
      [1, 0, 0],
      [0.9, 0.1, 0],
      [0, 1, 0],
    ]);
    expect(rows[0]?.preview).toEqual([0.5, 0.25, 0]);
    expect(rows[0]?.content_length).toBe(content.length);
  });

  it("updates a vector and a json column through the same codecs", async () => {
    const content = `update via ${driver}`;
    const { id } = await db
      .insertInto("data_platform.text_embeddings")
      .values({ content, embedding: [1, 1, 1], attributes: ["a", 1] })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(typeof id).toBe("string");
    await db
      .updateTable("data_platform.text_embeddings")
      .set({ embedding: [2, 2, 2], attributes: "just a string" })
      .where("id", "=", id)
      .execute();
    const row = await db
      .selectFrom("data_platform.text_embeddings")
      .select(["embedding", "attributes"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ embedding: [2, 2, 2], attributes: "just a string" });
  });

  it("reads bigint and numeric as exact strings, timestamps as Dates, interval as text, bytea as Buffer, enum arrays as arrays", async () => {
    const email = `${driver}@example.com`;
    await db
      .insertInto("auth.users")
      .values({
        email,
        username: driver,
        login_count: "9007199254740993",
        metadata: [{ nested: true }],
        past_statuses: ["pending", "disabled"],
        last_login_at: new Date("2026-01-02T03:04:05.000Z"),
      })
      .onConflict((oc) => oc.column("id").doUpdateSet({ metadata: { conflict: true } }))
      .execute();
    const user = await db.selectFrom("auth.users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.login_count).toBe("9007199254740993");
    expect(user.metadata).toEqual([{ nested: true }]);
    expect(user.past_statuses).toEqual(["pending", "disabled"]);
    expect(user.status).toBe("active");
    expect(user.tags).toEqual([]);
    expect(user.last_login_at).toEqual(new Date("2026-01-02T03:04:05.000Z"));
    expect(user.created_at).toBeInstanceOf(Date);

    await db
      .insertInto("monitoring.metrics")
      .values({
        time: "2026-01-15T00:00:00Z",
        node_id: driver,
        payload: Buffer.from([0, 1, 254]),
        uptime: "1 day 02:00:00",
        client_ip: "10.0.0.1",
      })
      .execute();
    const metric = await db
      .selectFrom("monitoring.metrics")
      .select(["seq", "payload", "uptime", "client_ip", "time"])
      .where("node_id", "=", driver)
      .executeTakeFirstOrThrow();
    expect(typeof metric.seq).toBe("string");
    expect(Buffer.isBuffer(metric.payload)).toBe(true);
    expect([...(metric.payload ?? [])]).toEqual([0, 1, 254]);
    expect(metric.uptime).toBe("1 day 02:00:00");
    expect(metric.client_ip).toBe("10.0.0.1");
    expect(metric.time).toEqual(new Date("2026-01-15T00:00:00Z"));

    const score = await db
      .insertInto("data_platform.text_embeddings")
      .values({ content: "numeric", embedding: [0, 0, 1], score: "12345678.1234" })
      .returning("score")
      .executeTakeFirstOrThrow();
    expect(score.score).toBe("12345678.1234");
  });

  it("serialises json and vector values in ON CONFLICT DO UPDATE too", async () => {
    const id = driver === "pg" ? "00000000-0000-4000-8000-000000000001" : "00000000-0000-4000-8000-000000000002";
    const user = { id, email: `conflict-${driver}@example.com`, username: `conflict-${driver}` };
    await db
      .insertInto("auth.users")
      .values({ ...user, metadata: { first: true } })
      .execute();
    await db
      .insertInto("auth.users")
      .values({ ...user, metadata: { second: true } })
      .onConflict((oc) => oc.column("id").doUpdateSet({ metadata: ["updated", { on: "conflict" }] }))
      .execute();
    const row = await db.selectFrom("auth.users").select("metadata").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.metadata).toEqual(["updated", { on: "conflict" }]);
  });

  it("runs a transaction on one connection and rolls it back", async () => {
    const key = `tx-${driver}`;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("settings")
          .values({ key, value: { a: 1 } })
          .execute();
        const inside = await trx.selectFrom("settings").select("key").where("key", "=", key).execute();
        expect(inside).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const after = await db.selectFrom("settings").select("key").where("key", "=", key).execute();
    expect(after).toEqual([]);
  });
});

describe("without the column codecs", () => {
  it("the drivers cannot write number[] to a vector column (why createDb installs ColumnCodecsPlugin)", async () => {
    const bare = createTypedDb<DB>({ pglite }, {});
    await expect(
      bare
        .insertInto("data_platform.text_embeddings")
        .values({ content: "bare", embedding: [1, 2, 3] })
        .execute(),
    ).rejects.toThrow(/vector/i);
    await bare.destroy();
  });
});
