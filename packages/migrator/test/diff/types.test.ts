import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";

const status = (values: string[]) => ({ schema: "s", name: "status", values });
const t: Table = { schema: "s", name: "t", columns: [{ name: "st", type: "s.status", default: "'a'::s.status" }] };
const cat = (parts: Partial<Catalog>): Catalog => ({ ...emptyCatalog(), ...parts });

describe("diff: enums", () => {
  it("adds values with ALTER TYPE ADD VALUE, anchored so the declared order holds", () => {
    expect(diff(cat({ enums: [status(["a", "c"])] }), cat({ enums: [status(["a", "b", "c", "d"])] }))).toEqual([
      { kind: "enum.add-value", enum: { schema: "s", name: "status" }, value: "b", before: "c" },
      { kind: "enum.add-value", enum: { schema: "s", name: "status" }, value: "d", after: "c" },
    ]);
  });

  it("removing or reordering values rebuilds the type, listing the columns to convert", () => {
    const [change] = diff(
      cat({ enums: [status(["a", "b"])], tables: [t] }),
      cat({ enums: [status(["b", "a"])], tables: [t] }),
    );
    expect(change).toMatchObject({
      kind: "enum.rebuild",
      usages: [{ table: { schema: "s", name: "t" }, column: "st", type: "s.status", default: "'a'::s.status" }],
    });
  });
});

describe("diff: domains, sequences, functions", () => {
  it("a domain's base type change drops and creates it; checks change in place", () => {
    const d = { schema: "s", name: "d", type: "text" };
    expect(diff(cat({ domains: [d] }), cat({ domains: [{ ...d, type: "integer" }] })).map((c) => c.kind)).toEqual([
      "domain.drop",
      "domain.create",
    ]);
    expect(
      diff(cat({ domains: [d] }), cat({ domains: [{ ...d, checks: [{ name: "c", expression: "VALUE <> ''" }] }] })).map(
        (c) => c.kind,
      ),
    ).toEqual(["domain.alter"]);
  });

  it("sequence options change in place", () => {
    const s = { schema: "s", name: "q" };
    expect(diff(cat({ sequences: [s] }), cat({ sequences: [{ ...s, increment: "2" }] })).map((c) => c.kind)).toEqual([
      "sequence.alter",
    ]);
  });

  it("a body change is a replace; a result type change is drop + create", () => {
    const f = {
      schema: "s",
      name: "f",
      args: [{ type: "integer" }],
      returns: "integer",
      language: "sql" as const,
      body: "SELECT 1",
    };
    expect(diff(cat({ functions: [f] }), cat({ functions: [{ ...f, body: "SELECT 2" }] })).map((c) => c.kind)).toEqual([
      "function.replace",
    ]);
    expect(diff(cat({ functions: [f] }), cat({ functions: [{ ...f, returns: "bigint" }] })).map((c) => c.kind)).toEqual(
      ["function.drop", "function.create"],
    );
  });

  it("a new signature is a new function (overloads are separate objects)", () => {
    const f = {
      schema: "s",
      name: "f",
      args: [{ type: "integer" }],
      returns: "integer",
      language: "sql" as const,
      body: "SELECT 1",
    };
    const g = { ...f, args: [{ type: "text" }] };
    expect(diff(cat({ functions: [f] }), cat({ functions: [f, g] })).map((c) => c.kind)).toEqual(["function.create"]);
  });
});
