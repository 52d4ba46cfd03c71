import { type Catalog, type Column, emptyCatalog } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";

const id: Column = { name: "id", type: "bigint", notNull: true };
const t = (...columns: Column[]): Catalog => ({
  ...emptyCatalog(),
  tables: [{ schema: "public", name: "t", columns: [id, ...columns] }],
});
const table = { schema: "public", name: "t" };

describe("diff: columns", () => {
  it("adds and drops columns", () => {
    expect(diff(t({ name: "a", type: "text" }), t({ name: "b", type: "text" }))).toEqual([
      { kind: "column.drop", table, column: { name: "a", type: "text" } },
      { kind: "column.add", table, column: { name: "b", type: "text" } },
    ]);
  });

  it("renames only from a declared hint, then diffs the renamed column", () => {
    expect(
      diff(t({ name: "a", type: "text" }), t({ name: "b", type: "text", renamedFrom: "a", notNull: true })),
    ).toEqual([
      { kind: "column.rename", table, from: "a", to: "b" },
      { kind: "column.set-not-null", table, column: "b", notNull: true },
    ]);
  });

  it("changes type (with collation), default and nullability as separate changes", () => {
    const before: Column = { name: "a", type: "integer", default: "0" };
    const after: Column = { name: "a", type: "bigint", default: "1", notNull: true };
    expect(diff(t(before), t(after))).toEqual([
      { kind: "column.alter-type", table, from: before, to: after },
      { kind: "column.set-default", table, column: "a", default: "1", previous: "0" },
      { kind: "column.set-not-null", table, column: "a", notNull: true },
    ]);
  });

  it("treats defaults that differ only in whitespace as equal", () => {
    expect(
      diff(
        t({ name: "a", type: "text", default: "lower( 'X' )" }),
        t({ name: "a", type: "text", default: "lower(  'X'  )" }),
      ),
    ).toEqual([]);
  });

  it("adding identity does not also set NOT NULL (identity implies it)", () => {
    expect(
      diff(t({ name: "a", type: "bigint" }), t({ name: "a", type: "bigint", identity: { generation: "always" } })),
    ).toEqual([{ kind: "column.set-identity", table, column: "a", to: { generation: "always" } }]);
  });

  it("a changed generation expression drops and adds the column", () => {
    expect(
      diff(t({ name: "g", type: "integer", generated: "1" }), t({ name: "g", type: "integer", generated: "2" })).map(
        (c) => c.kind,
      ),
    ).toEqual(["column.drop", "column.add"]);
  });
});
