/**
 * The helper types db.ts declares, each only when a column uses it. Names and shapes follow
 * kysely-codegen's (`Int8`, `Numeric`, `Timestamp`, `Json`, `Generated`, `ArrayType`) so the two
 * outputs read alike; where ours differ the difference is deliberate and tested (see
 * test/types/kysely-codegen-cross-check.test.ts).
 */
export type HelperName =
  | "ArrayType"
  | "Circle"
  | "Generated"
  | "GeneratedAlways"
  | "Int8"
  | "Json"
  | "Numeric"
  | "Point"
  | "Timestamp";

interface HelperDef {
  readonly uses: readonly HelperName[];
  readonly source: string;
}

export const helpers = {
  ArrayType: {
    uses: [],
    source: [
      "/** An array of a type whose select and insert shapes differ (`Timestamp[]` selects as `Date[]`). */",
      "export type ArrayType<T> = ArrayTypeImpl<T> extends (infer U)[] ? U[] : ArrayTypeImpl<T>;",
      "",
      "export type ArrayTypeImpl<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];",
    ].join("\n"),
  },
  Circle: {
    uses: [],
    source: "export type Circle = {\n  x: number;\n  y: number;\n  radius: number;\n};",
  },
  Generated: {
    uses: [],
    source: [
      "/** A column the database fills when an insert leaves it out (default, identity, serial). */",
      "export type Generated<T> =",
      "  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;",
    ].join("\n"),
  },
  GeneratedAlways: {
    uses: [],
    source: [
      "/** A column only the database writes (`GENERATED ALWAYS`): readable, never inserted or updated. */",
      "export type GeneratedAlways<T> = ColumnType<SelectType<T>, never, never>;",
    ].join("\n"),
  },
  Int8: {
    uses: [],
    source: [
      "/** bigint: selected as a string (exact beyond 2^53), written from a bigint, number or string. */",
      "export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;",
    ].join("\n"),
  },
  Json: {
    uses: [],
    source: [
      "/** json and jsonb: any JSON value; createDb serialises it on write (arrays and strings included). */",
      "export type Json = JsonValue;",
      "",
      "export type JsonArray = JsonValue[];",
      "",
      "export type JsonObject = {",
      "  [x: string]: JsonValue | undefined;",
      "};",
      "",
      "export type JsonPrimitive = boolean | number | string | null;",
      "",
      "export type JsonValue = JsonArray | JsonObject | JsonPrimitive;",
    ].join("\n"),
  },
  Numeric: {
    uses: [],
    source: [
      "/** numeric: selected as a string (exact), written from a number or string. */",
      "export type Numeric = ColumnType<string, number | string, number | string>;",
    ].join("\n"),
  },
  Point: {
    uses: [],
    source: "export type Point = {\n  x: number;\n  y: number;\n};",
  },
  Timestamp: {
    uses: [],
    source: [
      "/** timestamp, timestamptz and date: selected as a Date, written from a Date or an ISO string. */",
      "export type Timestamp = ColumnType<Date, Date | string, Date | string>;",
    ].join("\n"),
  },
} as const satisfies Record<HelperName, HelperDef>;

/** Helpers whose own definition is a `ColumnType`, so arrays of them need `ArrayType<>`. */
export const columnTypeHelpers: ReadonlySet<string> = new Set<HelperName>(["Int8", "Numeric", "Timestamp"]);
