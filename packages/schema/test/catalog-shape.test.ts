/**
 * The DSL builds Catalog values in the model's normal form by construction, so `lowerDeclarations` does
 * not run them through `Catalog.parse` (zod cost most of the platform's lowering time, and loading zod is
 * a third of `migrate types`' start). This proves the parse would change nothing: same values, same keys
 * in the same order, no key holding `undefined` — for the platform, the sample, every hostile case and
 * a synthetic schema, which together use every DSL feature.
 */
import { describe, expect, it } from "vitest";
import { hostileCases } from "../../../fixtures/hostile/cases.js";
import { syntheticCatalog } from "../../../fixtures/synthetic/dsl.js";
import { Catalog, lowerDeclarations, platformCatalog } from "../src/index.js";
import * as sample from "./fixtures/sample.js";

/** JSON that keeps what JSON.stringify hides: keys whose value is `undefined`. */
const exact = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v === undefined ? "<undefined>" : v), 1);

const expectNormalForm = (catalog: Catalog): void => {
  expect(exact(catalog)).toBe(exact(Catalog.parse(catalog)));
};

describe("the DSL's Catalog is what Catalog.parse would return", () => {
  it("for the platform, with and without pgvector", () => {
    expectNormalForm(platformCatalog());
    expectNormalForm(platformCatalog({ vector: false }));
  });

  it("for the sample declarations", () => {
    expectNormalForm(lowerDeclarations(sample).catalog);
  });

  it("for a synthetic schema of 100 tables", () => {
    expectNormalForm(syntheticCatalog(100));
  });

  it.each(hostileCases.map((c) => [c.name, c] as const))("for the hostile case %s", (_name, hostile) => {
    expectNormalForm(lowerDeclarations(...hostile.declare()).catalog);
  });
});
