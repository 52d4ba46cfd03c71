import { expect, it } from "vitest";
import { describeOnProviders } from "../support/index.js";

describeOnProviders("every provider is a real PostgreSQL", {}, (getDb) => {
  it("creates a table, inserts and reads rows back", async () => {
    const { client } = getDb();
    await client.exec("CREATE TABLE smoke (id integer PRIMARY KEY, label text NOT NULL)");
    await client.query("INSERT INTO smoke VALUES ($1, $2), ($3, $4)", [1, "one", 2, "two"]);
    const { rows } = await client.query<{ id: number; label: string }>("SELECT id, label FROM smoke ORDER BY id");
    expect(rows).toEqual([
      { id: 1, label: "one" },
      { id: 2, label: "two" },
    ]);
  });

  it("reports the server version it really runs", async () => {
    const db = getDb();
    const { rows } = await db.client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    expect(db.serverVersion).toBe(Number(rows[0]?.v));
    expect(db.serverVersion).toBeGreaterThanOrEqual(140000);
    // native-<major> must really be that major (PG_VERSIONS picks the binaries)
    const major = /^native-(\d+)$/.exec(db.provider)?.[1];
    if (major !== undefined) expect(Math.floor(db.serverVersion / 10000)).toBe(Number(major));
  });

  it("hands out a database with nothing in it but what this block created", async () => {
    const { rows } = await getDb().client.query(
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind = 'r' ORDER BY 1",
    );
    expect(rows).toEqual([{ relname: "smoke" }]);
  });
});
