import { type Catalog, emptyCatalog, type Policy, type View } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";
import { selectList } from "../../src/diff/views.js";

const cat = (parts: Partial<Catalog>): Catalog => ({ ...emptyCatalog(), ...parts });
const v = (name: string, definition: string, dependsOn: string[] = []): View => ({
  schema: "s",
  name,
  definition,
  dependsOn: dependsOn.map((n) => ({ schema: "s", name: n })),
});

describe("diff: views", () => {
  it("reads the top-level select list", () => {
    expect(selectList("SELECT a, coalesce(b, 'x,y') AS b, (c + 1) FROM t WHERE d")).toEqual([
      "a",
      "coalesce(b, 'x,y') AS b",
      "(c + 1)",
    ]);
  });

  it("appending a column is a replace", () => {
    expect(
      diff(cat({ views: [v("a", "SELECT x FROM t")] }), cat({ views: [v("a", "SELECT x, y FROM t")] })).map(
        (c) => c.kind,
      ),
    ).toEqual(["view.replace"]);
  });

  it("removing a column drops and creates the view and every view reading it", () => {
    const before = cat({
      views: [v("a", "SELECT x, y FROM t"), v("b", "SELECT x FROM s.a", ["a"]), v("c", "SELECT 1")],
    });
    const after = cat({ views: [v("a", "SELECT x FROM t"), v("b", "SELECT x FROM s.a", ["a"]), v("c", "SELECT 1")] });
    expect(diff(before, after).map((c) => `${c.kind} ${"view" in c ? c.view.name : ""}`)).toEqual([
      "view.drop a",
      "view.drop b",
      "view.create a",
      "view.create b",
    ]);
  });
});

describe("diff: policies, triggers", () => {
  const table = { schema: "s", name: "t", columns: [{ name: "id", type: "integer" }] };
  const withPolicy = (p: Policy) => cat({ tables: [{ ...table, policies: [p] }] });
  const p: Policy = { name: "p", command: "select", using: "true" };

  it("a changed USING is ALTER POLICY; a changed command re-creates", () => {
    expect(diff(withPolicy(p), withPolicy({ ...p, using: "false" })).map((c) => c.kind)).toEqual(["policy.alter"]);
    expect(diff(withPolicy(p), withPolicy({ ...p, command: "all" })).map((c) => c.kind)).toEqual([
      "policy.drop",
      "policy.create",
    ]);
  });

  it("a changed trigger is replaced in place", () => {
    const tr = {
      name: "tr",
      timing: "before" as const,
      events: ["insert" as const],
      level: "row" as const,
      function: { schema: "s", name: "f" },
    };
    const before = cat({ tables: [{ ...table, triggers: [tr] }] });
    const after = cat({
      tables: [{ ...table, triggers: [{ ...tr, events: ["insert" as const, "update" as const] }] }],
    });
    expect(diff(before, after).map((c) => c.kind)).toEqual(["trigger.replace"]);
  });
});

describe("diff: views with output columns", () => {
  const withColumns = (definition: string, columns: string[]): View => ({
    ...v("a", definition),
    columns: columns.map((name) => ({ name, type: "integer" })),
  });
  it("decides replace vs rebuild from the output columns when both sides list them", () => {
    const before = cat({ views: [withColumns("SELECT x FROM t", ["x"])] });
    expect(diff(before, cat({ views: [withColumns("SELECT x, y FROM t", ["x", "y"])] })).map((c) => c.kind)).toEqual([
      "view.replace",
    ]);
    expect(diff(before, cat({ views: [withColumns("SELECT y AS x FROM t", ["x"])] })).map((c) => c.kind)).toEqual([
      "view.replace",
    ]);
    expect(diff(before, cat({ views: [withColumns("SELECT z FROM t", ["z"])] })).map((c) => c.kind)).toEqual([
      "view.drop",
      "view.create",
    ]);
  });
});
