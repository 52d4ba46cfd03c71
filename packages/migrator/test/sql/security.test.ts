import type { SqlClient } from "@platform/migrator/db";
import { beforeAll, expect, it } from "vitest";
import { securityCatalog } from "../../../../fixtures/catalogs/security.js";
import { emitCreateScript, functionIdentity, quoteQualified } from "../../src/sql/index.js";
import { commentMismatches, describeOnDatabases, extensionsOf, failureOf, scalar } from "./harness.js";

/** Runs `sql` as `role` with `app.current_user_id` set (or not), then switches back. */
const asRole = async <T>(client: SqlClient, role: string, userId: string | undefined, sql: string): Promise<T[]> => {
  await client.exec(`SET ROLE ${role}`);
  try {
    await client.query("SELECT set_config('app.current_user_id', $1, false)", [userId ?? ""]);
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.exec("RESET ROLE");
  }
};

describeOnDatabases(
  "create script: row level security, policies, grants, default privileges",
  extensionsOf(securityCatalog),
  (getDb) => {
    beforeAll(async () => {
      const { client } = getDb();
      await client.exec(emitCreateScript(securityCatalog));
      await client.exec(
        "INSERT INTO sec.notes (owner_id, hidden, body) VALUES (1, false, 'mine'), (1, true, 'mine, hidden'), (2, false, 'theirs')",
      );
    });

    it("enables and forces RLS as declared", async () => {
      const { rows } = await getDb().client.query<{
        relname: string;
        relrowsecurity: boolean;
        relforcerowsecurity: boolean;
      }>(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'sec'::regnamespace AND relkind = 'r' ORDER BY relname",
      );
      expect(rows).toEqual([
        { relname: "audit", relrowsecurity: true, relforcerowsecurity: true },
        { relname: "notes", relrowsecurity: true, relforcerowsecurity: false },
      ]);
    });

    it("filters rows for the app role by the session setting, and hides rows through the restrictive policy", async () => {
      const { client } = getDb();
      const mine = await asRole<{ body: string }>(
        client,
        "sqlfx_sec_app",
        "1",
        "SELECT body FROM sec.notes ORDER BY id",
      );
      expect(mine.map((r) => r.body)).toEqual(["mine"]);
      const theirs = await asRole<{ body: string }>(
        client,
        "sqlfx_sec_app",
        "2",
        "SELECT body FROM sec.notes ORDER BY id",
      );
      expect(theirs.map((r) => r.body)).toEqual(["theirs"]);
      const nobody = await asRole<{ body: string }>(client, "sqlfx_sec_app", undefined, "SELECT body FROM sec.notes");
      expect(nobody).toEqual([]);
      const all = await asRole<{ n: number }>(
        client,
        "sqlfx_sec_readonly",
        undefined,
        "SELECT count(*)::int AS n FROM sec.notes",
      );
      expect(all).toEqual([{ n: 3 }]);
    });

    it("rejects a row the app role may not write (WITH CHECK)", async () => {
      const { client } = getDb();
      await client.exec("SET ROLE sqlfx_sec_app");
      try {
        await client.exec("SELECT set_config('app.current_user_id', '1', false)");
        expect(await failureOf(client, "INSERT INTO sec.notes (owner_id, body) VALUES (2, 'forged')")).toMatch(
          /row-level security/,
        );
        expect(await failureOf(client, "INSERT INTO sec.notes (owner_id, body) VALUES (1, 'ok')")).toBeUndefined();
      } finally {
        await client.exec("RESET ROLE");
      }
    });

    it("creates the policies with their kind, command and roles", async () => {
      const { rows } = await getDb().client.query<{
        policyname: string;
        permissive: string;
        cmd: string;
        roles: string[];
      }>(
        "SELECT policyname, permissive, cmd, roles::text[] AS roles FROM pg_policies WHERE schemaname = 'sec' ORDER BY policyname",
      );
      const declared = securityCatalog.tables
        .flatMap((t) => t.policies ?? [])
        .map((p) => ({
          policyname: p.name,
          permissive: p.restrictive ? "RESTRICTIVE" : "PERMISSIVE",
          cmd: (p.command ?? "all").toUpperCase(),
          roles: p.roles ?? ["public"],
        }))
        .sort((a, b) => a.policyname.localeCompare(b.policyname));
      expect(rows).toEqual(declared);
      expect(await commentMismatches(getDb().client, securityCatalog)).toEqual([]);
    });

    it("grants every declared privilege on schemas, tables, views, sequences and functions", async () => {
      const { client } = getDb();
      const checks: { what: string; sql: string; params: unknown[] }[] = [];
      for (const schema of securityCatalog.schemas) {
        for (const g of schema.grants ?? []) {
          for (const p of g.privileges) {
            checks.push({
              what: `${g.grantee} ${p} schema ${schema.name}`,
              sql: "SELECT has_schema_privilege($1, $2, $3)",
              params: [g.grantee, schema.name, p],
            });
          }
        }
      }
      for (const t of [...securityCatalog.tables, ...securityCatalog.views]) {
        for (const g of t.grants ?? []) {
          for (const p of g.privileges) {
            const target = quoteQualified(t);
            checks.push(
              g.grantee === "PUBLIC"
                ? {
                    what: `PUBLIC ${p} ${target}`,
                    sql: "SELECT has_table_privilege('public', $1, $2)",
                    params: [target, p],
                  }
                : {
                    what: `${g.grantee} ${p} ${target}`,
                    sql: "SELECT has_table_privilege($1, $2, $3)",
                    params: [g.grantee, target, p],
                  },
            );
            if (g.withGrantOption) {
              checks.push({
                what: `${g.grantee} ${p} WITH GRANT OPTION ${target}`,
                sql: "SELECT has_table_privilege($1, $2, $3)",
                params: [g.grantee, target, `${p} WITH GRANT OPTION`],
              });
            }
          }
        }
      }
      for (const s of securityCatalog.sequences) {
        for (const g of s.grants ?? []) {
          for (const p of g.privileges) {
            checks.push({
              what: `${g.grantee} ${p} ${s.name}`,
              sql: "SELECT has_sequence_privilege($1, $2, $3)",
              params: [g.grantee, quoteQualified(s), p],
            });
          }
        }
      }
      for (const fn of securityCatalog.functions) {
        for (const g of fn.grants ?? []) {
          checks.push({
            what: `${g.grantee} EXECUTE ${fn.name}`,
            sql: "SELECT has_function_privilege($1, $2, 'EXECUTE')",
            params: [g.grantee, functionIdentity(fn)],
          });
        }
      }
      expect(checks.length).toBeGreaterThan(8);
      const missing: string[] = [];
      for (const check of checks) {
        if ((await scalar<boolean>(client, check.sql, check.params)) !== true) missing.push(check.what);
      }
      expect(missing).toEqual([]);
      // and nothing more than declared: the readonly role may not write
      expect(await scalar(client, "SELECT has_table_privilege('sqlfx_sec_readonly', 'sec.notes', 'INSERT')")).toBe(
        false,
      );
    });

    it("applies default privileges to objects created later", async () => {
      const { client } = getDb();
      await client.exec(
        "CREATE TABLE sec.later (id int); CREATE SEQUENCE sec.later_seq; CREATE FUNCTION sec.later_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';",
      );
      expect(await scalar(client, "SELECT has_table_privilege('sqlfx_sec_readonly', 'sec.later', 'SELECT')")).toBe(
        true,
      );
      expect(await scalar(client, "SELECT has_sequence_privilege('sqlfx_sec_app', 'sec.later_seq', 'USAGE')")).toBe(
        true,
      );
      const acl = await scalar<string>(
        client,
        "SELECT proacl::text FROM pg_proc WHERE oid = 'sec.later_fn()'::regprocedure",
      );
      expect(acl).toMatch(/sqlfx_sec_app=X/);
    });
  },
);
