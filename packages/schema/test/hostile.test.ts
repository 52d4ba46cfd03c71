import { describe, expect, it } from "vitest";
import { hostileCases } from "../../../fixtures/hostile/cases.js";
import { CatalogValidationError, defineCatalog, formatFindings, lowerDeclarations } from "../src/index.js";
import * as sample from "./fixtures/sample.js";

describe("hostile declarations", () => {
  it("has at least 30 cases with distinct names", () => {
    expect(hostileCases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(hostileCases.map((c) => c.name)).size).toBe(hostileCases.length);
  });

  it.each(hostileCases.map((c) => [c.name, c] as const))("%s", (_name, hostile) => {
    const { findings } = lowerDeclarations(...hostile.declare());
    const match = findings.find((f) => f.code === hostile.code && f.path === hostile.path);
    expect(match, `no ${hostile.code} at ${hostile.path}; got:\n${formatFindings(findings)}`).toBeDefined();
    expect(match?.severity).toBe(hostile.severity);
    expect(match?.message).toBe(hostile.message);
    expect(match?.fix.length).toBeGreaterThan(0);

    // errors stop the lowering before anything else can run; warnings do not
    if (hostile.severity === "error") {
      let thrown: unknown;
      try {
        defineCatalog(...hostile.declare());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CatalogValidationError);
      const error = thrown as CatalogValidationError;
      expect(error.findings).toContainEqual(match);
      expect(error.message).toContain(`✖ ${hostile.message} [${hostile.code}]\n  → at ${hostile.path}\n  fix: `);
    } else {
      expect(() => defineCatalog(...hostile.declare())).not.toThrow();
    }
  });
});

describe("a valid declaration", () => {
  it("lowers with no findings at all", () => {
    const { findings } = lowerDeclarations(sample);
    expect(formatFindings(findings)).toBe("");
  });
});
