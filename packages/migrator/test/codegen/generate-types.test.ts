import { type Catalog, emptyCatalog, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import { CodegenError, generateTypes } from "../../src/codegen/index.js";
import { fixtureCatalog } from "./fixture-catalog.js";

const interfaceBody = (source: string, name: string): string => {
  const match = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source);
  if (!match?.[1]) throw new Error(`interface ${name} not in output`);
  return match[1];
};

const propertyType = (source: string, iface: string, column: string): string | undefined =>
  interfaceBody(source, iface)
    .split("\n")
    .map((l) => /^\s+"?([^":]+)"?: (.*);$/.exec(l))
    .find((m) => m?.[1] === column)?.[2];

const table = (schema: string, name: string, columns: Table["columns"]): Table => ({ schema, name, columns });

const reversed = (catalog: Catalog): Catalog => ({
  ...catalog,
  enums: [...catalog.enums].reverse(),
  tables: [...catalog.tables].reverse().map((t) => ({ ...t, columns: [...t.columns].reverse() })),
  views: [...catalog.views].reverse(),
});

describe("generateTypes", () => {
  const output = generateTypes(fixtureCatalog);

  it("is deterministic: declaration order does not change a byte", () => {
    expect(generateTypes(reversed(fixtureCatalog))).toBe(output);
  });

  it("keys DB by schema.table outside public and by the bare name in public, views included", () => {
    expect(interfaceBody(output, "DB").trim().split("\n")).toEqual([
      '"auth.active_users": AuthActiveUsers;',
      '  "auth.users": AuthUsers;',
      '  "data_platform.text_embeddings": DataPlatformTextEmbeddings;',
      '  "monitoring.daily_stats": MonitoringDailyStats;',
      '  "monitoring.metrics": MonitoringMetrics;',
      "  settings: Settings;",
    ]);
  });

  it("leaves partitions out: they are queried through their parent", () => {
    expect(output).not.toMatch(/metrics_y2026m01/i);
  });

  it.each([
    ["AuthUsers", "id", "Generated<string>"],
    ["AuthUsers", "email", "string"],
    ["AuthUsers", "status", "Generated<AuthUserStatus>"],
    ["AuthUsers", "past_statuses", "AuthUserStatus[] | null"],
    ["AuthUsers", "tags", "Generated<string[]>"],
    ["AuthUsers", "metadata", "Generated<Json>"],
    ["AuthUsers", "login_count", "Generated<Int8>"],
    ["AuthUsers", "created_at", "Generated<Timestamp>"],
    ["AuthUsers", "last_login_at", "Timestamp | null"],
    ["AuthUsers", "birthday", "Timestamp | null"],
    ["DataPlatformTextEmbeddings", "id", "GeneratedAlways<Int8>"],
    ["DataPlatformTextEmbeddings", "content_length", "GeneratedAlways<number | null>"],
    ["DataPlatformTextEmbeddings", "embedding", "number[]"],
    ["DataPlatformTextEmbeddings", "preview", "number[] | null"],
    ["DataPlatformTextEmbeddings", "score", "Numeric | null"],
    ["DataPlatformTextEmbeddings", "attributes", "Json | null"],
    ["DataPlatformTextEmbeddings", "source_id", "Generated<number>"],
    ["MonitoringMetrics", "seq", "Generated<Int8>"],
    ["MonitoringMetrics", "payload", "Buffer | null"],
    ["MonitoringMetrics", "client_ip", "string | null"],
    ["MonitoringMetrics", "uptime", "string | null"],
    ["MonitoringMetrics", "recorded_on", "Timestamp | null"],
    ["MonitoringDailyStats", "samples", "Int8 | null"],
    ["Settings", "id", "Generated<number>"],
  ])("types %s.%s as %s", (iface, column, expected) => {
    expect(propertyType(output, iface, column)).toBe(expected);
  });

  it("exports one string union per enum and declares only the helpers it uses", () => {
    expect(output).toContain('export type AuthUserStatus = "active" | "disabled" | "pending";');
    expect(output).toContain('export type DataPlatformSourceKind = "s3" | "postgres" | "http";');
    expect(output).not.toContain("export type Point");
    const bare = generateTypes({ ...emptyCatalog(), tables: [table("public", "t", [{ name: "a", type: "text" }])] });
    expect(bare).not.toContain("import type");
    expect(bare).not.toContain("Generated<");
  });

  it("types a domain as its base type, NOT NULL domains as non-nullable", () => {
    const catalog: Catalog = {
      ...emptyCatalog(),
      domains: [
        { schema: "public", name: "positive", type: "bigint", notNull: true },
        { schema: "public", name: "positive_list", type: "public.positive[]" },
      ],
      tables: [
        table("public", "t", [
          { name: "n", type: "public.positive" },
          { name: "ns", type: "public.positive_list" },
        ]),
      ],
    };
    const source = generateTypes(catalog);
    expect(propertyType(source, "T", "n")).toBe("Int8");
    expect(propertyType(source, "T", "ns")).toBe("ArrayType<Int8> | null");
  });

  it("names symbols like kysely-codegen and resolves collisions with a suffix", () => {
    const catalog: Catalog = {
      ...emptyCatalog(),
      tables: [
        table("auth", "users", [{ name: "id", type: "integer" }]),
        table("public", "auth_users", [{ name: "id", type: "integer" }]),
        table("public", "json", [{ name: "order by", type: "integer" }]),
        table("public", "2fa_codes", [{ name: "id", type: "integer" }]),
      ],
    };
    const source = generateTypes(catalog);
    expect(interfaceBody(source, "DB")).toContain('"auth.users": AuthUsers;');
    expect(interfaceBody(source, "DB")).toContain("auth_users: AuthUsers2;");
    expect(interfaceBody(source, "DB")).toContain("json: Json2;");
    expect(interfaceBody(source, "DB")).toContain('"2fa_codes": _2faCodes;');
    expect(interfaceBody(source, "Json2")).toContain('"order by": number | null;');
  });

  it("records the columns createDb must serialise on write", () => {
    expect(output).toMatch(
      /"data_platform\.text_embeddings": \{\n {4}attributes: "json",\n {4}embedding: "vector",\n {4}preview: "vector",\n {2}\}/,
    );
  });

  it("refuses, naming every object, unknown types and views whose columns it cannot read", () => {
    const catalog: Catalog = {
      ...emptyCatalog(),
      tables: [
        table("data_platform", "shapes", [
          { name: "area", type: "public.geometry" },
          { name: "outline", type: "public.vector(3)[]" },
        ]),
      ],
      views: [{ schema: "monitoring", name: "daily_stats", materialized: true, definition: "SELECT 1" }],
    };
    let error: unknown;
    try {
      generateTypes(catalog);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodegenError);
    const issues = (error as CodegenError).issues;
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-type", "data_platform.shapes.area"],
      ["unknown-type", "data_platform.shapes.outline"],
      ["view-columns-unknown", "monitoring.daily_stats"],
    ]);
    expect((error as Error).message).toContain("→ at monitoring.daily_stats");
    expect((error as Error).message).toContain("fix: list the materialized view's output columns in its declaration");
  });
});

describe("generateTypes nullability", () => {
  it("treats identity, serial and primary-key columns as NOT NULL, as PostgreSQL does (found by the kysely-codegen cross-check)", () => {
    const catalog: Catalog = {
      ...emptyCatalog(),
      tables: [
        {
          ...table("public", "t", [
            { name: "a", type: "integer", identity: { generation: "by default" } },
            { name: "b", type: "bigserial" },
            { name: "c", type: "text" },
            { name: "d", type: "text" },
          ]),
          primaryKey: { name: "t_pkey", columns: ["c"] },
        },
      ],
    };
    const source = generateTypes(catalog);
    expect(propertyType(source, "T", "a")).toBe("Generated<number>");
    expect(propertyType(source, "T", "b")).toBe("Generated<Int8>");
    expect(propertyType(source, "T", "c")).toBe("string");
    expect(propertyType(source, "T", "d")).toBe("string | null");
  });
});
