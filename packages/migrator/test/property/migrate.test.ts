/**
 * Property 2 of the diff engine (issue 4): for random related Catalogs A and B (B is A after 1–4 random
 * edits, see fixtures/arbitraries/mutations.ts), the plan A → B (destructive steps allowed), applied to a
 * database built from A the way the migration files run, leaves a database that diffs empty against B
 * and whose normal form equals B's. Each case draws whether the plan is lock-safe (CREATE INDEX
 * CONCURRENTLY in transaction:false migrations, NOT VALID + VALIDATE) or not.
 * Runs on PGlite and native PostgreSQL; each case runs in the arbitraries' schemas, dropped before and
 * after it. A failure shrinks to a minimal pair, reported with A's SQL, the migrations and what differs.
 * Column ORDER is not compared here (it is in the round trip): ADD COLUMN appends and PostgreSQL cannot
 * reorder columns, so no migration can promise B's order; diff ignores it for the same reason.
 * FC_SEED / FC_RUNS override the fixed seed and count. Nothing is narrowed out: every drawn pair must hold.
 */
import fc from "fast-check";
import { it } from "vitest";
import { buildCatalog } from "../../../../fixtures/arbitraries/build.js";
import { catalogSpecArb } from "../../../../fixtures/arbitraries/catalog.js";
import { specPairArb } from "../../../../fixtures/arbitraries/mutations.js";
import { describeOnProviders } from "../../../../test/support/index.js";
import { plan, renderMigrationSql, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { applyMigration } from "../plan/apply.js";
import { assertValid, buildOptionsFor, describeMismatch, dropCaseSchemas, mismatch, runSettings } from "./harness.js";

describeOnProviders("property: random A → B migrations lead to B", { providers: ["pglite", "native"] }, (getDb) => {
  it("holds for every drawn pair", async () => {
    const db = getDb();
    const options = buildOptionsFor(db.serverVersion, "Prop Writer");
    await fc.assert(
      fc.asyncProperty(specPairArb(catalogSpecArb), fc.boolean(), async ({ a: specA, b: specB }, lockSafe) => {
        const a = buildCatalog(specA, options);
        const b = buildCatalog(specB, options);
        assertValid(a);
        assertValid(b);
        const createA = emitCreateScript(a);
        await dropCaseSchemas(db.client);
        let applied = "";
        try {
          await db.client.exec(createA);
          const migrations = splitMigrations(plan(a, b, { allowDestructive: true, lockSafe }).steps);
          for (const migration of migrations) {
            applied += `-- migration (transaction: ${migration.transactional})\n${renderMigrationSql(migration)}\n`;
            try {
              await applyMigration(db.client, migration);
            } catch (error) {
              throw new Error(`a planned migration failed: ${(error as Error).message}\n-- A:\n${createA}\n${applied}`);
            }
          }
          const found = await mismatch(db.client, b, { ignoreColumnOrder: true });
          if (found) {
            throw new Error(
              `after A → B the database differs from B (${db.provider})\n${describeMismatch(found, `-- A:\n${createA}\n${applied}`)}`,
            );
          }
        } finally {
          await dropCaseSchemas(db.client);
        }
      }),
      runSettings(`A → B migrations on ${db.provider}`, 200),
    );
  }, 600_000);
});
