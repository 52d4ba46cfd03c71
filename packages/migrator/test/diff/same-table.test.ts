import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";
import { sameExpression } from "../../src/normalize/index.js";

/**
 * A table as declared and as a database prints it back: equal except for how the expressions are
 * spelled. diff settles such a table in one comparison (diff/same-table.ts); these pin that the shortcut
 * finds nothing where the per-kind diffs find nothing, and never hides what they report.
 */
const declared: Table = {
  schema: "app",
  name: "items",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "status", type: "text", notNull: true, default: "'active'" },
    { name: "owner_id", type: "uuid" },
  ],
  primaryKey: { name: "items_pkey", columns: ["id"] },
  checks: [{ name: "items_status_check", expression: "status IN ('active', 'done')" }],
  exclusions: [
    {
      name: "items_owner_excl",
      using: "gist",
      elements: [{ expression: "lower(status)", operator: "=" }],
      where: "status <> 'done'",
    },
  ],
  indexes: [
    { name: "items_lower_idx", elements: [{ expression: "lower(status)" }], where: "status <> ''" },
    { name: "items_owner_idx", elements: [{ column: "owner_id" }] },
  ],
  rowLevelSecurity: "enabled",
  policies: [{ name: "items_owner", using: "owner_id = (nullif(current_setting('app.user_id', true), ''))::uuid" }],
};

const printed: Table = {
  ...declared,
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "status", type: "text", notNull: true, default: "'active'::text" },
    { name: "owner_id", type: "uuid" },
  ],
  checks: [{ name: "items_status_check", expression: "status = ANY (ARRAY['active'::text, 'done'::text])" }],
  exclusions: [
    {
      name: "items_owner_excl",
      using: "gist",
      elements: [{ expression: "lower(status)", operator: "=" }],
      where: "(status <> 'done'::text)",
    },
  ],
  indexes: [
    { name: "items_lower_idx", elements: [{ expression: "lower(status)" }], where: "(status <> ''::text)" },
    { name: "items_owner_idx", elements: [{ column: "owner_id" }] },
  ],
  policies: [
    {
      name: "items_owner",
      using: "owner_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid",
    },
  ],
};

const cat = (table: Table): Catalog => ({ ...emptyCatalog(), schemas: [{ name: "app" }], tables: [table] });
const kinds = (from: Table, to: Table) => diff(cat(from), cat(to), { sameExpression }).map((c) => c.kind);

describe("diff: a table equal up to how its expressions are printed", () => {
  it("has no changes against its declaration", () => {
    expect(kinds(printed, declared)).toEqual([]);
  });

  it("still reports a default, a check, a predicate or a policy that differs in meaning", () => {
    const columns = printed.columns.map((c) => (c.name === "status" ? { ...c, default: "'done'::text" } : c));
    expect(kinds({ ...printed, columns }, declared)).toEqual(["column.set-default"]);
    const checks = [{ name: "items_status_check", expression: "status = ANY (ARRAY['active'::text])" }];
    expect(kinds({ ...printed, checks }, declared)).toEqual(["constraint.drop", "constraint.add"]);
    const indexes = [
      { ...(printed.indexes?.[0] as NonNullable<Table["indexes"]>[number]), where: "(status <> 'x'::text)" },
    ];
    expect(kinds({ ...printed, indexes: [...indexes, ...(printed.indexes?.slice(1) ?? [])] }, declared)).toEqual([
      "index.replace",
    ]);
    const policies = [{ name: "items_owner", using: "true" }];
    expect(kinds({ ...printed, policies }, declared)).toEqual(["policy.alter"]);
  });

  it("compares exclusion key expressions as written, as the constraint diff does", () => {
    const exclusions = [
      {
        ...(printed.exclusions?.[0] as NonNullable<Table["exclusions"]>[number]),
        elements: [{ expression: "(lower(status))", operator: "=" }],
      },
    ];
    expect(kinds({ ...printed, exclusions }, declared)).toEqual(["constraint.drop", "constraint.add"]);
  });

  it("reports a change outside the expressions", () => {
    const columns = printed.columns.map((c) => (c.name === "owner_id" ? { ...c, notNull: true } : c));
    expect(kinds({ ...printed, columns }, declared)).toEqual(["column.set-not-null"]);
  });
});
