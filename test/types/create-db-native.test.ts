import { platformCatalog } from "@platform/schema";
import { createDb, type NewRow } from "@platform/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitCreateScript } from "../../packages/migrator/src/sql/index.js";
import { availableProviderNames, createTestDatabase, matchesSelector, type TestDatabase } from "../support/index.js";

/**
 * createDb with the platform's real `DB` over `pg` on a native PostgreSQL server without pgvector
 * (the platform declared without vector): pgvector's registration is skipped there, everything else
 * reads and writes as the types say.
 */
const native = availableProviderNames().find((name) => matchesSelector(name, "native"));

describe.skipIf(native === undefined)(`createDb({ url }) on ${native ?? "native PostgreSQL (not available)"}`, () => {
  let database: TestDatabase;
  let db: ReturnType<typeof createDb>;

  beforeAll(async () => {
    database = await createTestDatabase("native");
    await database.client.exec(emitCreateScript(platformCatalog({ vector: false })));
    db = createDb({ url: database.url as string, maxConnections: 2 });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it("inserts and reads platform rows through the generated types", async () => {
    const org = await db
      .insertInto("auth.organizations")
      .values({ name: "Acme", slug: "acme", settings: { plan: "pro", seats: [1, 2] } })
      .returning(["id", "created_at", "settings"])
      .executeTakeFirstOrThrow();
    expect(org.created_at).toBeInstanceOf(Date);
    expect(org.settings).toEqual({ plan: "pro", seats: [1, 2] });

    const user: NewRow<"auth.users"> = {
      organization_id: org.id,
      username: "admin",
      email: "admin@example.com",
      password_hash: "$2b$12$abcdefghijklmnopqrstuv",
      role: "owner",
    };
    await db.insertInto("auth.users").values(user).execute();
    const read = await db
      .selectFrom("auth.users")
      .innerJoin("auth.organizations", "auth.organizations.id", "auth.users.organization_id")
      .select(["auth.users.username", "auth.users.role", "auth.users.is_active", "auth.organizations.slug"])
      .executeTakeFirstOrThrow();
    expect(read).toEqual({ username: "admin", role: "owner", is_active: true, slug: "acme" });
  });
});
