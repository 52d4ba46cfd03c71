/**
 * What the DSL's types refuse at compile time (`pnpm typecheck` fails if a `@ts-expect-error` below stops
 * being an error), and the shapes it infers.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  bigint,
  type ColumnRef,
  enumType,
  foreignKey,
  index,
  monthly,
  policy,
  schema,
  type TableOptions,
  table,
  text,
  trigger,
} from "../src/index.js";

const s = schema("s");
const parent = table(s, "parent", { id: bigint().primaryKey(), name: text() });

describe("DSL types", () => {
  it("types a table's columns by their declared names", () => {
    expectTypeOf(parent.id).toEqualTypeOf<ColumnRef<"id">>();
    expectTypeOf(parent.name).toEqualTypeOf<ColumnRef<"name">>();
    // @ts-expect-error: the table has no column `nmae`
    expect(parent.nmae).toBeUndefined();
  });

  it("keeps enum values as a literal tuple", () => {
    const status = enumType(s, "status", ["new", "done"]);
    expectTypeOf(status.values).toEqualTypeOf<readonly ["new", "done"]>();
    expect(status.values).toEqual(["new", "done"]);
  });

  it("refuses strings where a column handle is needed, and unknown options", () => {
    const child = table(s, "child", { parent_id: bigint() }, (t) => ({
      // @ts-expect-error: foreign keys take column handles, not names
      foreignKeys: [foreignKey({ columns: ["parent_id"], references: [parent.id] })],
      // @ts-expect-error: not an index method
      indexes: [index().using("btreee", t.parent_id)],
      // @ts-expect-error: no command "read"
      policies: [policy("p", { for: "read" })],
      // @ts-expect-error: a trigger executes a function handle, not a name
      triggers: [trigger("t", { timing: "before", events: ["insert"], function: "public.f" })],
    }));
    const options: TableOptions = {
      // @ts-expect-error: rowLevelSecurity is "enabled" or "forced"
      rowLevelSecurity: "on",
      // @ts-expect-error: templates are day, month or year
      partitionTemplate: { interval: "week", naming: "x_{YYYY}" },
    };
    expect(child.parent_id.name).toBe("parent_id");
    expect(Object.keys(options)).toEqual(["rowLevelSecurity", "partitionTemplate"]);
    expectTypeOf(monthly("t_{YYYY}{MM}")).toMatchTypeOf<{ interval: "month"; naming: string }>();
  });
});
