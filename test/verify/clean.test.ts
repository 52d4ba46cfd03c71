/**
 * The platform verifies clean on every server: PGlite with pgvector (the full platform) and native
 * PostgreSQL 14–18 without it (the variant `platformCatalog({ vector: false })`, which `--vector auto`
 * picks there). View bodies differ in wording between 14/15 and 16+; verify has the live server deparse
 * the declared text, so both sides agree on every version. Rolling partitions that follow a table's
 * template are expected; one with a foreign name or bound is not.
 */
import type { Catalog } from "@platform/schema";
import { beforeAll, expect, it } from "vitest";
import { platformFor } from "../../fixtures/platform/index.js";
import { createTemplatePartitions } from "../../packages/migrator/src/sql/index.js";
import { loadDeclarations, PLATFORM_AUTO, verify } from "../../packages/migrator/src/verify/index.js";
import { describeOnProviders } from "../support/index.js";
import { createPlatform } from "./create-platform.js";

const table = (catalog: Catalog, path: string) => {
  const found = catalog.tables.find((t) => `${t.schema}.${t.name}` === path);
  if (found === undefined) throw new Error(`${path} is not declared`);
  return found;
};

describeOnProviders("platform verifies clean", { extensions: ["pgcrypto", "uuid-ossp", "pg_trgm"] }, (getDb) => {
  let declared: Catalog;

  beforeAll(async () => {
    const { client, availableExtensions } = getDb();
    declared = platformFor(availableExtensions);
    await createPlatform(client, declared);
  });

  it("reports no drift against the declarations the server can hold", async () => {
    expect(await verify(getDb().client, declared)).toEqual([]);
  });

  it("picks that variant by itself (--vector auto)", async () => {
    const { client, availableExtensions } = getDb();
    const auto = await loadDeclarations(PLATFORM_AUTO, client);
    expect(auto.extensions.some((e) => e.name === "vector")).toBe(availableExtensions.has("vector"));
    expect(await verify(client, auto)).toEqual([]);
  });

  it("accepts rolling partitions created from the templates, and reports one that is not", async () => {
    const { client } = getDb();
    await client.exec("BEGIN");
    try {
      for (const path of ["data_platform.events", "monitoring.metrics", "service_platform.request_logs"]) {
        const statements = createTemplatePartitions(table(declared, path), { from: "2026-01-30", to: "2026-02-02" });
        await client.exec(statements.join(";\n"));
      }
      expect(await verify(client, declared)).toEqual([]);
      // Template name, wrong persistence: request_logs' template makes them UNLOGGED.
      await client.exec("ALTER TABLE service_platform.request_logs_20260131 SET LOGGED");
      // Template name, not the template's bound.
      await client.exec(
        "CREATE TABLE data_platform.storage_records_2026_05 PARTITION OF data_platform.storage_records FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-05-15 00:00:00+00')",
      );
      const drift = await verify(client, declared);
      expect(drift.map((d) => `${d.code} ${d.path}`)).toEqual([
        "partition_unexpected data_platform.storage_records_2026_05",
        "partition_persistence_changed service_platform.request_logs_20260131",
      ]);
    } finally {
      await client.exec("ROLLBACK");
    }
  });
});
