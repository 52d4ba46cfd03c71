import { beforeAll, expect, it } from "vitest";
import { indexesCatalog } from "../../../../fixtures/catalogs/indexes.js";
import { vectorCatalog } from "../../../../fixtures/catalogs/vector.js";
import { emitCreateScript } from "../../src/sql/index.js";
import {
  columnTypeMismatches,
  commentMismatches,
  describeOnDatabases,
  extensionsOf,
  failureOf,
  scalar,
} from "./harness.js";

interface IndexRow {
  name: string;
  method: string;
  unique: boolean;
  predicate: string | null;
  options: string[] | null;
  definition: string;
}

const readIndexes = async (
  client: import("@platform/migrator/db").SqlClient,
  schema: string,
): Promise<Map<string, IndexRow>> => {
  const { rows } = await client.query<IndexRow>(
    `SELECT c.relname AS name, am.amname AS method, i.indisunique AS unique,
            pg_get_expr(i.indpred, i.indrelid) AS predicate, c.reloptions AS options,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
      WHERE c.relnamespace = $1::regnamespace`,
    [schema],
  );
  return new Map(rows.map((r) => [r.name, r]));
};

describeOnDatabases(
  "create script: indexes",
  extensionsOf(indexesCatalog),
  (getDb) => {
    beforeAll(async () => {
      await getDb().client.exec(emitCreateScript(indexesCatalog));
    });

    it("creates every declared index with its method, uniqueness, predicate and storage parameters", async () => {
      const found = await readIndexes(getDb().client, "docs");
      const declared = indexesCatalog.tables[0]?.indexes ?? [];
      for (const index of declared) {
        const row = found.get(index.name);
        expect(row, index.name).toBeDefined();
        expect(row?.method).toBe(index.method ?? "btree");
        expect(row?.unique).toBe(index.unique ?? false);
        expect(row?.predicate ?? undefined).toBe(index.where === undefined ? undefined : `(${index.where})`);
        const options = Object.entries(index.with ?? {}).map(([k, v]) => `${k}=${v}`);
        expect([...(row?.options ?? [])].sort()).toEqual(options.sort());
      }
      expect(await commentMismatches(getDb().client, indexesCatalog)).toEqual([]);
    });

    it("keeps sort order, NULLS LAST, INCLUDE, collation, opclass and expression keys", async () => {
      const found = await readIndexes(getDb().client, "docs");
      expect(found.get("documents_owner_created_idx")?.definition).toMatch(
        /\(owner_id, created_at DESC NULLS LAST\) INCLUDE \(title\)/,
      );
      expect(found.get("documents_live_title_idx")?.definition).toMatch(/\(title COLLATE "C"\)/);
      expect(found.get("documents_lower_title_idx")?.definition).toMatch(/\(lower\(title\)\)/);
      expect(found.get("documents_meta_idx")?.definition).toMatch(/\(meta jsonb_path_ops\)/);
      expect(found.get("documents_title_trgm_idx")?.definition).toMatch(/\(title gin_trgm_ops\)/);
      expect(found.get("documents_slug_key")?.definition).toMatch(/NULLS NOT DISTINCT/);
    });

    it("enforces the unique NULLS NOT DISTINCT index and uses the trigram index's operator class", async () => {
      const { client } = getDb();
      await client.exec("INSERT INTO docs.documents (id, title, slug) VALUES (1, 'Hello world', NULL)");
      expect(await failureOf(client, "INSERT INTO docs.documents (id, title, slug) VALUES (2, 'Other', NULL)")).toMatch(
        /documents_slug_key/,
      );
      expect(await scalar(client, "SELECT count(*)::int FROM docs.documents WHERE title % 'Hello wrld'")).toBe(1);
    });
  },
  { minVersion: { major: 15, because: "the fixture uses UNIQUE NULLS NOT DISTINCT" } },
);

describeOnDatabases("create script: pgvector columns and indexes", extensionsOf(vectorCatalog), (getDb) => {
  beforeAll(async () => {
    await getDb().client.exec(emitCreateScript(vectorCatalog));
  });

  it("creates vector, halfvec and vector[] columns with their dimensions", async () => {
    expect(await columnTypeMismatches(getDb().client, vectorCatalog)).toEqual([]);
    expect(await commentMismatches(getDb().client, vectorCatalog)).toEqual([]);
  });

  it("creates HNSW and IVFFlat indexes with operator classes and parameters, and they answer nearest-neighbour queries", async () => {
    const { client } = getDb();
    const found = await readIndexes(client, "ml");
    expect(found.get("embeddings_embedding_hnsw_idx")?.method).toBe("hnsw");
    expect(found.get("embeddings_embedding_hnsw_idx")?.definition).toMatch(/vector_cosine_ops/);
    expect([...(found.get("embeddings_embedding_hnsw_idx")?.options ?? [])].sort()).toEqual([
      "ef_construction=64",
      "m=16",
    ]);
    expect(found.get("embeddings_embedding_ivfflat_idx")?.options).toEqual(["lists=2"]);
    expect(found.get("embeddings_compact_hnsw_idx")?.definition).toMatch(/halfvec_l2_ops/);
    await client.exec(
      "INSERT INTO ml.embeddings (content, embedding, compact) VALUES ('x', '[1,0,0]', '[1,0,0]'), ('y', '[0,1,0]', '[0,1,0]'), ('z', '[0,0,1]', '[0,0,1]')",
    );
    expect(await scalar(client, "SELECT content FROM ml.embeddings ORDER BY embedding <=> '[0.1,0.9,0]' LIMIT 1")).toBe(
      "y",
    );
    expect(await failureOf(client, "INSERT INTO ml.embeddings (content, embedding) VALUES ('bad', '[1,2]')")).toMatch(
      /expected 3 dimensions/,
    );
  });
});
