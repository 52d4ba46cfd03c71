/**
 * `normalizeCatalog` on a declaration that spells out PostgreSQL's defaults and aliases: once created in
 * a database and read back, both sides must reach the same normal form.
 */
import { type Catalog, emptyCatalog } from "@platform/schema";
import { expect, test } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { comparableCatalog, normalizeCatalog } from "../../src/normalize/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { describeOnProviders } from "./harness.js";

const verbose: Catalog = {
  ...emptyCatalog(),
  schemas: [{ name: "k_normal", grants: [{ grantee: "PUBLIC", privileges: ["usage"] }] }],
  sequences: [
    {
      schema: "k_normal",
      name: "plain",
      type: "bigint",
      start: "1",
      increment: "1",
      min: "1",
      max: "9223372036854775807",
      cache: "1",
      cycle: false,
    },
  ],
  functions: [
    {
      schema: "k_normal",
      name: "f",
      args: [{ name: "a", type: "int4", mode: "in" }],
      returns: "int4",
      language: "sql",
      body: "SELECT a",
      volatility: "volatile",
      parallel: "unsafe",
      strict: false,
      securityDefiner: false,
    },
  ],
  tables: [
    {
      schema: "k_normal",
      name: "parent",
      columns: [
        { name: "id", type: "serial4" },
        { name: "code", type: "varchar(10)" },
      ],
      primaryKey: { name: "parent_pkey", columns: ["id"] },
      uniques: [{ name: "parent_code_key", columns: ["code"], deferrable: "not deferrable", nullsNotDistinct: false }],
    },
    {
      schema: "k_normal",
      name: "child",
      columns: [
        { name: "id", type: "int8", identity: { generation: "always", start: "1", increment: "1" } },
        { name: "parent_id", type: "int4" },
        { name: "at", type: "timestamptz" },
        { name: "flag", type: "bool", notNull: false },
      ],
      foreignKeys: [
        {
          name: "child_parent_fk",
          columns: ["parent_id"],
          references: { schema: "k_normal", table: "parent", columns: ["id"] },
          onDelete: "no action",
          onUpdate: "no action",
          match: "simple",
          deferrable: "not deferrable",
        },
      ],
      indexes: [
        {
          name: "child_at",
          method: "btree",
          unique: false,
          elements: [{ column: "at", order: "asc", nulls: "last", opclass: "timestamptz_ops" }],
          include: [],
        },
        { name: "child_at_desc", elements: [{ column: "at", order: "desc", nulls: "first" }] },
      ],
      rowLevelSecurity: "enabled",
      policies: [{ name: "everyone", command: "all", roles: ["public"], restrictive: false, using: "true" }],
      grants: [{ grantee: "PUBLIC", privileges: ["select", "insert"], withGrantOption: false }],
    },
  ],
};

describeOnProviders("normalize: a declaration spelling out defaults meets its read-back", {}, (getDb) => {
  test("normal forms are equal; the normal form of a read-back is the read-back itself", async () => {
    const db = getDb();
    await db.client.exec(emitCreateScript(verbose));
    const read = await introspect(db.client, { schemas: ["k_normal"] });
    expect(comparableCatalog(read)).toEqual(comparableCatalog(verbose));
    // introspection already produces the normal form (modulo key order): normalising changes nothing
    expect(normalizeCatalog(read)).toEqual(read);
  });
});
