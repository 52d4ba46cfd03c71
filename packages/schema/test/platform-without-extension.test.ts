/** `withoutExtension` on small hand-made Catalogs: what goes, and what stays. */
import { describe, expect, it } from "vitest";
import { type Catalog, emptyCatalog, withoutExtension } from "../src/index.js";

const base: Catalog = {
  ...emptyCatalog(),
  extensions: [
    { name: "pg_trgm", schema: "public" },
    { name: "vector", schema: "ext" },
  ],
  domains: [{ schema: "app", name: "embedding", type: "ext.vector(3)" }],
  functions: [
    {
      schema: "app",
      name: "nearest",
      args: [{ name: "q", type: "ext.vector(3)" }],
      returns: "SETOF bigint",
      language: "sql",
      body: "SELECT 1",
    },
    { schema: "app", name: "keep", args: [{ type: "text" }], returns: "boolean", language: "sql", body: "SELECT true" },
  ],
  tables: [
    {
      schema: "app",
      name: "items",
      columns: [
        { name: "id", type: "bigint", notNull: true },
        { name: "title", type: "text" },
        { name: "embedding", type: "ext.vector(3)" },
        { name: "half", type: "ext.halfvec(3)[]" },
        { name: "typed", type: "app.embedding" },
      ],
      primaryKey: { name: "items_pkey", columns: ["id"] },
      checks: [
        { name: "items_embedding_check", expression: "vector_dims(embedding) = 3" },
        { name: "items_title_check", expression: "title <> ''" },
      ],
      indexes: [
        { name: "items_title_idx", elements: [{ column: "title", opclass: "gin_trgm_ops" }], method: "gin" },
        { name: "items_embedding_idx", method: "hnsw", elements: [{ column: "embedding", opclass: "vector_l2_ops" }] },
        { name: "items_norm_idx", elements: [{ expression: "vector_norm(embedding)" }] },
        { name: "items_half_idx", elements: [{ column: "title" }], where: "half IS NOT NULL" },
        { name: "items_embedding_text_idx", elements: [{ column: "title" }], include: ["typed"] },
      ],
      triggers: [
        {
          name: "items_touch",
          timing: "before",
          events: ["update"],
          updateOf: ["title", "embedding"],
          level: "row",
          function: { schema: "app", name: "touch" },
        },
      ],
    },
  ],
};

describe("withoutExtension", () => {
  const out = withoutExtension(base, "vector");
  const items = out.tables[0];

  it("drops the extension, its types (also through a domain), and functions over them", () => {
    expect(out.extensions.map((e) => e.name)).toEqual(["pg_trgm"]);
    expect(out.domains).toEqual([]);
    expect(out.functions.map((f) => f.name)).toEqual(["keep"]);
    expect(items?.columns.map((c) => c.name)).toEqual(["id", "title"]);
  });

  it("drops indexes, checks and trigger columns that need a dropped column or access method", () => {
    expect(items?.indexes?.map((i) => i.name)).toEqual(["items_title_idx"]);
    expect(items?.checks?.map((c) => c.name)).toEqual(["items_title_check"]);
    expect(items?.triggers?.[0]?.updateOf).toEqual(["title"]);
    expect(items?.primaryKey?.name).toBe("items_pkey");
  });

  it("leaves the input untouched and is the identity for an extension that is not there", () => {
    const before = JSON.stringify(base);
    withoutExtension(base, "vector");
    expect(JSON.stringify(base)).toBe(before);
    expect(withoutExtension(base, "postgis")).toEqual(base);
  });

  it("refuses a table partitioned on a column of the extension's type", () => {
    const partitioned: Catalog = {
      ...emptyCatalog(),
      extensions: [{ name: "vector", schema: "public" }],
      tables: [
        {
          schema: "app",
          name: "p",
          columns: [{ name: "v", type: "public.vector(2)" }],
          partitionBy: { strategy: "hash", keys: [{ column: "v" }] },
        },
      ],
    };
    expect(() => withoutExtension(partitioned, "vector")).toThrow(/app\.p: the partition key/);
  });
});
