/**
 * The drift catalogue: every case of `cases.ts` applied to a database built from the platform, each
 * reported by verify with its exact object path — and nothing else. One database per provider; each
 * case runs in a transaction that is rolled back (DDL is transactional), verify on the same connection.
 * PGlite carries the full platform (pgvector), native PostgreSQL the variant without it.
 */
import type { Catalog } from "@platform/schema";
import { beforeAll, expect, it } from "vitest";
import { platformFor } from "../../fixtures/platform/index.js";
import { renderDrift, verify } from "../../packages/migrator/src/verify/index.js";
import { describeOnProviders } from "../support/index.js";
import { createPlatform } from "../verify/create-platform.js";
import { driftCases } from "./cases.js";

describeOnProviders("drift catalogue", { providers: ["pglite", "native"] }, (getDb) => {
  let declared: Catalog;

  beforeAll(async () => {
    const { client, availableExtensions } = getDb();
    declared = platformFor(availableExtensions);
    await createPlatform(client, declared);
  });

  it("starts clean", async () => {
    expect(await verify(getDb().client, declared)).toEqual([]);
  });

  it("has at least 25 cases", () => {
    expect(driftCases.length).toBeGreaterThanOrEqual(25);
  });

  it("renders drift as text and Markdown with the object path and the fix", async () => {
    const { client } = getDb();
    await client.exec("BEGIN");
    try {
      await client.exec("ALTER TABLE auth.organizations ALTER COLUMN slug DROP NOT NULL");
      const drift = await verify(client, declared);
      expect(renderDrift("text", "db", drift)).toBe(
        [
          "✖ column NOT NULL differs: declared NOT NULL, database has NULL",
          "  → at auth.organizations.slug",
          "  fix: ALTER TABLE auth.organizations ALTER COLUMN slug SET NOT NULL;",
          "1 drift in db: exit 1",
        ].join("\n"),
      );
      const markdown = renderDrift("markdown", "db", drift);
      expect(markdown).toContain("| path | object | drift | declared | database | fix |");
      expect(markdown).toContain(
        "| `auth.organizations.slug` | column | column NOT NULL differs | `NOT NULL` | `NULL` |",
      );
    } finally {
      await client.exec("ROLLBACK");
    }
  });

  for (const c of driftCases) {
    it(`reports ${c.name}`, async () => {
      const { client } = getDb();
      await client.exec("BEGIN");
      try {
        if (c.setup !== undefined) await client.exec(c.setup);
        const catalog = c.declare ? c.declare(declared) : declared;
        if (c.setup !== undefined) expect(await verify(client, catalog), "clean after setup").toEqual([]);
        await client.exec(c.sql);
        const drift = await verify(client, catalog);
        expect(drift.map((d) => `${d.code} ${d.path}`)).toEqual([...c.expect].sort());
        for (const d of drift) expect(d.fix.length, `${d.path} has a fix`).toBeGreaterThan(0);
      } finally {
        await client.exec("ROLLBACK");
      }
    });
  }
});
