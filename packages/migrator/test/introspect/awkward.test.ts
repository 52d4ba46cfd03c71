/**
 * Names and values that break naive parsing: quotes, spaces, upper case, reserved words, commas and
 * parentheses inside literals, non-ASCII text.
 */
import { expect, test } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { describeOnProviders } from "./harness.js";

describeOnProviders("introspect: awkward names and values", {}, (getDb) => {
  test("quoted identifiers everywhere, literals with commas and parentheses, multi-column range bounds", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA "K Awk""ward";
      CREATE FUNCTION "K Awk""ward"."Trig fn"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TABLE "K Awk""ward"."User Table" (
        "Id" serial,
        "select" text CONSTRAINT "Check, (this)" CHECK ("select" <> 'a, (b)'),
        "ünïcode" text DEFAULT 'grüße, ''quoted'''
      );
      CREATE INDEX "Idx ""q""" ON "K Awk""ward"."User Table" ("select") WHERE "ünïcode" <> ')';
      CREATE TRIGGER "when" BEFORE INSERT ON "K Awk""ward"."User Table" FOR EACH ROW
        EXECUTE FUNCTION "K Awk""ward"."Trig fn"('ö, ä', ')', 'WHEN (');
      CREATE TABLE "K Awk""ward".ranges (a integer, b text) PARTITION BY RANGE (a, b);
      CREATE TABLE "K Awk""ward"."Range Low" PARTITION OF "K Awk""ward".ranges
        FOR VALUES FROM (MINVALUE, MINVALUE) TO (10, 'm, (n)');
      CREATE TABLE "K Awk""ward".lists (b text) PARTITION BY LIST (b);
      CREATE TABLE "K Awk""ward"."List ""1""" PARTITION OF "K Awk""ward".lists FOR VALUES IN ('x, y', ')(', NULL);
    `);
    const catalog = await introspect(db.client, { schemas: ['K Awk"ward'] });
    // code-point order, as every Catalog list: upper case sorts before lower case
    const [user, lists, ranges] = catalog.tables;
    expect(catalog.tables.map((t) => t.name)).toEqual(["User Table", "lists", "ranges"]);
    expect(user?.columns).toEqual([
      { name: "Id", type: "serial", notNull: true },
      { name: "select", type: "text" },
      { name: "ünïcode", type: "text", default: "'grüße, ''quoted'''::text" },
    ]);
    expect(catalog.sequences).toEqual([]);
    expect(user?.checks).toEqual([{ name: "Check, (this)", expression: `"select" <> 'a, (b)'::text` }]);
    expect(user?.indexes).toEqual([
      { name: 'Idx "q"', elements: [{ column: "select" }], where: `"ünïcode" <> ')'::text` },
    ]);
    expect(user?.triggers).toEqual([
      {
        name: "when",
        timing: "before",
        events: ["insert"],
        level: "row",
        function: { schema: 'K Awk"ward', name: "Trig fn" },
        args: ["ö, ä", ")", "WHEN ("],
      },
    ]);
    expect(ranges?.partitionBy).toEqual({ strategy: "range", keys: [{ column: "a" }, { column: "b" }] });
    expect(ranges?.partitions).toEqual([
      { name: "Range Low", bound: { kind: "range", from: ["MINVALUE", "MINVALUE"], to: ["10", "'m, (n)'"] } },
    ]);
    expect(lists?.partitions).toEqual([
      // in the order written: PostgreSQL keeps a list bound's values as declared
      { name: 'List "1"', bound: { kind: "list", values: ["'x, y'", "')('", "NULL"] } },
    ]);
  });
});
