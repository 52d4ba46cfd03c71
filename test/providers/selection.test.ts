import { describe, expect, it } from "vitest";
import { isSelected, matchesSelector, pgVersions, providerSelectors } from "../support/selection.js";

describe("provider selection from the environment", () => {
  it("PG_VERSIONS defaults to 16, keeps the given order, drops repeats", () => {
    expect(pgVersions({})).toEqual([16]);
    expect(pgVersions({ PG_VERSIONS: "18, 14,18" })).toEqual([18, 14]);
  });

  it("PG_VERSIONS refuses an unsupported major, naming it and the supported ones", () => {
    expect(() => pgVersions({ PG_VERSIONS: "16,13" })).toThrow(/"13" is not a supported[\s\S]*14,15,16,17,18/);
  });

  it("a family selects all its members, a name only itself; pglite does not select pglite-socket", () => {
    expect(matchesSelector("native-18", "native")).toBe(true);
    expect(matchesSelector("native-18", "native-16")).toBe(false);
    expect(matchesSelector("pglite-socket", "pglite")).toBe(false);
    expect(isSelected("native-14", { TEST_PROVIDERS: "pglite,native" })).toBe(true);
    expect(isSelected("pglite-socket", { TEST_PROVIDERS: "pglite,native" })).toBe(false);
    expect(isSelected("testcontainers", {})).toBe(true);
  });

  it("TEST_PROVIDERS refuses an unknown provider", () => {
    expect(() => providerSelectors({ TEST_PROVIDERS: "native,postgres" })).toThrow(/unknown provider "postgres"/);
  });
});
