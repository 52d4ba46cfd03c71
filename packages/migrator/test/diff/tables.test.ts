import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";

const users: Table = {
  schema: "auth",
  name: "users",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "email", type: "text" },
  ],
  primaryKey: { name: "users_pkey", columns: ["id"] },
};
const cat = (...tables: Table[]): Catalog => ({ ...emptyCatalog(), schemas: [{ name: "auth" }], tables });
const kinds = (from: Catalog, to: Catalog) => diff(from, to).map((c) => c.kind);

describe("diff: tables", () => {
  it("finds nothing between equal catalogs", () => {
    expect(diff(cat(users), cat(users))).toEqual([]);
  });

  it("creates a new table, with its indexes, foreign keys and policies as their own changes", () => {
    const orders: Table = {
      schema: "auth",
      name: "orders",
      columns: [{ name: "user_id", type: "bigint" }],
      foreignKeys: [
        {
          name: "orders_user_fk",
          columns: ["user_id"],
          references: { schema: "auth", table: "users", columns: ["id"] },
        },
      ],
      indexes: [{ name: "orders_user_idx", elements: [{ column: "user_id" }] }],
      policies: [{ name: "orders_all", using: "true" }],
    };
    expect(kinds(cat(users), cat(users, orders))).toEqual([
      "table.create",
      "constraint.add",
      "index.create",
      "policy.create",
    ]);
    const fk = diff(cat(users), cat(users, orders)).find((c) => c.kind === "constraint.add");
    expect(fk).toMatchObject({ existing: false });
  });

  it("drops a removed table, without separate changes for what it owns", () => {
    expect(kinds(cat(users), cat())).toEqual(["table.drop"]);
  });

  it("renames only from a declared hint", () => {
    expect(kinds(cat(users), cat({ ...users, name: "accounts" }))).toEqual(["table.drop", "table.create"]);
    expect(diff(cat(users), cat({ ...users, name: "accounts", renamedFrom: "users" }))).toEqual([
      { kind: "table.rename", schema: "auth", from: "users", to: "accounts" },
    ]);
  });

  it("ignores a hint whose old name is still declared", () => {
    const renamed = { ...users, name: "accounts", renamedFrom: "users" };
    expect(kinds(cat(users), cat(users, renamed))).toEqual(["table.create"]);
  });

  it("rebuilds a table whose partitioning changes (drop + create)", () => {
    const partitioned: Table = { ...users, partitionBy: { strategy: "hash", keys: [{ column: "id" }] } };
    expect(kinds(cat(users), cat(partitioned))).toEqual(["table.drop", "table.create"]);
  });

  it("switches logging and row-level security in place", () => {
    expect(diff(cat(users), cat({ ...users, unlogged: true, rowLevelSecurity: "forced" }))).toEqual([
      { kind: "table.set-logged", table: { schema: "auth", name: "users" }, unlogged: true },
      { kind: "table.set-rls", table: { schema: "auth", name: "users" }, to: "forced" },
    ]);
  });

  it("is deterministic whatever the input order", () => {
    const a: Table = { ...users, name: "a" };
    const b: Table = { ...users, name: "b" };
    expect(diff(cat(), cat(b, a))).toEqual(diff(cat(), cat(a, b)));
  });
});
