/**
 * The emitted platform SQL is byte-stable: the same declarations give the same script on every run and
 * any day, and a change to it shows up as a reviewable diff of the snapshot files.
 * After an intended change: `pnpm vitest run test/platform/snapshot.test.ts -u`.
 */
import { platformCatalog } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";

describe("platform create script snapshot", () => {
  it("is byte-identical across emissions", () => {
    expect(emitCreateScript(platformCatalog())).toBe(emitCreateScript(platformCatalog()));
  });

  it("matches the reviewed script (with pgvector)", async () => {
    await expect(emitCreateScript(platformCatalog())).toMatchFileSnapshot("./__snapshots__/platform.sql");
  });

  it("matches the reviewed script (without pgvector)", async () => {
    await expect(emitCreateScript(platformCatalog({ vector: false }))).toMatchFileSnapshot(
      "./__snapshots__/platform-without-vector.sql",
    );
  });

  it("contains no date: partitions beyond DEFAULT come from templates at run time", () => {
    expect(emitCreateScript(platformCatalog())).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });
});
