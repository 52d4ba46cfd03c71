/**
 * Counts the model types as `number` but PostgreSQL needs whole: hash MODULUS/REMAINDER, a partition
 * template's `premake` and `retain`. `Catalog.parse` used to reject fractions with a zod error; the DSL no
 * longer parses its own output (test/catalog-shape.test.ts), so validation names them, with a fix.
 */
import { describe, expect, it } from "vitest";
import {
  bigint,
  byHash,
  byRange,
  CatalogValidationError,
  defineCatalog,
  type Finding,
  hashPartition,
  lowerDeclarations,
  monthly,
  rangePartition,
  schema,
  type TableOptionsArg,
  table,
  timestamptz,
} from "../src/index.js";

const s = schema("s");
const columns = { id: bigint().notNull(), created_at: timestamptz().notNull() };
const events = (options: TableOptionsArg<typeof columns>) => table(s, "events", columns, options);
const monthlyEvents = (template: Parameters<typeof monthly>[1]) =>
  events((t) => ({
    partitionBy: byRange(t.created_at),
    partitions: [rangePartition("events_old", ["MINVALUE"], ["2026-01-01"])],
    partitionTemplate: monthly("events_y{YYYY}m{MM}", template),
  }));

const errorsOf = (...declarations: readonly unknown[]): Finding[] =>
  lowerDeclarations(...(declarations as never[])).findings.filter((f) => f.severity === "error");

describe("whole-number options", () => {
  it("a fractional hash modulus is an error naming the partition", () => {
    const declared = [
      s,
      events((t) => ({ partitionBy: byHash(t.id), partitions: [hashPartition("events_h", 2.5, 0)] })),
    ];
    expect(errorsOf(...declared)).toEqual([
      {
        code: "hash-partition-remainder",
        severity: "error",
        path: "s.events.events_h",
        message: "hash partition events_h has MODULUS 2.5, REMAINDER 0; both must be integers",
        fix: "use whole numbers, e.g. hashPartition(name, 4, 0)",
      },
    ]);
    expect(() => defineCatalog(...declared)).toThrow(CatalogValidationError);
  });

  it("a fractional hash remainder is an error", () => {
    const declared = [
      s,
      events((t) => ({
        partitionBy: byHash(t.id),
        partitions: [hashPartition("events_h0", 2, 0.5), hashPartition("events_h1", 2, 1)],
      })),
    ];
    expect(errorsOf(...declared).map((f) => [f.code, f.path])).toEqual([
      ["hash-partition-remainder", "s.events.events_h0"],
    ]);
  });

  it.each([
    [
      "premake",
      { premake: -1 },
      "partition template premake is -1; it counts months, so it must be a whole number of at least 0",
    ],
    [
      "premake",
      { premake: 1.5 },
      "partition template premake is 1.5; it counts months, so it must be a whole number of at least 0",
    ],
    [
      "retain",
      { retain: 0 },
      "partition template retain is 0; it counts months, so it must be a whole number of at least 1",
    ],
  ] as const)("template %s %j is an error", (option, template, message) => {
    const findings = errorsOf(s, monthlyEvents(template));
    expect(findings).toEqual([
      {
        code: "partition-template-count",
        severity: "error",
        path: "s.events",
        message,
        fix: `set ${option} to an integer ≥ ${option === "premake" ? 0 : 1}, or leave it out`,
      },
    ]);
  });

  it("whole counts pass", () => {
    expect(errorsOf(s, monthlyEvents({ premake: 0, retain: 1 }))).toEqual([]);
    expect(errorsOf(s, monthlyEvents({ premake: 3, retain: 12 }))).toEqual([]);
  });
});
