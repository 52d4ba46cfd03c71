/**
 * PostgreSQL agrees: every hostile declaration that a server would refuse is refused by a real one
 * (PGlite, PostgreSQL 18 + pgvector) when the naive SQL runs, so validation reports real failures early.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileCases } from "../../../fixtures/hostile/cases.js";
import { postgresRejects } from "../../../fixtures/hostile/postgres-rejects.js";

let db: PGlite;

beforeAll(async () => {
  db = new PGlite({ extensions: { vector } });
  await db.exec("CREATE EXTENSION vector SCHEMA public");
});

afterAll(async () => {
  await db.close();
});

describe("hostile declarations PostgreSQL refuses", () => {
  it("names only cases that exist", () => {
    const names = new Set(hostileCases.map((c) => c.name));
    expect(Object.keys(postgresRejects).filter((n) => !names.has(n))).toEqual([]);
    expect(Object.keys(postgresRejects).length).toBeGreaterThanOrEqual(40);
  });

  it("accepts the setup each case starts from", async () => {
    await db.exec(
      "BEGIN; CREATE SCHEMA data_platform; CREATE TABLE data_platform.ok (id bigint PRIMARY KEY); ROLLBACK",
    );
  });

  it.each(Object.entries(postgresRejects))("%s", async (_name, refusal) => {
    let failure: unknown;
    await db.exec("BEGIN; CREATE SCHEMA data_platform");
    try {
      await db.exec(refusal.sql);
    } catch (error) {
      failure = error;
    } finally {
      await db.exec("ROLLBACK");
    }
    expect(failure, "PostgreSQL accepted it").toBeInstanceOf(Error);
    // refused for the reason the finding names, not for a typo in the SQL
    expect((failure as Error).message).toBe(refusal.error);
  });
});
