import { type Catalog, emptyCatalog, type FunctionDef, type Table } from "@platform/schema";
import { describe, expect, it } from "vitest";
import {
  catalogHash,
  DestructiveChangesError,
  PlanCycleError,
  plan,
  renderMigrationSql,
  splitMigrations,
} from "../../src/plan/index.js";

const users: Table = {
  schema: "app",
  name: "users",
  columns: [
    { name: "id", type: "bigint", notNull: true },
    { name: "email", type: "text" },
  ],
  primaryKey: { name: "users_pkey", columns: ["id"] },
};
const cat = (tables: Table[], parts: Partial<Catalog> = {}): Catalog => ({
  ...emptyCatalog(),
  schemas: [{ name: "app" }],
  tables,
  ...parts,
});
const sqlOf = (from: Catalog, to: Catalog) =>
  plan(from, to, { allowDestructive: true }).steps.flatMap((s) => s.statements);

describe("plan: lock safety on tables that exist", () => {
  const idx = { name: "users_email_idx", elements: [{ column: "email" }], comment: "lookups" };

  it("builds an index on an existing table CONCURRENTLY, in a transaction:false migration of its own", () => {
    const steps = plan(cat([users]), cat([{ ...users, indexes: [idx] }])).steps;
    const migrations = splitMigrations(steps);
    expect(migrations.map((m) => m.transactional)).toEqual([false]);
    expect(migrations[0]?.steps.flatMap((s) => s.statements)).toEqual([
      "CREATE INDEX CONCURRENTLY users_email_idx ON app.users USING btree (email);",
      "COMMENT ON INDEX app.users_email_idx IS 'lookups';",
    ]);
  });

  it("builds an index on a new table plainly, inside the transaction", () => {
    const migrations = splitMigrations(plan(cat([]), cat([{ ...users, indexes: [idx] }])).steps);
    expect(migrations.map((m) => m.transactional)).toEqual([true]);
    expect(migrations[0]?.steps.flatMap((s) => s.statements)).toContain(
      "CREATE INDEX users_email_idx ON app.users USING btree (email);",
    );
  });

  it("adds a foreign key NOT VALID and validates it in a separate statement", () => {
    const orders: Table = { schema: "app", name: "orders", columns: [{ name: "user_id", type: "bigint" }] };
    const fk = {
      name: "orders_user_fk",
      columns: ["user_id"],
      references: { schema: "app", table: "users", columns: ["id"] },
    };
    const [step] = plan(cat([users, orders]), cat([users, { ...orders, foreignKeys: [fk] }])).steps;
    expect(step?.transactional).toBe(false);
    expect(step?.statements).toEqual([
      "ALTER TABLE app.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES app.users (id) NOT VALID;",
      "ALTER TABLE app.orders VALIDATE CONSTRAINT orders_user_fk;",
    ]);
  });

  it("sets NOT NULL after a validated CHECK (column IS NOT NULL), then drops the check", () => {
    const to = cat([
      { ...users, columns: [users.columns[0] as Table["columns"][0], { name: "email", type: "text", notNull: true }] },
    ]);
    expect(sqlOf(cat([users]), to)).toEqual([
      "ALTER TABLE app.users ADD CONSTRAINT users_email_nn_check CHECK (email IS NOT NULL) NOT VALID;",
      "ALTER TABLE app.users VALIDATE CONSTRAINT users_email_nn_check;",
      "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL;",
      "ALTER TABLE app.users DROP CONSTRAINT users_email_nn_check;",
    ]);
  });

  it("starts every migration with its lock timeout", () => {
    const steps = plan(
      cat([users]),
      cat([
        { ...users, indexes: [idx] },
        { ...users, name: "more" },
      ]),
    ).steps;
    for (const m of splitMigrations(steps)) {
      expect(renderMigrationSql(m).split("\n")[0]).toMatch(/^SET (LOCAL )?lock_timeout = '3s';$/);
    }
  });
});

describe("plan: destructive steps", () => {
  it("are refused without allowDestructive, every one listed with its path", () => {
    const from = cat([users, { ...users, name: "old" }]);
    const to = cat([{ ...users, columns: [users.columns[0] as Table["columns"][0]] }]);
    let error: unknown;
    try {
      plan(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DestructiveChangesError);
    const refused = error as DestructiveChangesError;
    expect(refused.steps.map((s) => s.path).sort()).toEqual(["app.old", "app.users.email"]);
    expect(refused.message).toContain("app.users.email");
    expect(refused.fix).toContain("--allow-destructive");
    expect(plan(from, to, { allowDestructive: true }).steps.map((s) => s.description)).toEqual([
      "drop table app.old",
      "drop column app.users.email",
    ]);
  });
});

describe("plan: order", () => {
  const touch: FunctionDef = {
    schema: "app",
    name: "touch",
    args: [],
    returns: "trigger",
    language: "plpgsql",
    body: "BEGIN RETURN NEW; END",
  };
  const withTrigger = {
    ...users,
    triggers: [
      {
        name: "t",
        timing: "before" as const,
        events: ["update" as const],
        level: "row" as const,
        function: { schema: "app", name: "touch" },
      },
    ],
  };

  it("creates what others need first: schema, function, table, trigger", () => {
    expect(plan(emptyCatalog(), cat([withTrigger], { functions: [touch] })).steps.map((s) => s.description)).toEqual([
      "create schema app",
      "create function app.touch()",
      "create table app.users",
      "create trigger app.users.t",
    ]);
  });

  it("drops what depends on something before it: trigger, then function", () => {
    expect(plan(cat([withTrigger], { functions: [touch] }), cat([users])).steps.map((s) => s.description)).toEqual([
      "drop trigger app.users.t",
      "drop function app.touch()",
    ]);
  });

  it("is deterministic: the same catalogs in another order give the same SQL", () => {
    const a = { ...users, name: "a" };
    const b = { ...users, name: "b" };
    const one = splitMigrations(plan(emptyCatalog(), cat([a, b])).steps).map(renderMigrationSql);
    const two = splitMigrations(plan(emptyCatalog(), cat([b, a])).steps).map(renderMigrationSql);
    expect(two).toEqual(one);
  });

  it("orders independent steps of one kind by identity, an identity before any it is a prefix of only by `id|`", () => {
    // The order generated files have always had (the tie-break once was the text `kind|id|change`): kept
    // byte for byte by the numeric ranks that replaced it, so regenerating a migration changes nothing.
    const names = ["a", "ab", "a_b", "a|b", "b", "a~"];
    const steps = plan(emptyCatalog(), cat(names.map((name) => ({ ...users, name, primaryKey: undefined }))))
      .steps.map((s) => s.description)
      .filter((d) => d.startsWith("create table"));
    const byText = [...names].sort((x, y) => (`${x}|` < `${y}|` ? -1 : 1)).map((n) => `create table app.${n}`);
    expect(steps).toEqual(byText);
    expect(steps).toEqual([
      "create table app.a_b",
      "create table app.ab",
      "create table app.a",
      "create table app.a|b",
      "create table app.a~",
      "create table app.b",
    ]);
  });

  it("reports a dependency cycle with the steps in it", () => {
    // a SQL function reading a table whose column default calls the function: no order creates both
    const count: FunctionDef = {
      schema: "app",
      name: "next_id",
      args: [],
      returns: "bigint",
      language: "sql",
      body: "SELECT count(*) FROM app.users",
    };
    const cyclic = { ...users, columns: [{ name: "id", type: "bigint", default: "app.next_id()" }] };
    expect(() => plan(emptyCatalog(), cat([cyclic], { functions: [count] }))).toThrow(PlanCycleError);
  });
});

describe("plan: hashes", () => {
  it("records the hash of the catalog it starts from and the one it leads to", () => {
    const p = plan(cat([]), cat([users]));
    expect(p.fromHash).toBe(catalogHash(cat([])));
    expect(p.toHash).toBe(catalogHash(cat([users])));
    expect(p.fromHash).not.toBe(p.toHash);
    expect(catalogHash(cat([users]))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("plan: regressions", () => {
  it("regression: dropping two tables that reference each other is not a cycle (foreign keys go first)", () => {
    const a: Table = {
      schema: "app",
      name: "a",
      columns: [
        { name: "id", type: "bigint", notNull: true },
        { name: "b_id", type: "bigint" },
      ],
      primaryKey: { name: "a_pkey", columns: ["id"] },
      foreignKeys: [{ name: "a_b_fk", columns: ["b_id"], references: { schema: "app", table: "b", columns: ["id"] } }],
    };
    const b: Table = {
      ...a,
      name: "b",
      primaryKey: { name: "b_pkey", columns: ["id"] },
      foreignKeys: [{ name: "b_a_fk", columns: ["b_id"], references: { schema: "app", table: "a", columns: ["id"] } }],
    };
    expect(plan(cat([a, b]), cat([]), { allowDestructive: true }).steps.map((s) => s.description)).toEqual([
      "drop foreign keys of app.a",
      "drop foreign keys of app.b",
      "drop table app.a",
      "drop table app.b",
    ]);
  });

  it("regression: default privileges are revoked before their schema is dropped", () => {
    const from: Catalog = {
      ...emptyCatalog(),
      schemas: [{ name: "gone" }],
      defaultPrivileges: [{ schema: "gone", objectType: "tables", grantee: "r", privileges: ["SELECT"] }],
    };
    expect(plan(from, emptyCatalog()).steps.map((s) => s.description)).toEqual([
      "revoke default privileges SELECT on tables in gone from r",
      "drop schema gone",
    ]);
  });

  it("regression: a role is dropped after the schema whose grants name it", () => {
    const from: Catalog = {
      ...emptyCatalog(),
      roles: [{ name: "r" }],
      schemas: [{ name: "gone", grants: [{ grantee: "r", privileges: ["USAGE"] }] }],
    };
    expect(plan(from, emptyCatalog()).steps.map((s) => s.description)).toEqual(["drop schema gone", "drop role r"]);
  });
});
