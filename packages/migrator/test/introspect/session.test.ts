import { expect, test } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { describeOnProviders } from "./harness.js";

describeOnProviders("introspect: the caller's session is left as it was", {}, (getDb) => {
  test("search_path, TimeZone and DateStyle are restored, and the result does not depend on them", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_session;
      CREATE TYPE k_session.kind AS ENUM ('a');
      CREATE TABLE k_session.t (k k_session.kind DEFAULT 'a', at timestamptz) PARTITION BY RANGE (at);
      CREATE TABLE k_session.t_2026 PARTITION OF k_session.t FOR VALUES FROM ('2026-01-01 00:00+00') TO ('2027-01-01 00:00+00');
    `);
    const settings =
      "SELECT current_setting('search_path') AS p, current_setting('TimeZone') AS z, current_setting('DateStyle') AS d";
    await db.client.exec(
      "SET search_path = k_session, public; SET TimeZone = 'America/New_York'; SET DateStyle = 'SQL, DMY'",
    );
    const before = (await db.client.query(settings)).rows;
    const fromSession = await introspect(db.client, { schemas: ["k_session"] });
    expect((await db.client.query(settings)).rows).toEqual(before);
    await db.client.exec("RESET search_path; RESET TimeZone; RESET DateStyle");
    const fromDefaults = await introspect(db.client, { schemas: ["k_session"] });
    expect(fromSession).toEqual(fromDefaults);
    expect(fromSession.tables[0]?.columns[0]).toEqual({
      name: "k",
      type: "k_session.kind",
      default: "'a'::k_session.kind",
    });
    expect(fromSession.tables[0]?.partitions?.[0]?.bound).toEqual({
      kind: "range",
      from: ["'2026-01-01 00:00:00+00'"],
      to: ["'2027-01-01 00:00:00+00'"],
    });
  });
});

describeOnProviders("introspect: what the caller's connection sees", {}, (getDb) => {
  // introspection reads half of the catalogs on a second connection when it can; inside a transaction
  // block that connection would not see the uncommitted DDL, so it must not be used there
  test("inside an open transaction, uncommitted tables, indexes and constraints are read", async () => {
    const db = getDb();
    await db.client.exec("BEGIN");
    try {
      await db.client.exec(`
        CREATE SCHEMA k_open;
        CREATE TABLE k_open.parent (id bigint PRIMARY KEY);
        CREATE TABLE k_open.child (id bigint PRIMARY KEY, parent_id bigint REFERENCES k_open.parent (id), note text);
        CREATE INDEX child_note_idx ON k_open.child (note);
        CREATE SEQUENCE k_open.counter;
      `);
      const catalog = await introspect(db.client, { schemas: ["k_open"] });
      const child = catalog.tables.find((t) => t.name === "child");
      expect(catalog.tables.map((t) => t.name)).toEqual(["child", "parent"]);
      expect(child?.indexes?.map((i) => i.name)).toEqual(["child_note_idx"]);
      expect(child?.foreignKeys?.[0]?.references).toEqual({ schema: "k_open", table: "parent", columns: ["id"] });
      expect(catalog.sequences.map((s) => s.name)).toEqual(["counter"]);
    } finally {
      await db.client.exec("ROLLBACK");
    }
  });

  test("outside a transaction, a second connection reads the same catalog as one connection alone", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_lanes;
      CREATE TABLE k_lanes.parent (id bigint PRIMARY KEY, code varchar(10) COLLATE "C" UNIQUE);
      CREATE TABLE k_lanes.child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent_id bigint REFERENCES k_lanes.parent (id) ON DELETE CASCADE, note text CHECK (note <> ''));
      CREATE INDEX child_note_idx ON k_lanes.child (lower(note) text_pattern_ops) WHERE note IS NOT NULL;
      CREATE INDEX child_parent_idx ON k_lanes.child (parent_id DESC NULLS LAST) INCLUDE (note);
    `);
    const { fork: _fork, ...single } = db.client;
    const alone = await introspect(single as typeof db.client, { schemas: ["k_lanes"] });
    const lanes = await introspect(db.client, { schemas: ["k_lanes"] });
    expect(lanes).toEqual(alone);
    expect(lanes.tables.find((t) => t.name === "child")?.indexes?.map((i) => i.name)).toEqual([
      "child_note_idx",
      "child_parent_idx",
    ]);
  });
});
