/**
 * declare → emit → apply → introspect → diff: the platform read back from each server is the platform
 * declared. View bodies are the exception by design: PostgreSQL stores a parse tree and prints it back
 * in its own words, so a textual comparison of declared and deparsed SELECTs cannot be exact (see the
 * decision note in packages/migrator/src/normalize/index.ts; verify compares those through a scratch
 * database). Everything else — columns, types, defaults, constraints, indexes, partitions, policies,
 * triggers, functions, the nocase collation, grants, default privileges — must match.
 */
import { type Catalog, platformCatalog } from "@platform/schema";
import { beforeAll, expect, it } from "vitest";
import { type Change, diff } from "../../packages/migrator/src/diff/index.js";
import { introspect } from "../../packages/migrator/src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../packages/migrator/src/normalize/index.js";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";
import { describeOnProviders } from "../support/index.js";

/** Whether a change is about a view (its body, or what is re-created with it: indexes, grants, comments). */
const concernsView = (change: Change, declared: Catalog): boolean => {
  const text = JSON.stringify(change);
  return declared.views.some(
    (v) => text.includes(`"schema":"${v.schema}","name":"${v.name}"`) || text.includes(`"name":"${v.name}","schema"`),
  );
};

describeOnProviders("platform round trip", { extensions: ["pgcrypto", "uuid-ossp", "pg_trgm"] }, (getDb) => {
  let declared: Catalog;
  let live: Catalog;

  beforeAll(async () => {
    const { client, availableExtensions } = getDb();
    declared = platformCatalog({ vector: availableExtensions.has("vector") });
    await client.exec(emitCreateScript(declared));
    live = await introspect(client, { roles: declared.roles.map((r) => r.name) });
  });

  it("reads back every table, function, type and role that was declared", () => {
    const names = (c: Catalog) => ({
      tables: c.tables.map((t) => `${t.schema}.${t.name}`).sort(),
      functions: c.functions.map((f) => `${f.schema}.${f.name}`).sort(),
      enums: c.enums.map((e) => `${e.schema}.${e.name}`).sort(),
      collations: c.collations.map((x) => `${x.schema}.${x.name}`).sort(),
      roles: c.roles.map((r) => r.name).sort(),
      views: c.views.map((v) => `${v.schema}.${v.name}`).sort(),
    });
    expect(names(live)).toEqual(names(declared));
  });

  it("diffs empty against the declarations, view bodies aside", () => {
    const changes = diff(normalizeCatalog(live), normalizeCatalog(declared), { sameExpression });
    expect(changes.filter((c) => !concernsView(c, declared))).toEqual([]);
  });
});
