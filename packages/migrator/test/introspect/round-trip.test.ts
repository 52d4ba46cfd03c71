import type { Catalog, View } from "@platform/schema";
import { expect, test } from "vitest";
import { basicsCatalog } from "../../../../fixtures/catalogs/basics.js";
import { tablesCatalog } from "../../../../fixtures/catalogs/tables.js";
import { platformFor } from "../../../../fixtures/platform/index.js";
import { introspect } from "../../src/introspect/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { comparable, createTestDatabase, describeOnProviders, type TestDatabase } from "./harness.js";

interface Case {
  readonly name: string;
  readonly extensions: readonly string[];
  /** oldest server the fixture's SQL runs on (the tables fixture uses UNIQUE NULLS NOT DISTINCT, 15+) */
  readonly minServer: number;
  readonly build: (db: TestDatabase) => Catalog;
}

/** Each fixture with the extensions it needs (the platform adapts to a server without pgvector). */
const cases: readonly Case[] = [
  { name: "basics", extensions: ["pgcrypto", "uuid-ossp"], minServer: 140000, build: () => basicsCatalog },
  { name: "tables", extensions: [], minServer: 150000, build: () => tablesCatalog },
  {
    name: "platform",
    extensions: ["pgcrypto", "uuid-ossp", "pg_trgm"],
    minServer: 140000,
    build: (db) => platformFor(db.availableExtensions),
  },
];

/** Skips (printed, with the reason) on a server older than the fixture needs. */
const skipWhenTooOld = (db: TestDatabase, c: Case, skip: () => void): void => {
  if (db.serverVersion >= c.minServer) return;
  console.log(`[introspect] skipped ${c.name} on ${db.provider}: its SQL needs server_version_num >= ${c.minServer}`);
  skip();
};

/**
 * A view's SELECT comes back as PostgreSQL deparses it (qualified, parenthesised, aliases resolved): no
 * text rule can match it with the declared text, which is why verify compares views through a server
 * (see src/normalize/index.ts). Here the definition is checked by the fixpoint test instead, and output
 * columns, which declarations may omit, only when declared.
 */
const asDeclared = (read: Catalog, declared: Catalog): Catalog => {
  const declaredViews = new Map(declared.views.map((v) => [`${v.schema}.${v.name}`, v]));
  const align = (v: View): View => {
    const d = declaredViews.get(`${v.schema}.${v.name}`);
    const { columns, ...rest } = v;
    return { ...rest, definition: d?.definition ?? v.definition, ...(d?.columns ? { columns: columns ?? [] } : {}) };
  };
  return { ...read, views: read.views.map(align) };
};

for (const c of cases) {
  describeOnProviders(`round trip: ${c.name} catalog → emit → apply → introspect`, c, (getDb) => {
    test("reads back the declared Catalog", async (ctx) => {
      const db = getDb();
      skipWhenTooOld(db, c, () => ctx.skip());
      const declared = c.build(db);
      await db.client.exec(emitCreateScript(declared));
      const read = await introspect(db.client, { roles: declared.roles.map((r) => r.name) });
      expect(comparable(asDeclared(read, declared))).toEqual(comparable(declared));
    });

    // What `pull` relies on: a Catalog read from a database is emittable, and the database it creates
    // reads back the same, views included. Compared through `comparable` because PostgreSQL's deparse is
    // not always a fixpoint: `v::varchar IN ('a')` reads back as `... = ANY ((ARRAY['a'::varchar])::text[])`,
    // which re-parsed reads back as `... = ANY (ARRAY[('a'::varchar)::text])`.
    test("the Catalog read back is a fixpoint: emit it into a fresh database and read that", async (ctx) => {
      const db = getDb();
      skipWhenTooOld(db, c, () => ctx.skip());
      const roles = c.build(db).roles.map((r) => r.name);
      const read = await introspect(db.client, { roles });
      const copy = await createTestDatabase(db.provider);
      try {
        await copy.client.exec(emitCreateScript(read));
        expect(comparable(await introspect(copy.client, { roles }))).toEqual(comparable(read));
      } finally {
        await copy.drop();
      }
    });
  });
}
