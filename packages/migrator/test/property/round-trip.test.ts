/**
 * Property 1 of the diff engine (issue 4): for a random valid Catalog, emit → apply → introspect gives a
 * database that diffs empty against the Catalog, and whose normal form equals the Catalog's.
 * Runs on PGlite (PostgreSQL 18) and native PostgreSQL (16 by default), one database per provider; each
 * case runs in the arbitraries' schemas, dropped before and after it. A failure shrinks (fast-check) to a
 * minimal Catalog, reported with its SQL and what differs. FC_SEED / FC_RUNS override the fixed seed and count.
 *
 * Views are compared the way verify compares them: a view body that differs from the read-back only in
 * PostgreSQL's wording is deparsed by the server (`confirmThroughServer`) before the comparison.
 */
import fc from "fast-check";
import { it } from "vitest";
import { catalogArb } from "../../../../fixtures/arbitraries/catalog.js";
import { describeOnProviders } from "../../../../test/support/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { assertValid, buildOptionsFor, describeMismatch, dropCaseSchemas, mismatch, runSettings } from "./harness.js";

describeOnProviders(
  "property: random Catalog → emit → apply → introspect diffs empty",
  { providers: ["pglite", "native"] },
  (getDb) => {
    it("holds for every drawn Catalog", async () => {
      const db = getDb();
      const arb = catalogArb(buildOptionsFor(db.serverVersion, "Prop Reader"));
      await fc.assert(
        fc.asyncProperty(arb, async ({ catalog }) => {
          assertValid(catalog);
          const sql = emitCreateScript(catalog);
          await dropCaseSchemas(db.client);
          try {
            try {
              await db.client.exec(sql);
            } catch (error) {
              throw new Error(`emitCreateScript's SQL failed: ${(error as Error).message}\nSQL:\n${sql}`);
            }
            const found = await mismatch(db.client, catalog);
            if (found)
              throw new Error(`database differs from the Catalog (${db.provider})\n${describeMismatch(found, sql)}`);
          } finally {
            await dropCaseSchemas(db.client);
          }
        }),
        runSettings(`round trip on ${db.provider}`, 150),
      );
    }, 600_000);
  },
);
