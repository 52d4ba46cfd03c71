import { emptyCatalog, platformCatalog } from "@platform/schema";
import { expect, it } from "vitest";
import { createTestDatabase, describeOnProviders, type TestDatabase } from "../../../../test/support/index.js";
import { diff } from "../../src/diff/index.js";
import { downMigrations } from "../../src/generate/index.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../src/normalize/index.js";
import { plan, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { applyMigration } from "../plan/apply.js";

const catalogFor = (db: TestDatabase) =>
  db.availableExtensions.has("vector") ? platformCatalog() : platformCatalog({ vector: false });
const roles = platformCatalog().roles.map((r) => r.name);
const readBack = async (db: TestDatabase) => normalizeCatalog(await introspect(db.client, { roles }));

/**
 * The first migration is the plan from the empty catalog; `emitCreateScript` is the other way to build
 * the same database. Both must agree on the whole platform.
 */
describeOnProviders("generate: the platform's first migration", {}, (getDb) => {
  it("builds the same database as emitCreateScript", async () => {
    const migrated = getDb();
    const catalog = catalogFor(migrated);
    for (const m of splitMigrations(plan(emptyCatalog(), catalog).steps)) await applyMigration(migrated.client, m);
    const direct = await createTestDatabase(migrated.provider);
    try {
      await direct.client.exec(emitCreateScript(catalog));
      expect(diff(await readBack(migrated), await readBack(direct), { sameExpression })).toEqual([]);
    } finally {
      await direct.drop();
    }
  });
});

// Roles are cluster-wide: only an in-process database owns its roles, so only there may the down drop them.
describeOnProviders("generate: the platform's first migration, reverted", { providers: ["pglite"] }, (getDb) => {
  it("its down section, applied after it, leaves an empty database", async () => {
    const db = getDb();
    const catalog = catalogFor(db);
    const forward = plan(emptyCatalog(), catalog);
    const up = splitMigrations(forward.steps);
    for (const m of up) await applyMigration(db.client, m);
    for (const m of [...downMigrations(emptyCatalog(), catalog, forward.changes, up)].reverse()) {
      await applyMigration(db.client, m);
    }
    expect(await readBack(db)).toEqual(normalizeCatalog(emptyCatalog()));
  });
});
