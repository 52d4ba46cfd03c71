import { expect, it } from "vitest";
import { describeOnProviders } from "../support/index.js";

/**
 * Case-insensitive ICU collations (the platform's `nocase`). Findings pinned here:
 * - ICU's own locale syntax `und@colStrength=secondary` compares case-insensitively everywhere;
 * - the BCP-47 spelling `und-u-ks-level2` (PostgreSQL's documented form) is accepted by PGlite but
 *   its `ks` keyword is ignored there (the comparison stays case-sensitive); native servers honour it.
 */
describeOnProviders("ICU nondeterministic collations", {}, (getDb) => {
  it("compares case-insensitively with und@colStrength=secondary", async () => {
    const { client } = getDb();
    await client.exec(
      "CREATE COLLATION nocase_legacy (provider = icu, locale = 'und@colStrength=secondary', deterministic = false)",
    );
    const { rows } = await client.query(
      "SELECT 'Ada' = 'ADA' COLLATE nocase_legacy AS equal, 'Ada' = 'Bob' COLLATE nocase_legacy AS other",
    );
    expect(rows).toEqual([{ equal: true, other: false }]);
  });

  it("honours und-u-ks-level2 on real servers, ignores its keyword on PGlite", async () => {
    const db = getDb();
    await db.client.exec(
      "CREATE COLLATION nocase_bcp47 (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
    );
    const { rows } = await db.client.query<{ equal: boolean }>("SELECT 'Ada' = 'ADA' COLLATE nocase_bcp47 AS equal");
    expect(rows[0]?.equal).toBe(!db.provider.startsWith("pglite"));
  });
});
