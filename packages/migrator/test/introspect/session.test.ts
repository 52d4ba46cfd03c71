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
