/**
 * The platform's declarations lower into a valid, deterministic Catalog that follows the platform's own
 * conventions. (Applying it to real servers: test/platform/apply.test.ts.)
 */
import { describe, expect, it } from "vitest";
import {
  Catalog,
  lowerDeclarations,
  lowerPlatform,
  platformCatalog,
  platformDeclarations,
  type Table,
  validateCatalog,
} from "../src/index.js";

const catalog = platformCatalog();
const tablePath = (t: Table) => `${t.schema}.${t.name}`;

describe("platform catalog", () => {
  it("lowers without validation findings", () => {
    const { findings } = lowerPlatform();
    expect(findings).toEqual([]);
    expect(() => Catalog.parse(catalog)).not.toThrow();
  });

  it("declares the six schemas, four extensions, two roles and the compat objects", () => {
    expect(catalog.schemas.map((s) => s.name)).toEqual([
      "algo_platform",
      "auth",
      "data_platform",
      "model_platform",
      "monitoring",
      "service_platform",
    ]);
    expect(catalog.extensions.map((e) => e.name)).toEqual(["pg_trgm", "pgcrypto", "uuid-ossp", "vector"]);
    expect(catalog.roles.map((r) => r.name)).toEqual(["app_role", "readonly_role"]);
    expect(catalog.collations).toMatchObject([
      { schema: "public", name: "nocase", provider: "icu", deterministic: false },
    ]);
    const fns = catalog.functions.map((f) => `${f.schema}.${f.name}`);
    expect(fns).toContain("public.uuid_generate_v7");
    expect(fns).toContain("public.json_valid");
  });

  it("lowers to byte-identical JSON every time and whatever the order of the modules", () => {
    const once = JSON.stringify(lowerPlatform().catalog);
    const again = JSON.stringify(lowerPlatform().catalog);
    const [modules, privileges] = platformDeclarations;
    const reversed = JSON.stringify(
      lowerDeclarations([...privileges].reverse(), Object.fromEntries(Object.entries(modules).reverse())).catalog,
    );
    expect(again).toBe(once);
    expect(reversed).toBe(once);
    expect(JSON.stringify(catalog)).toBe(once);
  });

  it("keys every partitioned table's primary key and unique constraints on the partition key", () => {
    const partitioned = catalog.tables.filter((t) => t.partitionBy);
    expect(partitioned.map(tablePath).sort()).toEqual([
      "data_platform.events",
      "data_platform.storage_records",
      "monitoring.metrics",
      "service_platform.request_logs",
    ]);
    for (const t of partitioned) {
      const keys = t.partitionBy?.keys.map((k) => k.column) ?? [];
      for (const c of [t.primaryKey, ...(t.uniques ?? [])].filter((x) => x !== undefined)) {
        expect(c.columns, `${tablePath(t)}.${c.name}`).toEqual(expect.arrayContaining(keys));
      }
      expect(t.partitionTemplate, tablePath(t)).toBeDefined();
      expect(
        t.partitions?.some((p) => p.bound.kind === "default"),
        tablePath(t),
      ).toBe(true);
    }
  });

  it("stays date-independent: only DEFAULT partitions are declared, rolling ones come from templates", () => {
    const bounds = catalog.tables.flatMap((t) => (t.partitions ?? []).map((p) => p.bound.kind));
    expect(new Set(bounds)).toEqual(new Set(["default"]));
  });

  it("makes log and metric partitions UNLOGGED under a logged parent (PostgreSQL 18 refuses UNLOGGED parents)", () => {
    for (const name of ["request_logs", "metrics"]) {
      const t = catalog.tables.find((x) => x.name === name);
      expect(t?.unlogged, name).toBeUndefined();
      expect(t?.partitionTemplate?.unlogged, name).toBe(true);
      expect(
        t?.partitions?.every((p) => p.unlogged),
        name,
      ).toBe(true);
    }
  });

  it("enables row level security on every table with policies, keyed on the session's user", () => {
    const withPolicies = catalog.tables.filter((t) => (t.policies ?? []).length > 0);
    expect(withPolicies.map(tablePath).sort()).toEqual(["data_platform.documents", "data_platform.events"]);
    for (const t of withPolicies) {
      expect(t.rowLevelSecurity, tablePath(t)).toBe("enabled");
      for (const p of t.policies ?? []) {
        expect(`${p.using ?? ""} ${p.withCheck ?? ""}`, `${tablePath(t)}.${p.name}`).toContain(
          "auth.current_user_id()",
        );
      }
    }
    const currentUser = catalog.functions.find((f) => f.name === "current_user_id");
    expect(currentUser?.body).toContain("current_setting('app.current_user_id', true)");
  });

  it("follows the platform's conventions on every table", () => {
    for (const t of catalog.tables) {
      const path = tablePath(t);
      expect(t.comment, `${path} comment`).toBeTruthy();
      expect(
        t.grants?.map((g) => g.grantee),
        `${path} grants`,
      ).toEqual(["app_role", "readonly_role"]);
      const id = t.columns.find((c) => c.name === "id");
      if (id?.type === "uuid") expect(id.default, `${path}.id`).toBe("public.uuid_generate_v7()");
      for (const c of t.columns.filter((x) => x.name.endsWith("_at"))) {
        expect(c.type, `${path}.${c.name}`).toBe("timestamp with time zone");
      }
      if (t.columns.some((c) => c.name === "updated_at")) {
        expect(
          t.triggers?.some((tr) => tr.function.name === "set_updated_at"),
          `${path} updated_at trigger`,
        ).toBe(true);
      }
      for (const fk of t.foreignKeys ?? []) expect(fk.onDelete, `${path}.${fk.name}`).toBeDefined();
      for (const name of [t.name, ...t.columns.map((c) => c.name), ...(t.indexes ?? []).map((i) => i.name)]) {
        expect(name, path).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(Buffer.byteLength(name), `${path} ${name}`).toBeLessThanOrEqual(63);
      }
    }
    for (const s of catalog.schemas) {
      expect(s.grants, s.name).toEqual([
        { grantee: "app_role", privileges: ["USAGE"] },
        { grantee: "readonly_role", privileges: ["USAGE"] },
      ]);
      expect(
        catalog.defaultPrivileges.filter((d) => d.schema === s.name).map((d) => `${d.objectType}:${d.grantee}`),
      ).toHaveLength(6);
    }
  });

  it("uses the documents' vector indexes: ivfflat cosine lists=100 and hnsw", () => {
    const embeddings = catalog.tables.find((t) => t.name === "text_embeddings");
    expect(embeddings?.columns.find((c) => c.name === "embedding")?.type).toBe("public.vector(1536)");
    expect(embeddings?.indexes?.find((i) => i.method === "ivfflat")).toMatchObject({
      elements: [{ column: "embedding", opclass: "vector_cosine_ops" }],
      with: { lists: "100" },
    });
    const documents = catalog.tables.find((t) => t.name === "documents");
    expect(documents?.indexes?.find((i) => i.method === "hnsw")?.elements[0]?.opclass).toBe("halfvec_cosine_ops");
  });
});

describe("platform without pgvector", () => {
  const novector = platformCatalog({ vector: false });
  const json = JSON.stringify(novector);

  it("has no vector types, vector indexes or the extension, and still validates", () => {
    expect(novector.extensions.map((e) => e.name)).toEqual(["pg_trgm", "pgcrypto", "uuid-ossp"]);
    expect(json).not.toMatch(/public\.(vector|halfvec|sparsevec)/);
    expect(json).not.toMatch(/"method":"(hnsw|ivfflat)"/);
    expect(json).not.toMatch(/vector_cosine_ops|halfvec_cosine_ops/);
    expect(validateCatalog(novector)).toEqual([]);
    expect(() => Catalog.parse(novector)).not.toThrow();
  });

  it("keeps every table and every other column", () => {
    expect(novector.tables.map(tablePath)).toEqual(catalog.tables.map(tablePath));
    const columns = (c: Catalog) => c.tables.flatMap((t) => t.columns.map((x) => `${tablePath(t)}.${x.name}`));
    expect(columns(catalog).filter((c) => !columns(novector).includes(c))).toEqual([
      "data_platform.documents.embedding",
      "data_platform.text_embeddings.embedding",
    ]);
  });
});
