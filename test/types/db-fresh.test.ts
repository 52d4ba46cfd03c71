import { fileURLToPath } from "node:url";
import { platformCatalog } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { generateTypes } from "../../packages/migrator/src/codegen/index.js";
import { checkTypesFile } from "../../packages/migrator/src/codegen/types-file.js";

/** The same check as `pnpm migrate types --check`, so `pnpm test` also fails when db.ts is stale. */
describe("packages/types/src/db.ts", () => {
  it("is what `pnpm migrate types` makes of the platform declarations (fix: pnpm migrate types)", async () => {
    const file = fileURLToPath(new URL("../../packages/types/src/db.ts", import.meta.url));
    expect(await checkTypesFile(file, generateTypes(platformCatalog()))).toEqual({ state: "fresh" });
  });
});
