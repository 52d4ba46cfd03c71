import { beforeAll, expect, it } from "vitest";
import { viewsTriggersCatalog } from "../../../../fixtures/catalogs/views-triggers.js";
import { DependencyCycleError, emitCreateScript, orderViews } from "../../src/sql/index.js";
import { commentMismatches, describeOnDatabases, extensionsOf, scalar } from "./harness.js";

describeOnDatabases(
  "create script: views, materialized views and triggers",
  extensionsOf(viewsTriggersCatalog),
  (getDb) => {
    beforeAll(async () => {
      await getDb().client.exec(emitCreateScript(viewsTriggersCatalog));
    });

    it("creates views after the views they read, whatever their names", async () => {
      const { rows } = await getDb().client.query<{ relname: string; relkind: string }>(
        "SELECT relname, relkind FROM pg_class WHERE relnamespace = 'rep'::regnamespace AND relkind IN ('v', 'm') ORDER BY relname",
      );
      expect(rows).toEqual(
        viewsTriggersCatalog.views
          .map((v) => ({ relname: v.name, relkind: v.materialized ? "m" : "v" }))
          .sort((a, b) => a.relname.localeCompare(b.relname)),
      );
      expect(await commentMismatches(getDb().client, viewsTriggersCatalog)).toEqual([]);
    });

    it("fires triggers: tsvector maintenance, updated_at, WHEN-filtered row trigger, statement trigger with arguments", async () => {
      const { client } = getDb();
      await client.exec(
        "INSERT INTO rep.documents (customer, title, body, amount) VALUES ('ann', 'Quarterly report', 'numbers', 8), ('ann', 'Memo', 'hello', 5), ('bob', 'Note', 'hi', 1)",
      );
      expect(
        await scalar(
          client,
          "SELECT count(*)::int FROM rep.documents WHERE search @@ to_tsquery('simple', 'quarterly')",
        ),
      ).toBe(1);
      await client.exec("UPDATE rep.documents SET amount = amount + 1 WHERE customer = 'bob'");
      await client.exec("UPDATE rep.documents SET body = 'goodbye' WHERE title = 'Memo'");
      expect(await scalar(client, "SELECT count(*)::int FROM rep.documents WHERE updated_at IS NOT NULL")).toBe(2);
      expect(
        await scalar(client, "SELECT count(*)::int FROM rep.documents WHERE search @@ to_tsquery('simple', 'goodbye')"),
      ).toBe(1);
      const { rows } = await client.query<{ event: string; arg: string }>(
        "SELECT event, arg FROM rep.trigger_log ORDER BY id",
      );
      expect(rows).toEqual([
        { event: "INSERT:STATEMENT", arg: "it's a statement" },
        { event: "UPDATE:ROW", arg: "body changed" },
      ]);
      const updateOf = await scalar<string>(
        client,
        "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'documents_search'",
      );
      expect(updateOf).toMatch(/BEFORE INSERT OR UPDATE OF title, body ON rep\.documents FOR EACH ROW/);
    });

    it("answers through the views and refreshes the materialized view concurrently (its unique index exists)", async () => {
      const { client } = getDb();
      expect(await scalar(client, "SELECT customer FROM rep.a_top_customers")).toBe("ann");
      expect(await scalar(client, "SELECT count(*)::int FROM rep.daily_stats")).toBe(0);
      await client.exec("REFRESH MATERIALIZED VIEW CONCURRENTLY rep.daily_stats");
      expect(await scalar(client, "SELECT documents::int FROM rep.daily_stats")).toBe(3);
      expect(await scalar(client, "SELECT top_total::text FROM rep.daily_stats")).toBe("13.00");
    });
  },
);

it("refuses views that read each other, naming them", () => {
  const view = (name: string, reads: string) => ({
    schema: "rep",
    name,
    definition: `SELECT * FROM rep.${reads}`,
    dependsOn: [{ schema: "rep", name: reads }],
  });
  expect(() => orderViews([view("a", "b"), view("b", "a"), view("c", "a")])).toThrow(DependencyCycleError);
  expect(() => orderViews([view("a", "b"), view("b", "a")])).toThrow(/rep\.a, rep\.b/);
});
