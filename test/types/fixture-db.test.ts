import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTypes } from "../../packages/migrator/src/codegen/index.js";
import { fixtureCatalog } from "../../packages/migrator/test/codegen/fixture-catalog.js";

/** The generated types of the codegen fixture, committed so the type-level tests import real generated code. */
const fixtureTypes = (): string =>
  generateTypes(fixtureCatalog, {
    command: "UPDATE_FIXTURES=1 pnpm vitest run test/types/fixture-db.test.ts",
    checkCommand: "pnpm vitest run test/types/fixture-db.test.ts",
    source: "packages/migrator/test/codegen/fixture-catalog.ts",
  });

const file = new URL("./fixture-db.ts", import.meta.url);

describe("test/types/fixture-db.ts", () => {
  it("is what generateTypes makes of the fixture catalog today", () => {
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(file, fixtureTypes());
    expect(readFileSync(file, "utf8")).toBe(fixtureTypes());
  });
});
