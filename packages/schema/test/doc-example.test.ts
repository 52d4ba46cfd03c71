/** The usage example of `src/dsl/index.ts`, verbatim: it must compile, lower without findings, and say what it claims. */
import { describe, expect, it } from "vitest";
import {
  byRange,
  check,
  defaultPartition,
  defineCatalog,
  enumType,
  extension,
  fn,
  grant,
  index,
  jsonb,
  lowerDeclarations,
  monthly,
  policy,
  primaryKey,
  role,
  schema,
  sql,
  table,
  timestamptz,
  trigger,
  triggerFunction,
  uuid,
  varchar,
  vector,
} from "../src/index.js";

const pgvector = extension("vector", { schema: "public" });
const appRole = role("app_role");
const auth = schema("auth", { comment: "identity", grants: [grant(appRole, ["USAGE"])] });
const dataPlatform = schema("data_platform", { grants: [grant(appRole, ["USAGE"])] });
const userStatus = enumType(auth, "user_status", ["active", "disabled"]);
const uuidV7 = fn("public", "uuid_generate_v7", {
  returns: "uuid",
  language: "sql",
  volatility: "volatile",
  body: "SELECT gen_random_uuid()",
});
const touch = triggerFunction("public", "touch_updated_at", "BEGIN NEW.updated_at := now(); RETURN NEW; END");

const users = table(
  auth,
  "users",
  {
    id: uuid().primaryKey().default(sql`${uuidV7}()`),
    email: varchar(255).notNull().unique(),
    status: userStatus().notNull().default("active"),
    updated_at: timestamptz().notNull().default(sql`now()`),
  },
  (t) => ({
    comment: "people who sign in",
    indexes: [index().on(t.updated_at.desc())],
    triggers: [trigger("users_touch", { timing: "before", events: ["update"], level: "row", function: touch })],
    grants: [grant(appRole, ["SELECT", "INSERT", "UPDATE"])],
  }),
);

const documents = table(
  dataPlatform,
  "documents",
  {
    id: uuid().notNull(),
    owner_id: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: jsonb().notNull().default("{}"),
    embedding: vector(1536),
    created_at: timestamptz().notNull().default(sql`now()`),
  },
  (t) => ({
    primaryKey: primaryKey(t.id, t.created_at),
    checks: [check(sql`jsonb_typeof(${t.body}) = 'object'`)],
    indexes: [
      index().using("gin", t.body.op("jsonb_path_ops")),
      index().using("hnsw", t.embedding.op("vector_cosine_ops")).with({ m: 16, ef_construction: 64 }),
    ],
    partitionBy: byRange(t.created_at),
    partitions: [defaultPartition("documents_default")],
    partitionTemplate: monthly("documents_y{YYYY}m{MM}"),
    rowLevelSecurity: "enabled",
    policies: [
      policy("documents_owner", { to: appRole, using: sql`${t.owner_id} = current_setting('app.user_id')::uuid` }),
    ],
  }),
);

const declarations = [pgvector, appRole, auth, dataPlatform, userStatus, uuidV7, touch, users, documents];

describe("the DSL's usage example", () => {
  it("lowers without findings", () => {
    expect(lowerDeclarations(...declarations).findings).toEqual([]);
  });

  it("gives the names, types and defaults its comments promise", () => {
    const catalog = defineCatalog(...declarations);
    const u = catalog.tables.find((t) => t.name === "users");
    const d = catalog.tables.find((t) => t.name === "documents");
    expect(u?.primaryKey?.name).toBe("users_pkey");
    expect(u?.columns.find((c) => c.name === "id")?.notNull).toBe(true);
    expect(u?.columns.find((c) => c.name === "email")?.type).toBe("character varying(255)");
    expect(u?.uniques?.map((x) => x.name)).toEqual(["users_email_key"]);
    expect(u?.columns.find((c) => c.name === "status")).toMatchObject({
      type: "auth.user_status",
      default: "'active'::auth.user_status",
    });
    expect(u?.indexes?.map((i) => i.name)).toEqual(["users_updated_at_idx"]);
    expect(d?.foreignKeys?.map((f) => f.name)).toEqual(["documents_owner_id_fkey"]);
    expect(d?.columns.find((c) => c.name === "body")?.default).toBe("'{}'::jsonb");
    expect(d?.columns.find((c) => c.name === "embedding")?.type).toBe("public.vector(1536)");
    expect(d?.checks?.map((c) => c.name)).toEqual(["documents_body_check"]);
  });
});
