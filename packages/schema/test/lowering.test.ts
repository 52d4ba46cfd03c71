import { describe, expect, it } from "vitest";
import {
  bigint,
  bigserial,
  Catalog,
  canonicalType,
  compareKeys,
  defineCatalog,
  derivedName,
  enumType,
  extension,
  fn,
  formatFindings,
  formatFindingsMarkdown,
  grant,
  index,
  integer,
  lowerDeclarations,
  makeObjectName,
  policy,
  primaryKey,
  role,
  schema,
  serial,
  sql,
  table,
  text,
  uuid,
  vector,
  view,
} from "../src/index.js";
import * as sample from "./fixtures/sample.js";

const isSorted = (keys: readonly string[]): boolean =>
  keys.every((k, i) => i === 0 || compareKeys(keys[i - 1] ?? "", k) < 0);

describe("lowering is deterministic", () => {
  it("gives deep-equal catalogs and byte-identical JSON when run twice", () => {
    const first = defineCatalog(sample);
    const second = defineCatalog(sample);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("does not depend on the order declarations are passed in", () => {
    const forwards = Object.values(sample);
    const backwards = [...forwards].reverse();
    expect(JSON.stringify(defineCatalog(backwards))).toBe(JSON.stringify(defineCatalog(forwards)));
  });

  it("sorts objects by identity and keeps declared order where PostgreSQL does", () => {
    const catalog = defineCatalog(sample);
    expect(isSorted(catalog.schemas.map((s) => s.name))).toBe(true);
    expect(isSorted(catalog.tables.map((t) => `${t.schema}\u0000${t.name}`))).toBe(true);
    for (const t of catalog.tables) {
      for (const list of [t.uniques, t.checks, t.foreignKeys, t.indexes, t.policies, t.triggers, t.partitions]) {
        expect(isSorted((list ?? []).map((x) => x.name))).toBe(true);
      }
    }
    // columns keep their declared order
    expect(catalog.tables.find((t) => t.name === "users")?.columns.map((c) => c.name)).toEqual(
      Object.keys(sample.users).filter((k) => typeof k === "string"),
    );
    expect(catalog.enums.find((e) => e.name === "user_status")?.values).toEqual(["active", "disabled", "deleted"]);
  });

  it("is plain JSON that the Catalog schema accepts unchanged", () => {
    const catalog = defineCatalog(sample);
    const roundTripped = Catalog.parse(JSON.parse(JSON.stringify(catalog)));
    expect(roundTripped).toEqual(catalog);
    // optional fields are omitted, never undefined
    expect(JSON.stringify(catalog)).not.toContain("undefined");
    const hasUndefined = (v: unknown): boolean =>
      v === undefined || (typeof v === "object" && v !== null && Object.values(v).some(hasUndefined));
    expect(hasUndefined(catalog)).toBe(false);
  });
});

describe("canonical type names", () => {
  it.each([
    ["int", "integer"],
    ["int2", "smallint"],
    ["INT8", "bigint"],
    ["float", "double precision"],
    ["bool[]", "boolean[]"],
    ["numeric(12, 2)", "numeric(12,2)"],
    ["decimal(5)", "numeric(5,0)"],
    ["character varying(9)", "character varying(9)"],
    ["varchar(9)[][]", "character varying(9)[]"],
    ["timestamptz(3)", "timestamp(3) with time zone"],
    ["timestamp(3) with time zone", "timestamp(3) with time zone"],
    ["timestamp", "timestamp without time zone"],
    ["timetz", "time with time zone"],
    ["char", "character(1)"],
  ])("%s → %s", (declared, canonical) => {
    expect(canonicalType(declared)).toBe(canonical);
  });

  it("qualifies extension types with the extension's declared schema", () => {
    const ext = extension("vector", { schema: "extensions" });
    const catalog = defineCatalog(
      schema("extensions"),
      schema("s"),
      ext,
      table("s", "t", { e: vector(3), list: vector(3).array() }),
    );
    expect(catalog.tables[0]?.columns.map((c) => c.type)).toEqual(["extensions.vector(3)", "extensions.vector(3)[]"]);
  });

  it("qualifies and quotes enum types like format_type", () => {
    const odd = schema("My Schema");
    const status = enumType(odd, "Status", ["a"]);
    const catalog = defineCatalog(odd, status, table(odd, "t", { s: status().default("a") }));
    expect(catalog.tables[0]?.columns[0]).toEqual({
      name: "s",
      type: '"My Schema"."Status"',
      default: `'a'::"My Schema"."Status"`,
    });
  });
});

describe("NOT NULL where PostgreSQL implies it", () => {
  it("marks primary key, identity and serial columns NOT NULL", () => {
    const catalog = defineCatalog(
      schema("s"),
      table(
        "s",
        "t",
        { a: uuid(), b: integer(), c: serial(), d: bigserial(), e: bigint().generatedByDefaultAsIdentity(), f: text() },
        (t) => ({
          primaryKey: primaryKey(t.a, t.b),
        }),
      ),
    );
    const notNull = Object.fromEntries(catalog.tables[0]?.columns.map((c) => [c.name, c.notNull === true]) ?? []);
    expect(notNull).toEqual({ a: true, b: true, c: true, d: true, e: true, f: false });
  });
});

describe("derived names", () => {
  it("follows makeObjectName's truncation of the longer part", () => {
    const name = makeObjectName("t".repeat(40), "c".repeat(40), "key");
    expect(Buffer.byteLength(name)).toBe(63);
    expect(name).toBe(`${"t".repeat(29)}_${"c".repeat(29)}_key`);
    expect(derivedName("users", [], "pkey")).toBe("users_pkey");
    expect(derivedName("algorithms", ["name", "version"], "key")).toBe("algorithms_name_version_key");
  });

  it("never splits a multibyte character", () => {
    const name = makeObjectName("é".repeat(40), undefined, "pkey");
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name).toBe(`${"é".repeat(29)}_pkey`);
  });

  it("avoids names that are already taken in the schema", () => {
    const catalog = defineCatalog(
      schema("s"),
      table("s", "t", { a: text() }, (t) => ({ indexes: [index("t_a_idx").on(t.a), index().on(t.a)] })),
    );
    expect(catalog.tables[0]?.indexes?.map((i) => i.name)).toEqual(["t_a_idx", "t_a_idx1"]);
  });
});

describe("colliding derived names", () => {
  it("resolve the same way whatever order the tables are passed in", () => {
    const s = schema("s");
    // both want the name a_b_c_idx
    const ab = table(s, "a_b", { c: text() }, (t) => ({ indexes: [index().on(t.c)] }));
    const a = table(s, "a", { b: text(), c: text() }, (t) => ({ indexes: [index().on(t.b, t.c)] }));
    const one = defineCatalog(s, ab, a);
    const other = defineCatalog(s, a, ab);
    expect(JSON.stringify(other)).toBe(JSON.stringify(one));
    const names = one.tables.flatMap((t) => (t.indexes ?? []).map((i) => i.name));
    expect(new Set(names).size).toBe(2);
    expect(names).toContain("a_b_c_idx");
  });
});

describe("references between declarations", () => {
  it("derives a view's dependencies from the relations its SQL mentions", () => {
    const s = schema("s");
    const a = table(s, "a", { id: bigint() });
    const b = table(s, "b", { id: bigint() });
    const v = view(s, "v", sql`SELECT a.id FROM ${b} JOIN ${a} USING (id) JOIN ${a} AS again USING (id)`);
    const catalog = defineCatalog(s, a, b, v);
    expect(catalog.views[0]?.dependsOn).toEqual([
      { schema: "s", name: "a" },
      { schema: "s", name: "b" },
    ]);
    expect(catalog.views[0]?.definition).toBe("SELECT a.id FROM s.b JOIN s.a USING (id) JOIN s.a AS again USING (id)");
  });

  it("sorts and merges grants and policy roles", () => {
    const r1 = role("zeta");
    const r2 = role("alpha");
    const catalog = defineCatalog(
      r1,
      r2,
      schema("s"),
      table(
        "s",
        "t",
        { id: bigint() },
        {
          rowLevelSecurity: "enabled",
          policies: [policy("p", { to: [r1, r2], using: sql`true` })],
          grants: [grant(r1, ["update", "select"]), grant(r2, ["SELECT"]), grant(r1, ["insert", "SELECT"])],
        },
      ),
    );
    const t = catalog.tables[0];
    expect(t?.policies?.[0]?.roles).toEqual(["alpha", "zeta"]);
    expect(t?.grants).toEqual([
      { grantee: "alpha", privileges: ["SELECT"] },
      { grantee: "zeta", privileges: ["INSERT", "SELECT", "UPDATE"] },
    ]);
  });

  it("reports findings instead of throwing from lowerDeclarations", () => {
    const { catalog, findings } = lowerDeclarations(table("nowhere", "t", { id: bigint() }));
    expect(catalog.tables).toHaveLength(1);
    expect(findings.map((f) => f.code)).toEqual(["unknown-schema"]);
  });
});

describe("finding formats", () => {
  it("renders text and Markdown with errors before warnings", () => {
    const { findings } = lowerDeclarations(
      schema("s"),
      table("s", "t", { a: text() }, (t) => ({
        indexes: [index("t_a").on(t.a).nullsNotDistinct()],
        grants: [grant("nobody", ["SELECT"])],
      })),
    );
    expect([...findings.map((f) => f.severity)].sort()).toEqual(["error", "warning"]);
    // whatever order they come in, the formats put errors first
    const warningFirst = [...findings].sort((a) => (a.severity === "warning" ? -1 : 1));
    expect(warningFirst[0]?.severity).toBe("warning");
    const rendered = formatFindings(warningFirst);
    expect(rendered.indexOf("✖")).toBeLessThan(rendered.indexOf("⚠"));
    expect(rendered).toContain(
      '✖ a grant on table s.t names role "nobody", which is not declared [unknown-role]\n  → at s.t\n  fix: ',
    );
    const markdown = formatFindingsMarkdown(warningFirst);
    expect(markdown.split("\n")).toHaveLength(4);
    expect(markdown.split("\n")[2]).toMatch(/^\| ✖ \| `s\.t` \| a grant on table s\.t names role "nobody"/);
  });
});

describe("regression: a table's row type is a type", () => {
  it("accepts functions that take and return a table's row type", () => {
    const app = schema("app");
    const tickets = table(app, "tickets", { id: bigint().primaryKey(), title: text() });
    const open = fn(app, "open_tickets", {
      returns: "SETOF app.tickets",
      language: "sql",
      body: "SELECT * FROM app.tickets",
    });
    const label = fn(app, "ticket_label", {
      args: [{ name: "ticket", type: "app.tickets" }],
      returns: "text",
      language: "sql",
      body: "SELECT ticket.title",
    });
    expect(lowerDeclarations(app, tickets, open, label).findings).toEqual([]);
    expect(lowerDeclarations(app, open).findings.map((f) => f.code)).toEqual(["unknown-type"]);
  });
});
