import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { expect, it } from "vitest";
import { describeOnProviders } from "../../../../test/support/index.js";
import { plan, splitMigrations } from "../../src/plan/index.js";
import { emitCreateScript } from "../../src/sql/index.js";
import { applyMigration } from "./apply.js";

// Found by the A → B property (minimal shrunk case): B drops a primary key and the foreign key that
// references it. The plan looked the referenced key up in B only, where it no longer exists, so the FK's
// drop did not release it and the two drops were ordered by name: `DROP CONSTRAINT a_pkey` ran first and
// PostgreSQL refused ("cannot drop constraint a_pkey ... because other objects depend on it").
const a: Table = {
  schema: "app",
  name: "a",
  columns: [{ name: "id", type: "integer", notNull: true }],
  primaryKey: { name: "a_pkey", columns: ["id"] },
};
const b: Table = {
  schema: "app",
  name: "b",
  columns: [{ name: "pid", type: "integer" }],
  foreignKeys: [{ name: "b_pid_fkey", columns: ["pid"], references: { schema: "app", table: "a", columns: ["id"] } }],
};
const catalog = (tables: Table[]): Catalog => ({ ...emptyCatalog(), schemas: [{ name: "app" }], tables });
const before = catalog([a, b]);
const after = catalog([{ ...a, primaryKey: undefined } as Table, { ...b, foreignKeys: [] }].map(withoutUndefined));

function withoutUndefined(t: Table): Table {
  return JSON.parse(JSON.stringify(t)) as Table;
}

it("drops the foreign key before the key it references when both go", () => {
  const statements = plan(before, after, { allowDestructive: true }).steps.flatMap((s) => s.statements);
  const fk = statements.findIndex((s) => s.includes("DROP CONSTRAINT b_pid_fkey"));
  const key = statements.findIndex((s) => s.includes("DROP CONSTRAINT a_pkey"));
  expect(fk).toBeGreaterThanOrEqual(0);
  expect(key).toBeGreaterThan(fk);
});

describeOnProviders("regression: FK dropped after its key", { providers: ["pglite"] }, (getDb) => {
  it("the planned migration applies on a real database", async () => {
    const { client } = getDb();
    await client.exec(emitCreateScript(before));
    for (const migration of splitMigrations(plan(before, after, { allowDestructive: true }).steps)) {
      await applyMigration(client, migration);
    }
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_constraint WHERE contype IN ('p', 'f') AND conrelid IN ('app.a'::regclass, 'app.b'::regclass)",
    );
    expect(rows[0]?.n).toBe(0);
  });
});
