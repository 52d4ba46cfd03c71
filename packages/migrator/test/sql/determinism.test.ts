import type { Catalog, Partition, Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { catalogFixtures } from "../../../../fixtures/catalogs/index.js";
import { createScriptSections, emitCreateScript } from "../../src/sql/index.js";

/**
 * The same Catalog with every list whose order means nothing to PostgreSQL reversed (objects, indexes,
 * constraints, policies, grants, partitions...). Lists whose order matters — columns, enum labels,
 * function arguments, index keys — keep theirs.
 */
const reverseUnordered = (catalog: Catalog): Catalog => {
  const rev = <T>(items: readonly T[] | undefined): T[] | undefined => (items ? [...items].reverse() : undefined);
  const partitions = (items: readonly Partition[] | undefined): Partition[] | undefined =>
    rev(items)?.map((p) => ({ ...p, ...(p.partitions ? { partitions: partitions(p.partitions) } : {}) }));
  const table = (t: Table): Table => {
    const copy: Table = { ...t };
    for (const key of [
      "uniques",
      "checks",
      "foreignKeys",
      "exclusions",
      "indexes",
      "policies",
      "triggers",
      "grants",
    ] as const) {
      if (t[key]) (copy as Record<string, unknown>)[key] = rev(t[key] as unknown[]);
    }
    if (t.partitions) copy.partitions = partitions(t.partitions);
    return copy;
  };
  return {
    extensions: [...catalog.extensions].reverse(),
    schemas: [...catalog.schemas].reverse().map((s) => ({ ...s, ...(s.grants ? { grants: rev(s.grants) } : {}) })),
    roles: [...catalog.roles].reverse().map((r) => ({ ...r, ...(r.memberOf ? { memberOf: rev(r.memberOf) } : {}) })),
    collations: [...catalog.collations].reverse(),
    enums: [...catalog.enums].reverse(),
    domains: [...catalog.domains].reverse().map((d) => ({ ...d, ...(d.checks ? { checks: rev(d.checks) } : {}) })),
    sequences: [...catalog.sequences].reverse(),
    functions: [...catalog.functions].reverse(),
    tables: [...catalog.tables].reverse().map(table),
    views: [...catalog.views].reverse().map((v) => ({ ...v, ...(v.indexes ? { indexes: rev(v.indexes) } : {}) })),
    defaultPrivileges: [...catalog.defaultPrivileges].reverse(),
  };
};

describe("create script determinism", () => {
  for (const [name, catalog] of Object.entries(catalogFixtures)) {
    it(`${name}: emitting twice, or from a copy, gives byte-identical SQL`, () => {
      const first = emitCreateScript(catalog);
      expect(emitCreateScript(catalog)).toBe(first);
      expect(emitCreateScript(structuredClone(catalog))).toBe(first);
    });

    it(`${name}: the order of unordered lists does not change the SQL`, () => {
      expect(emitCreateScript(reverseUnordered(catalog))).toBe(emitCreateScript(catalog));
    });

    it(`${name}: is byte-stable (file snapshot)`, async () => {
      await expect(emitCreateScript(catalog)).toMatchFileSnapshot(`./__snapshots__/${name}.sql`);
    });
  }

  it("prints sections in creation order, each as `-- title`, separated by a blank line, statements ending in `;`", () => {
    const order = [
      "schemas",
      "extensions",
      "roles",
      "collations",
      "enums",
      "domains",
      "sequences",
      "functions",
      "tables",
      "functions on table row types",
      "partitions",
      "sequence ownership",
      "indexes",
      "foreign keys",
      "views",
      "triggers",
      "row level security",
      "grants",
      "comments",
    ];
    for (const catalog of Object.values(catalogFixtures)) {
      const sections = createScriptSections(catalog);
      const titles = sections.map((s) => s.title);
      expect(titles).toEqual(order.filter((t) => titles.includes(t)));
      for (const section of sections) {
        expect(section.statements.length).toBeGreaterThan(0);
        for (const statement of section.statements) expect(statement.endsWith(";")).toBe(true);
      }
      const script = emitCreateScript(catalog);
      expect(script.split("\n\n").map((block) => block.split("\n")[0])).toEqual(titles.map((t) => `-- ${t}`));
      expect(script.endsWith(";\n")).toBe(true);
    }
  });
});
