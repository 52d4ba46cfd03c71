import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";

const t: Table = { schema: "s", name: "t", columns: [{ name: "id", type: "integer" }] };
const cat = (table: Partial<Table>, parts: Partial<Catalog> = {}): Catalog => ({
  ...emptyCatalog(),
  tables: [{ ...t, ...table }],
  ...parts,
});
const target = { type: "table", schema: "s", name: "t" };

describe("diff: grants", () => {
  it("grants what is missing and revokes what is extra, per grantee", () => {
    const before = cat({ grants: [{ grantee: "r", privileges: ["SELECT", "UPDATE"] }] });
    const after = cat({ grants: [{ grantee: "r", privileges: ["INSERT", "SELECT"] }] });
    expect(diff(before, after)).toEqual([
      { kind: "grant.revoke", target, grantee: "r", privileges: ["UPDATE"] },
      { kind: "grant.add", target, grantee: "r", privileges: ["INSERT"], withGrantOption: false },
    ]);
  });

  it("a re-created object gets all its grants again", () => {
    const grants = [{ grantee: "r", privileges: ["SELECT"] }];
    const before = cat({ grants });
    const after = cat({ grants, partitionBy: { strategy: "hash", keys: [{ column: "id" }] } });
    expect(diff(before, after).filter((c) => c.kind === "grant.add")).toHaveLength(1);
  });

  it("default privileges are granted and revoked", () => {
    const p = { schema: "s", objectType: "tables" as const, grantee: "r", privileges: ["SELECT"] };
    expect(diff(cat({}), cat({}, { defaultPrivileges: [p] }))).toEqual([
      { kind: "default-privilege.grant", privilege: p },
    ]);
  });
});

describe("diff: comments", () => {
  it("sets, changes and removes comments; new objects get theirs", () => {
    const before = cat({ comment: "old", columns: [{ name: "id", type: "integer", comment: "x" }] });
    const after = cat(
      { comment: "new", columns: [{ name: "id", type: "integer" }] },
      { schemas: [{ name: "s", comment: "c" }] },
    );
    expect(diff(before, after).filter((c) => c.kind === "comment.set")).toEqual([
      { kind: "comment.set", target: { type: "schema", name: "s" }, comment: "c" },
      { kind: "comment.set", target: { type: "table", schema: "s", name: "t" }, comment: "new" },
      { kind: "comment.set", target: { type: "column", schema: "s", table: "t", name: "id" } },
    ]);
  });

  it("a renamed table keeps its comment (no change)", () => {
    expect(diff(cat({ comment: "c" }), cat({ name: "u", renamedFrom: "t", comment: "c" }))).toEqual([
      { kind: "table.rename", schema: "s", from: "t", to: "u" },
    ]);
  });
});
