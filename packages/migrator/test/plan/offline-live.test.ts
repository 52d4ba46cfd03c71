import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { expect, it } from "vitest";
import { createTestDatabase, describeOnProviders } from "../../../../test/support/index.js";
import { introspect } from "../../src/introspect/index.js";
import { normalizeCatalog, sameExpression } from "../../src/normalize/index.js";
import { plan } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";

const orders: Table = {
  schema: "shop",
  name: "orders",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "total", type: "numeric(12,2)", default: "0" },
    { name: "note", type: "text" },
  ],
  primaryKey: { name: "orders_pkey", columns: ["id"] },
  indexes: [{ name: "orders_total_idx", elements: [{ column: "total" }] }],
};
const before: Catalog = { ...emptyCatalog(), schemas: [{ name: "shop" }], tables: [orders] };
const after: Catalog = {
  ...before,
  enums: [{ schema: "shop", name: "state", values: ["new", "paid"] }],
  tables: [
    {
      ...orders,
      columns: [
        orders.columns[0] as Table["columns"][0],
        { name: "total", type: "numeric(14,2)", default: "0", notNull: true },
        { name: "state", type: "shop.state", default: "'new'::shop.state" },
      ],
      checks: [{ name: "orders_total_positive", expression: "total >= 0" }],
      indexes: [{ name: "orders_state_idx", elements: [{ column: "state" }] }],
    },
  ],
};

/**
 * drizzle-kit's rule: the offline diff (declarations against the snapshot, no database) and the live
 * diff (declarations against the database the snapshot describes) must produce the same SQL.
 */
describeOnProviders("plan: offline and live diffs give the same SQL", {}, (getDb) => {
  it("snapshot → declared and database → declared plan the same statements", async () => {
    const db = await createTestDatabase(getDb().provider);
    try {
      await db.client.exec(emitCreateScript(before));
      const live = normalizeCatalog(await introspect(db.client));
      const declared = normalizeCatalog(after);
      const options = { allowDestructive: true, sameExpression };
      const offline = plan(normalizeCatalog(before), declared, options).steps.map((s) => s.statements);
      const online = plan(live, declared, options).steps.map((s) => s.statements);
      expect(online).toEqual(offline);
      expect(offline.flat().length).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  });
});
