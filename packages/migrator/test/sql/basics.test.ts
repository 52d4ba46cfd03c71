import { beforeAll, expect, it } from "vitest";
import { basicsCatalog } from "../../../../fixtures/catalogs/basics.js";
import { emitCreateScript } from "../../src/sql/index.js";
import {
  columnTypeMismatches,
  commentMismatches,
  describeOnDatabases,
  extensionsOf,
  failureOf,
  scalar,
} from "./harness.js";

describeOnDatabases(
  "create script: extensions, schemas, roles, collations, types, sequences, functions",
  extensionsOf(basicsCatalog),
  (getDb) => {
    beforeAll(async () => {
      await getDb().client.exec(emitCreateScript(basicsCatalog));
    });

    it("installs the extensions in the declared schema", async () => {
      const { rows } = await getDb().client.query<{ extname: string; nspname: string }>(
        `SELECT extname, nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE extname IN ('pgcrypto', 'uuid-ossp') ORDER BY extname`,
      );
      expect(rows).toEqual([
        { extname: "pgcrypto", nspname: "public" },
        { extname: "uuid-ossp", nspname: "public" },
      ]);
    });

    it("creates roles with their attributes and memberships, idempotently", async () => {
      const { client } = getDb();
      const { rows } = await client.query<{ rolname: string; rolcanlogin: boolean; rolinherit: boolean }>(
        `SELECT rolname, rolcanlogin, rolinherit FROM pg_roles WHERE rolname LIKE 'sqlfx_basics_%' ORDER BY rolname`,
      );
      expect(rows).toEqual(
        [...basicsCatalog.roles]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((r) => ({ rolname: r.name, rolcanlogin: r.login ?? false, rolinherit: r.inherit ?? false })),
      );
      const members = await client.query<{ member: string; grp: string }>(
        `SELECT m.rolname AS member, g.rolname AS grp FROM pg_auth_members a
         JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
        WHERE m.rolname LIKE 'sqlfx_basics_%' ORDER BY 1, 2`,
      );
      expect(members.rows).toEqual([
        { member: "sqlfx_basics_login", grp: "sqlfx_basics_reader" },
        { member: "sqlfx_basics_reader", grp: "sqlfx_basics_writer" },
      ]);
      // a second run over existing roles must not fail (roles are shared by every database of a server)
      const roleSection = emitCreateScript({
        ...basicsCatalog,
        ...{
          extensions: [],
          schemas: [],
          collations: [],
          enums: [],
          domains: [],
          sequences: [],
          functions: [],
          tables: [],
        },
      });
      expect(await failureOf(client, roleSection)).toBeUndefined();
    });

    it("creates collations with provider and determinism", async () => {
      const { rows } = await getDb().client.query<{
        collname: string;
        collprovider: string;
        collisdeterministic: boolean;
      }>(
        `SELECT collname, collprovider, collisdeterministic FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
        WHERE nspname = 'app' ORDER BY collname`,
      );
      expect(rows).toEqual([
        { collname: "bytewise", collprovider: "c", collisdeterministic: true },
        { collname: "nocase", collprovider: "i", collisdeterministic: false },
      ]);
    });

    it("creates enums with their labels in order, including a quote", async () => {
      const { rows } = await getDb().client.query<{ label: string }>(
        `SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = 'app.ticket_status'::regtype ORDER BY enumsortorder`,
      );
      expect(rows.map((r) => r.label)).toEqual(basicsCatalog.enums[0]?.values);
    });

    it("creates domains (one over another) whose checks and NOT NULL hold", async () => {
      const { client } = getDb();
      expect(await failureOf(client, "SELECT 'nobody'::app.email")).toMatch(/email_has_at/);
      expect(await failureOf(client, "SELECT 'a@elsewhere.org'::app.corporate_email")).toMatch(
        /corporate_email_domain/,
      );
      expect(await failureOf(client, "SELECT 'a@example.com'::app.corporate_email")).toBeUndefined();
      expect(await failureOf(client, "SELECT NULL::app.positive_amount")).toMatch(/does not allow null/);
      expect(await failureOf(client, "SELECT (-1)::app.positive_amount")).toMatch(/positive_amount_check/);
    });

    it("creates sequences with their options, owned by their column", async () => {
      const { client } = getDb();
      expect(await scalar(client, "SELECT pg_get_serial_sequence('app.tickets', 'no')")).toBe("app.ticket_no");
      await client.exec("INSERT INTO app.tickets (title) VALUES ('first'), ('second')");
      const { rows } = await client.query<{ no: string }>("SELECT no::text FROM app.tickets ORDER BY no");
      expect(rows.map((r) => r.no)).toEqual(["1000", "1005"]);
      const wraps = await client.query<{ v: string }>(
        "SELECT nextval('app.wrap')::text AS v FROM generate_series(1, 3)",
      );
      expect(wraps.rows.map((r) => r.v)).toEqual(["1", "2", "1"]);
    });

    it("creates functions that run: uuid v7, json_valid, security definer with search_path, OUT and VARIADIC args", async () => {
      const { client } = getDb();
      const ids = await client.query<{ id: string }>(
        "SELECT app.uuid_generate_v7()::text AS id FROM generate_series(1, 3)",
      );
      for (const { id } of ids.rows) expect(id[14]).toBe("7");
      expect(await scalar(client, "SELECT app.json_valid('{\"a\": 1}')")).toBe(true);
      expect(await scalar(client, "SELECT app.json_valid('{oops')")).toBe(false);
      expect(await scalar(client, "SELECT app.open_ticket_count()::int")).toBe(2);
      expect(await scalar(client, "SELECT app.open_ticket_count(1001)::int")).toBe(1);
      expect(await scalar(client, "SELECT total::int FROM app.ticket_stats()")).toBe(2);
      expect(await scalar(client, "SELECT app.concat_all('-', 'a', 'b', 'c')")).toBe("a-b-c");
      expect(await scalar(client, "SELECT count(*)::int FROM app.open_tickets()")).toBe(2);
      expect(await scalar(client, "SELECT app.ticket_label(t) FROM app.tickets t ORDER BY no LIMIT 1")).toBe(
        "1000: first",
      );
      const { rows } = await client.query<{ prosecdef: boolean; proconfig: string[] | null }>(
        "SELECT prosecdef, proconfig FROM pg_proc WHERE oid = 'app.open_ticket_count(bigint)'::regprocedure",
      );
      expect(rows[0]).toEqual({ prosecdef: true, proconfig: ["search_path=pg_catalog, app"] });
    });

    it("keeps function bodies byte for byte, even one containing the default dollar-quote tag", async () => {
      const { rows } = await getDb().client.query<{ proname: string; prosrc: string }>(
        "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = 'app'::regnamespace ORDER BY proname",
      );
      const declared = Object.fromEntries(basicsCatalog.functions.map((fn) => [fn.name, fn.body]));
      expect(Object.fromEntries(rows.map((r) => [r.proname, r.prosrc]))).toEqual(declared);
    });

    it("gives every column its declared type and every declared comment", async () => {
      const { client } = getDb();
      expect(await columnTypeMismatches(client, basicsCatalog)).toEqual([]);
      expect(await commentMismatches(client, basicsCatalog)).toEqual([]);
    });
  },
);
