import { describe, expect, it } from "vitest";
import { acceptanceCases } from "../../../../fixtures/acceptance/index.js";
import { describeAcceptance, hazardTypes } from "./acceptance-harness.js";

describe("acceptance cases are well-formed", () => {
  it("have unique names", () => {
    const names = acceptanceCases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it.each(acceptanceCases.map((c) => [c.name, c] as const))("%s: reports exactly the expected hazards", (_name, c) => {
    expect(hazardTypes(c)).toEqual([...(c.expectedHazards ?? [])].sort());
  });
});

describeAcceptance("pglite");
