import { afterAll, beforeAll, describe, it } from "vitest";
import type { TestDatabase } from "./provider.js";
import { registeredProviders } from "./registry.js";
import { matchesSelector } from "./selection.js";

export type { DatabaseProvider, TestDatabase } from "./provider.js";
export { matchesSelector } from "./selection.js";

export interface ProviderRequirements {
  /** extensions the tests need available (`vector`, `pgcrypto`, `uuid-ossp`, …); providers without them are skipped, printed */
  readonly extensions?: readonly string[];
  /** provider names or families to run on (`native`, `pglite`, `native-18`); default: every available provider */
  readonly providers?: readonly string[];
}

const printSkip = (title: string, provider: string, reason: string) =>
  console.log(`[test databases] skipped "${title}" on ${provider}: ${reason}`);

/**
 * Runs `body` once per available provider, each in its own `describe(<provider name>)` with a fresh empty
 * database created before its tests and dropped after them. Providers lacking a required extension, or
 * excluded by `providers`, are reported as skipped tests and printed — never silently left out.
 *
 * @example
 * describeOnProviders("vector columns", { extensions: ["vector"] }, (getDb) => {
 *   it("stores an embedding", async () => {
 *     const db = getDb();
 *     await db.client.exec("CREATE EXTENSION vector; CREATE TABLE t (v vector(3))");
 *     await db.client.query("INSERT INTO t VALUES ($1)", ["[1,2,3]"]);
 *     expect((await db.client.query("SELECT v::text FROM t")).rows).toEqual([{ v: "[1,2,3]" }]);
 *   });
 * });
 */
export const describeOnProviders = (
  title: string,
  requirements: ProviderRequirements,
  body: (getDb: () => TestDatabase) => void,
): void => {
  describe(title, () => {
    const { available } = registeredProviders();
    const wanted = requirements.providers;
    const chosen = available.filter(
      (entry) => wanted === undefined || wanted.some((selector) => matchesSelector(entry.provider.name, selector)),
    );
    if (chosen.length === 0) {
      const reason = `none of the providers ${JSON.stringify(wanted)} is available in this run (see the [test databases] lines above)`;
      printSkip(title, "every provider", reason);
      it.skip(`no provider: ${reason}`, () => {});
    }
    for (const entry of chosen) {
      const name = entry.provider.name;
      const missing = (requirements.extensions ?? []).filter((extension) => !entry.extensions.has(extension));
      if (missing.length > 0) {
        const reason = `needs extension${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, not available there`;
        printSkip(title, name, reason);
        it.skip(`${name}: ${reason}`, () => {});
        continue;
      }
      describe(name, () => {
        let db: TestDatabase | undefined;
        beforeAll(async () => {
          db = await entry.provider.createDatabase();
        });
        afterAll(async () => {
          await db?.drop();
        });
        body(() => {
          if (db === undefined)
            throw new Error(`${name}: the test database is created in beforeAll; call getDb() inside a test or hook`);
          return db;
        });
      });
    }
  });
};

/**
 * A fresh database from one provider (a name like `native-16`, or a family like `native`, `pglite`),
 * for tests that need several databases or their own lifecycle. The caller must `drop()` it.
 */
export const createTestDatabase = async (providerName: string): Promise<TestDatabase> => {
  const { available, unavailable } = registeredProviders();
  const entry = available.find((candidate) => matchesSelector(candidate.provider.name, providerName));
  if (entry === undefined) {
    const known = unavailable.find((candidate) => matchesSelector(candidate.name, providerName));
    const reason = known?.reason ?? `not in this run (available: ${available.map((e) => e.provider.name).join(", ")})`;
    throw new Error(`test database provider ${providerName}: ${reason}\n  fix: check TEST_PROVIDERS / PG_VERSIONS`);
  }
  return entry.provider.createDatabase();
};

/** Names of the providers available in this run (after TEST_PROVIDERS), in order of preference. */
export const availableProviderNames = (): string[] => registeredProviders().available.map((e) => e.provider.name);
