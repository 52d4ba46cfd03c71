/**
 * `pull` of the migrated platform: the declarations it writes lower to the Catalog it read, equal the
 * platform's own declarations, and build the same database again.
 */
import type { Catalog, View } from "@platform/schema";
import { expect, test } from "vitest";
import { platformFor } from "../../../../fixtures/platform/index.js";
import { introspect } from "../../src/introspect/index.js";
import { pullDeclarations } from "../../src/pull/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { comparable, createTestDatabase, describeOnProviders, writeDeclarations } from "./harness.js";

/**
 * PostgreSQL keeps a view's SELECT as a parse tree and prints it back qualified and parenthesised, so the
 * text pulled from a database is not the text the platform declares (verify compares the two through the
 * server). Compare everything else, and the view bodies in the pulled-vs-read comparison instead.
 */
const withDeclaredViewText = (pulled: Catalog, declared: Catalog): Catalog => {
  const declaredViews = new Map(declared.views.map((v) => [`${v.schema}.${v.name}`, v]));
  const align = (v: View): View => {
    const d = declaredViews.get(`${v.schema}.${v.name}`);
    const { columns, ...rest } = v;
    return { ...rest, definition: d?.definition ?? v.definition, ...(d?.columns ? { columns: columns ?? [] } : {}) };
  };
  return { ...pulled, views: pulled.views.map(align) };
};

describeOnProviders(
  "pull: the migrated platform",
  { extensions: ["pgcrypto", "uuid-ossp", "pg_trgm"], providers: ["pglite", "native"] },
  (getDb) => {
    test("the pulled declarations lower to the Catalog read, equal the platform's, and rebuild the same database", async () => {
      const db = getDb();
      const declared = platformFor(db.availableExtensions);
      const roles = declared.roles.map((r) => r.name);
      await db.client.exec(emitCreateScript(declared));
      const read = await introspect(db.client, { roles });

      const pulled = pullDeclarations(read);
      expect(pulled.warnings).toEqual([]);
      expect([...pulled.files.keys()]).toContain("index.ts");
      const written = await writeDeclarations(pulled.files);
      let lowered: Catalog;
      try {
        lowered = await written.load();
      } finally {
        await written.remove();
      }

      // lossless: exactly what was read, view bodies included
      expect(comparable(lowered)).toEqual(comparable(read));
      // and the platform's own declarations (view bodies aside, see above)
      expect(comparable(withDeclaredViewText(lowered, declared))).toEqual(comparable(declared));
      expect(lowered.tables.length).toBe(declared.tables.length);

      // the pulled declarations build the same database
      const copy = await createTestDatabase(db.provider);
      try {
        await copy.client.exec(emitCreateScript(lowered));
        expect(comparable(await introspect(copy.client, { roles }))).toEqual(comparable(read));
      } finally {
        await copy.drop();
      }
    });

    test("pulling is deterministic: twice gives byte-identical files, and pulling the pulled Catalog gives them again", async () => {
      const db = getDb();
      const declared = platformFor(db.availableExtensions);
      const roles = declared.roles.map((r) => r.name);
      if ((await introspect(db.client, { roles })).tables.length === 0) {
        await db.client.exec(emitCreateScript(declared));
      }
      const first = pullDeclarations(await introspect(db.client, { roles })).files;
      const second = pullDeclarations(await introspect(db.client, { roles })).files;
      expect([...second]).toEqual([...first]);

      const written = await writeDeclarations(first);
      try {
        expect([...pullDeclarations(await written.load()).files]).toEqual([...first]);
      } finally {
        await written.remove();
      }
    });
  },
);
