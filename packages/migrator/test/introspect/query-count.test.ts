import { expect, test } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { countingClient, describeOnProviders } from "./harness.js";

/** `count` tables with a column of each common shape, a unique, an index, a policy and a trigger each. */
const tables = (from: number, count: number): string =>
  Array.from({ length: count }, (_, k) => {
    const n = from + k;
    return `
      CREATE TABLE k_count.t${n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text UNIQUE,
        parent bigint REFERENCES k_count.t0 (id), created_at timestamptz DEFAULT now() CHECK (created_at > '2000-01-01'));
      CREATE INDEX t${n}_created ON k_count.t${n} (created_at DESC);
      ALTER TABLE k_count.t${n} ENABLE ROW LEVEL SECURITY;
      CREATE POLICY t${n}_all ON k_count.t${n} USING (true);
      CREATE TRIGGER t${n}_touch BEFORE UPDATE ON k_count.t${n} FOR EACH ROW EXECUTE FUNCTION k_count.touch();
      COMMENT ON TABLE k_count.t${n} IS 'table ${n}';`;
  }).join("\n");

describeOnProviders("introspect: a bounded number of queries", {}, (getDb) => {
  test("the statement count does not grow with the number of tables", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA k_count;
      CREATE FUNCTION k_count.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TABLE k_count.t0 (id bigint PRIMARY KEY);
      ${tables(1, 3)}
    `);
    const few = countingClient(db.client);
    const small = await introspect(few, { schemas: ["k_count"] });
    await db.client.exec(tables(4, 40));
    const many = countingClient(db.client);
    const large = await introspect(many, { schemas: ["k_count"] });

    expect(small.tables).toHaveLength(4);
    expect(large.tables).toHaveLength(44);
    expect(large.tables.every((t) => t.name === "t0" || t.policies?.length === 1)).toBe(true);
    expect(many.count()).toBe(few.count());
    // one per object kind plus opening and closing the session
    expect(many.count()).toBeLessThanOrEqual(20);
  });
});
