import type { Catalog } from "@platform/schema";
import { expect, it } from "vitest";
import { type AcceptanceCase, acceptanceCases } from "../../../../fixtures/acceptance/index.js";
import { createTestDatabase, describeOnProviders, type TestDatabase } from "../../../../test/support/index.js";
import { type Change, diff } from "../../src/diff/index.js";
import { downMigrations } from "../../src/generate/index.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../src/normalize/index.js";
import { plan, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { applyMigration } from "./apply.js";

/**
 * The acceptance harness (after pg-schema-diff's migration_acceptance_tests): every case in
 * fixtures/acceptance, on every available provider. For each case: build `before`, seed rows, plan to
 * `after` and check the hazards, apply the plan as the migration files would run, then
 *  - the database reads back equal to a database built directly from `after` (both PostgreSQL's own
 *    rendering, so expressions compare exactly),
 *  - planning from what the database now holds to `after` (as PostgreSQL renders it) finds nothing to do,
 *  - the down sections, applied newest first, bring back `before`.
 */
const readBack = (db: TestDatabase, roles: readonly string[]): Promise<Catalog> =>
  introspect(db.client, { roles }).then(normalizeCatalog);

const rolesOf = (c: AcceptanceCase): string[] => [...new Set([...c.before.roles, ...c.after.roles].map((r) => r.name))];

const differences = (from: Catalog, to: Catalog): Change[] => diff(from, to, { sameExpression });

export const hazardTypes = (c: AcceptanceCase) => {
  const p = plan(c.before, c.after, { allowDestructive: true });
  return [...new Set(p.steps.flatMap((s) => s.hazards.map((h) => h.type)))].sort();
};

/** Cases grouped by the extensions they need: a provider without them skips that group, printed. */
const byExtensions = new Map<string, AcceptanceCase[]>();
for (const c of acceptanceCases) {
  const key = [...(c.extensions ?? [])].sort().join(",");
  byExtensions.set(key, [...(byExtensions.get(key) ?? []), c]);
}

/**
 * Registers every case on one provider family. Each family has its own test file so vitest runs them in
 * parallel; PGlite over the wire is left to the suites that test the wire path, since it is the same engine.
 */
export function describeAcceptance(provider: "native" | "pglite"): void {
  for (const [extensions, cases] of byExtensions) {
    const title = `acceptance: plan before → after on a real database${extensions ? ` (with ${extensions})` : ""}`;
    describeOnProviders(
      title,
      { extensions: extensions ? extensions.split(",") : [], providers: [provider] },
      (getDb) => runCases(getDb, cases),
    );
  }
}

function runCases(getDb: () => TestDatabase, cases: readonly AcceptanceCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      const provider = getDb().provider;
      const roles = rolesOf(c);
      const migrated = await createTestDatabase(provider);
      let direct: TestDatabase | undefined;
      try {
        await migrated.client.exec(emitCreateScript(c.before));
        const atBefore = await readBack(migrated, roles);
        if (c.seed) await migrated.client.exec(c.seed);

        const forward = plan(c.before, c.after, { allowDestructive: true });
        const up = splitMigrations(forward.steps);
        for (const migration of up) await applyMigration(migrated.client, migration);
        if (c.check) expect((await migrated.client.query(c.check.sql)).rows).toEqual(c.check.rows);

        const atAfter = await readBack(migrated, roles);
        direct = await createTestDatabase(provider);
        await direct.client.exec(emitCreateScript(c.after));
        const atDirect = await readBack(direct, roles);
        expect(differences(atAfter, atDirect)).toEqual([]);
        // Planning again from what the database now holds finds nothing to do.
        expect(plan(atAfter, atDirect, { sameExpression }).steps).toEqual([]);

        // Roles are cluster-wide: the direct database must be gone before a down section drops one.
        await direct.drop();
        direct = undefined;
        if (c.reversible !== false) {
          const down = downMigrations(c.before, c.after, forward.changes, up);
          for (const migration of [...down].reverse()) await applyMigration(migrated.client, migration);
          expect(differences(await readBack(migrated, roles), atBefore)).toEqual([]);
        }
      } finally {
        await direct?.drop();
        await migrated.drop();
      }
    });
  }
}
