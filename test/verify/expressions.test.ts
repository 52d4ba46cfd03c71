/**
 * View bodies are compared through the live server: the declared text is deparsed by the server itself
 * (a temporary view in a rolled-back transaction), so a body PostgreSQL rewrites beyond what the textual
 * normaliser undoes (`SELECT *` expanded to the column list, implicit casts) is not drift, while a body
 * that really differs still is. `expressions: "text"` (for read-only replicas) shows what the server
 * path decides. Nothing is left behind in the database.
 */
import type { Catalog } from "@platform/schema";
import { beforeAll, expect, it } from "vitest";
import { introspect } from "../../packages/migrator/src/introspect/index.js";
import { verify } from "../../packages/migrator/src/verify/index.js";
import { describeOnProviders } from "../support/index.js";

const withView = (catalog: Catalog, definition: string): Catalog => ({
  ...catalog,
  views: catalog.views.map((v) => (v.name === "open_orders" ? { ...v, definition } : v)),
});

describeOnProviders("verify compares view bodies through the server", { providers: ["pglite", "native"] }, (getDb) => {
  let live: Catalog;

  beforeAll(async () => {
    const { client } = getDb();
    await client.exec(`
      CREATE SCHEMA shop;
      CREATE TABLE shop.orders (id integer PRIMARY KEY, state character varying(20) NOT NULL, total numeric);
      CREATE VIEW shop.open_orders AS SELECT * FROM shop.orders WHERE state IN ('new', 'paid');`);
    live = await introspect(client);
  });

  it("accepts the declared text PostgreSQL rewrote (SELECT *, IN list on varchar)", async () => {
    const declared = withView(live, "SELECT * FROM shop.orders WHERE state IN ('new', 'paid')");
    const { client } = getDb();
    expect((await verify(client, declared, { expressions: "text" })).map((d) => `${d.code} ${d.path}`)).toEqual([
      "view_definition_changed shop.open_orders",
    ]);
    expect(await verify(client, declared)).toEqual([]);
  });

  it("still reports a body that differs, and leaves no temporary object behind", async () => {
    const { client } = getDb();
    const declared = withView(live, "SELECT * FROM shop.orders WHERE state IN ('new')");
    const drift = await verify(client, declared);
    expect(drift.map((d) => `${d.code} ${d.path}`)).toEqual(["view_definition_changed shop.open_orders"]);
    const temp = await client.query<{ n: number | string }>(
      "SELECT count(*) AS n FROM pg_catalog.pg_class WHERE relnamespace = pg_catalog.pg_my_temp_schema()",
    );
    expect(Number(temp.rows[0]?.n)).toBe(0);
  });

  it("reports a body that no longer compiles against the live tables", async () => {
    const { client } = getDb();
    const declared = withView(live, "SELECT id, state, total, discount FROM shop.orders");
    const drift = await verify(client, declared);
    expect(drift.map((d) => `${d.code} ${d.path}`)).toEqual(["view_definition_changed shop.open_orders"]);
  });
});
