/**
 * Every Catalog fixture of the SQL emitter (one per object kind: tables, indexes, partitions, security,
 * vector, views and triggers, ...) pulled into declarations and lowered again: the same Catalog.
 * No database: `pull` itself is pure.
 */
import type { Catalog } from "@platform/schema";
import { expect, test } from "vitest";
import { catalogFixtures } from "../../../../fixtures/catalogs/index.js";
import { normalizeCatalog } from "../../src/normalize/index.js";
import { pullDeclarations } from "../../src/pull/index.js";
import { comparable, writeDeclarations } from "./harness.js";

/** What the DSL cannot declare, and pull therefore reports as a warning: comments on a domain's checks. */
const undeclarable = (catalog: Catalog) =>
  catalog.domains.flatMap((d) =>
    (d.checks ?? []).flatMap((c) => (c.comment === undefined ? [] : [`${d.schema}.${d.name}.${c.name}`])),
  );

const withoutDomainCheckComments = (catalog: Catalog): Catalog => ({
  ...catalog,
  domains: catalog.domains.map((d) =>
    d.checks ? { ...d, checks: d.checks.map(({ comment: _comment, ...c }) => c) } : d,
  ),
});

for (const [name, catalog] of Object.entries(catalogFixtures)) {
  test(`${name}: pulled declarations lower to the same Catalog`, async () => {
    const pulled = pullDeclarations(catalog);
    expect(pulled.warnings.map((w) => w.split(":")[0])).toEqual(undeclarable(catalog));
    const written = await writeDeclarations(pulled.files);
    try {
      const lowered = await written.load();
      expect(comparable(lowered)).toEqual(comparable(withoutDomainCheckComments(catalog)));
      expect(normalizeCatalog(lowered).tables.map((t) => t.partitionTemplate)).toEqual(
        normalizeCatalog(catalog).tables.map((t) => t.partitionTemplate),
      );
    } finally {
      await written.remove();
    }
  });
}
