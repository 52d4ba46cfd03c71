import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";

const base: Table = {
  schema: "s",
  name: "t",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "code", type: "text" },
  ],
};
const cat = (t: Partial<Table>): Catalog => ({ ...emptyCatalog(), tables: [{ ...base, ...t }] });
const kinds = (a: Partial<Table>, b: Partial<Table>) => diff(cat(a), cat(b)).map((c) => c.kind);

describe("diff: constraints", () => {
  it("adds a constraint to an existing table marked existing (lock-safe planning)", () => {
    const [change] = diff(cat({}), cat({ checks: [{ name: "c", expression: "id > 0" }] }));
    expect(change).toMatchObject({ kind: "constraint.add", existing: true, constraint: { type: "check", name: "c" } });
  });

  it("drops and re-adds a changed constraint", () => {
    const fk = { name: "fk", columns: ["id"], references: { schema: "s", table: "t", columns: ["id"] } };
    expect(kinds({ foreignKeys: [fk] }, { foreignKeys: [{ ...fk, onDelete: "cascade" }] })).toEqual([
      "constraint.drop",
      "constraint.add",
    ]);
  });

  it("treats spelled-out defaults as equal (NO ACTION, MATCH SIMPLE, NOT DEFERRABLE)", () => {
    const fk = { name: "fk", columns: ["id"], references: { schema: "s", table: "t", columns: ["id"] } };
    expect(kinds({ foreignKeys: [fk] }, { foreignKeys: [{ ...fk, onDelete: "no action", match: "simple" }] })).toEqual(
      [],
    );
  });

  it("follows a column rename instead of re-creating the constraint", () => {
    const before = { uniques: [{ name: "u", columns: ["code"] }] };
    const after: Partial<Table> = {
      columns: [base.columns[0] as Table["columns"][0], { name: "sku", type: "text", renamedFrom: "code" }],
      uniques: [{ name: "u", columns: ["sku"] }],
    };
    expect(kinds(before, after)).toEqual(["column.rename"]);
  });
});

describe("diff: indexes", () => {
  const idx = { name: "t_code_idx", elements: [{ column: "code" }] };
  it("a changed index is replaced (one change, rebuilt by the plan)", () => {
    expect(kinds({ indexes: [idx] }, { indexes: [{ ...idx, where: "code IS NOT NULL" }] })).toEqual(["index.replace"]);
  });
  it("btree is the default method", () => {
    expect(kinds({ indexes: [idx] }, { indexes: [{ ...idx, method: "btree" }] })).toEqual([]);
  });
  it("knows a partitioned table cannot build concurrently", () => {
    const [change] = diff(
      cat({ partitionBy: { strategy: "hash", keys: [{ column: "id" }] } }),
      cat({ partitionBy: { strategy: "hash", keys: [{ column: "id" }] }, indexes: [idx] }),
    );
    expect(change).toMatchObject({ kind: "index.create", existing: true, partitioned: true });
  });
});
