/**
 * The granular emitters the diff engine calls for single-object changes, applied to a database built
 * from the fixtures, each checked by what the server then has.
 */
import type { SqlClient } from "@platform/migrator/db";
import { beforeAll, expect, it } from "vitest";
import { basicsCatalog } from "../../../../fixtures/catalogs/basics.js";
import { mergeCatalogs } from "../../../../fixtures/catalogs/build.js";
import { partitionsCatalog } from "../../../../fixtures/catalogs/partitions.js";
import { securityCatalog } from "../../../../fixtures/catalogs/security.js";
import { tablesCatalog } from "../../../../fixtures/catalogs/tables.js";
import { viewsTriggersCatalog } from "../../../../fixtures/catalogs/views-triggers.js";
import * as sql from "../../src/sql/index.js";
import { describeOnDatabases, extensionsOf, failureOf, scalar } from "./harness.js";

const everything = mergeCatalogs(
  basicsCatalog,
  tablesCatalog,
  partitionsCatalog,
  securityCatalog,
  viewsTriggersCatalog,
);
const customers = { schema: "shop", name: "customers" };

const columnInfo = async (client: SqlClient, table: string, column: string) =>
  (
    await client.query<{ type: string; notnull: boolean; def: string | null }>(
      `SELECT format_type(atttypid, atttypmod) AS type, attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE attrelid = $1::regclass AND attname = $2 AND NOT attisdropped`,
      [table, column],
    )
  ).rows[0];

const constraintValidated = (client: SqlClient, table: string, name: string) =>
  scalar<boolean>(client, "SELECT convalidated FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2", [
    table,
    name,
  ]);

describeOnDatabases(
  "single-object statements",
  extensionsOf(everything),
  (getDb) => {
    beforeAll(async () => {
      const { client } = getDb();
      await client.exec("SET TimeZone = 'UTC'");
      await client.exec(sql.emitCreateScript(everything));
      await client.exec("INSERT INTO shop.customers (email) VALUES ('a@example.com'), ('b@example.com')");
    });

    it("adds, retypes, renames and drops columns; sets and drops defaults and NOT NULL", async () => {
      const { client } = getDb();
      await client.exec(
        sql.addColumn(customers, { name: "Loyalty Points", type: "integer", notNull: true, default: "0" }),
      );
      expect(await columnInfo(client, "shop.customers", "Loyalty Points")).toEqual({
        type: "integer",
        notnull: true,
        def: "0",
      });
      await client.exec(
        sql.alterColumnType(
          customers,
          { name: "Loyalty Points", type: "bigint" },
          { using: '"Loyalty Points"::bigint' },
        ),
      );
      await client.exec(sql.setColumnDefault(customers, "Loyalty Points", undefined));
      await client.exec(sql.setColumnNotNull(customers, "Loyalty Points", false));
      expect(await columnInfo(client, "shop.customers", "Loyalty Points")).toEqual({
        type: "bigint",
        notnull: false,
        def: null,
      });
      await client.exec(sql.renameColumn(customers, "Loyalty Points", "points"));
      await client.exec(sql.setColumnDefault(customers, "points", "42"));
      expect(await columnInfo(client, "shop.customers", "points")).toEqual({
        type: "bigint",
        notnull: false,
        def: "42",
      });
      await client.exec(sql.dropColumn(customers, "points"));
      expect(await columnInfo(client, "shop.customers", "points")).toBeUndefined();
    });

    it("adds a CHECK and a foreign key NOT VALID, then validates them", async () => {
      const { client } = getDb();
      await client.exec(
        sql.addCheck(
          customers,
          { name: "customers_email_short", expression: "length(email) < 100" },
          { notValid: true },
        ),
      );
      expect(await constraintValidated(client, "shop.customers", "customers_email_short")).toBe(false);
      await client.exec(sql.validateConstraint(customers, "customers_email_short"));
      expect(await constraintValidated(client, "shop.customers", "customers_email_short")).toBe(true);
      await client.exec(sql.addColumn(customers, { name: "referrer_id", type: "bigint" }));
      const fk = {
        name: "customers_referrer_fk",
        columns: ["referrer_id"],
        references: { schema: "shop", table: "customers", columns: ["id"] },
      };
      await client.exec(sql.addForeignKey(customers, fk, { notValid: true }));
      expect(await constraintValidated(client, "shop.customers", fk.name)).toBe(false);
      await client.exec(sql.validateConstraint(customers, fk.name));
      expect(await constraintValidated(client, "shop.customers", fk.name)).toBe(true);
      expect(await failureOf(client, "UPDATE shop.customers SET referrer_id = 999")).toMatch(/customers_referrer_fk/);
      await client.exec(sql.dropForeignKey(customers, fk.name));
      await client.exec(sql.dropConstraint(customers, "customers_email_short"));
      expect(
        await scalar(
          client,
          "SELECT count(*)::int FROM pg_constraint WHERE conname IN ('customers_referrer_fk', 'customers_email_short')",
        ),
      ).toBe(0);
    });

    it("adds primary key, unique and exclusion constraints to an existing table", async () => {
      const { client } = getDb();
      const reservations = { schema: "shop", name: "reservations" };
      await client.exec(
        sql.addColumn(reservations, { name: "id", type: "bigint", identity: { generation: "by default" } }),
      );
      await client.exec(sql.addPrimaryKey(reservations, { name: "reservations_pkey", columns: ["id"] }));
      await client.exec(
        sql.addUnique(reservations, { name: "reservations_room_during_key", columns: ["room", "during"] }),
      );
      await client.exec(sql.dropConstraint(reservations, "reservations_no_overlap"));
      await client.exec(
        sql.addExclusion(reservations, {
          name: "reservations_no_overlap2",
          using: "gist",
          elements: [{ column: "during", operator: "&&" }],
        }),
      );
      const { rows } = await client.query<{ conname: string; contype: string }>(
        "SELECT conname, contype FROM pg_constraint WHERE conrelid = 'shop.reservations'::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname",
      );
      expect(rows).toEqual([
        { conname: "reservations_no_overlap2", contype: "x" },
        { conname: "reservations_pkey", contype: "p" },
        { conname: "reservations_room_during_key", contype: "u" },
      ]);
    });

    it("creates and drops an index CONCURRENTLY (outside a transaction)", async () => {
      const { client } = getDb();
      const index = { name: "customers_created_idx", elements: [{ column: "created_at", order: "desc" as const }] };
      await client.exec(sql.createIndex(customers, index, { concurrently: true }));
      expect(
        await scalar(
          client,
          "SELECT indisvalid FROM pg_index WHERE indexrelid = 'shop.customers_created_idx'::regclass",
        ),
      ).toBe(true);
      await client.exec(sql.renameIndex({ schema: "shop", name: index.name }, "customers_created_desc_idx"));
      await client.exec(sql.dropIndex({ schema: "shop", name: "customers_created_desc_idx" }, { concurrently: true }));
      expect(await scalar(client, "SELECT to_regclass('shop.customers_created_desc_idx') IS NULL")).toBe(true);
    });

    it("builds a partitioned index ON ONLY the parent and attaches each partition's index", async () => {
      const { client } = getDb();
      const events = { schema: "logs", name: "events" };
      await client.exec(
        sql.createIndex(events, { name: "events_id_idx", elements: [{ column: "id" }] }, { only: true }),
      );
      expect(
        await scalar(client, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'logs.events_id_idx'::regclass"),
      ).toBe(false);
      for (const partition of ["events_archive", "events_default"]) {
        const table = { schema: "logs", name: partition };
        await client.exec(
          sql.createIndex(table, { name: `${partition}_id_idx`, elements: [{ column: "id" }] }, { concurrently: true }),
        );
        await client.exec(
          sql.attachIndex({ schema: "logs", name: "events_id_idx" }, { schema: "logs", name: `${partition}_id_idx` }),
        );
      }
      expect(
        await scalar(client, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'logs.events_id_idx'::regclass"),
      ).toBe(true);
    });

    it("detaches and re-attaches a partition", async () => {
      const { client } = getDb();
      const events = { schema: "logs", name: "events" };
      const archive = partitionsCatalog.tables
        .find((t) => t.name === "events")
        ?.partitions?.find((p) => p.name === "events_archive");
      if (!archive) throw new Error("fixture lost events_archive");
      await client.exec(sql.detachPartition(events, archive.name));
      expect(
        await scalar(client, "SELECT relispartition FROM pg_class WHERE oid = 'logs.events_archive'::regclass"),
      ).toBe(false);
      await client.exec(sql.attachPartition(events, archive));
      expect(
        await scalar(
          client,
          "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'logs.events_archive'::regclass",
        ),
      ).toBe(
        `FOR VALUES FROM (${archive.bound.kind === "range" ? archive.bound.from.join(", ") : ""}) TO (${archive.bound.kind === "range" ? archive.bound.to.join(", ") : ""})`,
      );
    });

    it("adds and renames enum labels in place", async () => {
      const { client } = getDb();
      const type = { schema: "app", name: "ticket_status" };
      await client.exec(sql.addEnumValue(type, "triaged", { after: "open" }));
      await client.exec(sql.addEnumValue(type, "draft", { before: "open" }));
      await client.exec(sql.addEnumValue(type, "archived"));
      await client.exec(sql.renameEnumValue(type, "it's done", "done"));
      const { rows } = await client.query<{ l: string }>(
        "SELECT enumlabel AS l FROM pg_enum WHERE enumtypid = 'app.ticket_status'::regtype ORDER BY enumsortorder",
      );
      expect(rows.map((r) => r.l)).toEqual(["draft", "open", "triaged", "done", "closed", "archived"]);
    });

    it("changes domains: default, NOT NULL, a check added NOT VALID then validated, a check dropped", async () => {
      const { client } = getDb();
      const email = { schema: "app", name: "email" };
      await client.exec(sql.setDomainDefault(email, "'nobody@example.com'"));
      await client.exec(sql.setDomainNotNull(email, true));
      await client.exec(
        sql.addDomainCheck(email, { name: "email_lower", expression: "VALUE = lower(VALUE)" }, { notValid: true }),
      );
      expect(await scalar(client, "SELECT convalidated FROM pg_constraint WHERE conname = 'email_lower'")).toBe(false);
      await client.exec(sql.validateDomainConstraint(email, "email_lower"));
      expect(await scalar(client, "SELECT convalidated FROM pg_constraint WHERE conname = 'email_lower'")).toBe(true);
      expect(await failureOf(client, "SELECT 'A@b'::app.email")).toMatch(/email_lower/);
      await client.exec(sql.dropDomainConstraint(email, "email_lower"));
      await client.exec(sql.setDomainNotNull(email, false));
      await client.exec(sql.setDomainDefault(email, undefined));
      expect(await failureOf(client, "SELECT 'A@b'::app.email")).toBeUndefined();
      const { rows } = await client.query(
        "SELECT typnotnull, typdefault FROM pg_type WHERE oid = 'app.email'::regtype",
      );
      expect(rows).toEqual([{ typnotnull: false, typdefault: null }]);
    });

    it("alters sequences and their ownership", async () => {
      const { client } = getDb();
      const wrap = basicsCatalog.sequences.find((s) => s.name === "wrap");
      if (!wrap) throw new Error("fixture lost app.wrap");
      await client.exec(sql.alterSequence({ ...wrap, max: "5", cycle: false }));
      const { rows } = await client.query(
        "SELECT seqmax::int, seqcycle FROM pg_sequence WHERE seqrelid = 'app.wrap'::regclass",
      );
      expect(rows).toEqual([{ seqmax: 5, seqcycle: false }]);
      // options the Catalog omits go back to PostgreSQL's defaults
      await client.exec(sql.alterSequence({ schema: "app", name: "wrap", type: "smallint" }));
      const reset = await client.query(
        "SELECT seqmin::int, seqmax::int, seqincrement::int, seqcycle FROM pg_sequence WHERE seqrelid = 'app.wrap'::regclass",
      );
      expect(reset.rows).toEqual([{ seqmin: 1, seqmax: 32767, seqincrement: 1, seqcycle: false }]);
      await client.exec(sql.setSequenceOwner({ schema: "app", name: "ticket_no" }));
      expect(await scalar(client, "SELECT pg_get_serial_sequence('app.tickets', 'no')")).toBeNull();
      await client.exec(
        sql.setSequenceOwner({ schema: "app", name: "ticket_no", ownedBy: { table: "tickets", column: "no" } }),
      );
      expect(await scalar(client, "SELECT pg_get_serial_sequence('app.tickets', 'no')")).toBe("app.ticket_no");
    });

    it("replaces a function body and a view definition in place", async () => {
      const { client } = getDb();
      const fn = basicsCatalog.functions.find((f) => f.name === "json_valid");
      if (!fn) throw new Error("fixture lost json_valid");
      await client.exec(sql.createFunction({ ...fn, body: "BEGIN RETURN true; END" }, { orReplace: true }));
      expect(await scalar(client, "SELECT app.json_valid('{oops')")).toBe(true);
      const view = viewsTriggersCatalog.views.find((v) => v.name === "customer_totals");
      if (!view) throw new Error("fixture lost customer_totals");
      await client.exec(
        sql.createView({ ...view, definition: `${view.definition}\nHAVING count(*) > 100` }, { orReplace: true }),
      );
      expect(await scalar<string>(client, "SELECT pg_get_viewdef('rep.customer_totals'::regclass)")).toMatch(/HAVING/);
      await client.exec(sql.refreshMaterializedView({ schema: "rep", name: "daily_stats" }, { concurrently: true }));
    });

    it("replaces and renames a trigger; renames a type; moves an extension", async () => {
      const { client } = getDb();
      const documents = { schema: "rep", name: "documents" };
      const touch = viewsTriggersCatalog.tables[0]?.triggers?.find((t) => t.name === "documents_touch");
      if (!touch) throw new Error("fixture lost documents_touch");
      await client.exec(
        sql.createTrigger(documents, { ...touch, when: "OLD.title IS DISTINCT FROM NEW.title" }, { orReplace: true }),
      );
      expect(
        await scalar<string>(client, "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'documents_touch'"),
      ).toMatch(/WHEN \(\(old\.title IS DISTINCT FROM new\.title\)\)/);
      await client.exec(sql.renameTrigger(documents, "documents_touch", "documents_touch_title"));
      await client.exec(sql.renameTrigger(documents, "documents_touch_title", "documents_touch"));
      await client.exec(sql.renameType({ schema: "shop", name: "order_state" }, "Order State (old)"));
      expect(await scalar(client, `SELECT to_regtype('shop."Order State (old)"') IS NOT NULL`)).toBe(true);
      await client.exec(sql.renameType({ schema: "shop", name: "Order State (old)" }, "order_state"));
      await client.exec(sql.setExtensionSchema({ name: "pgcrypto" }, "app"));
      expect(
        await scalar(client, "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pgcrypto'"),
      ).toBe("app");
      await client.exec(sql.setExtensionSchema({ name: "pgcrypto" }, "public"));
    });

    it("turns a unique index built concurrently into a unique constraint", async () => {
      const { client } = getDb();
      const index = { name: "customers_email_id_key", unique: true, elements: [{ column: "email" }, { column: "id" }] };
      await client.exec(sql.createIndex(customers, index, { concurrently: true }));
      await client.exec(
        sql.addConstraintUsingIndex(customers, {
          kind: "unique",
          name: index.name,
          deferrable: "deferrable initially deferred",
        }),
      );
      const { rows } = await client.query(
        "SELECT contype, condeferred, conindid = 'shop.customers_email_id_key'::regclass AS same_index FROM pg_constraint WHERE conname = 'customers_email_id_key'",
      );
      expect(rows).toEqual([{ contype: "u", condeferred: true, same_index: true }]);
    });

    it("alters, renames and drops policies; toggles RLS", async () => {
      const { client } = getDb();
      const notes = { schema: "sec", name: "notes" };
      await client.exec(
        sql.alterPolicy(notes, {
          name: "notes_readonly",
          roles: ["sqlfx_sec_app", "sqlfx_sec_readonly"],
          using: "NOT hidden",
        }),
      );
      const { rows } = await client.query<{ roles: string[]; qual: string }>(
        "SELECT roles::text[] AS roles, qual FROM pg_policies WHERE schemaname = 'sec' AND policyname = 'notes_readonly'",
      );
      expect(rows).toEqual([{ roles: ["sqlfx_sec_app", "sqlfx_sec_readonly"], qual: "(NOT hidden)" }]);
      await client.exec(sql.renamePolicy(notes, "notes_readonly", "notes_visible"));
      await client.exec(sql.dropPolicy(notes, "notes_visible"));
      await client.exec(sql.forceRowLevelSecurity(notes));
      expect(await scalar(client, "SELECT relforcerowsecurity FROM pg_class WHERE oid = 'sec.notes'::regclass")).toBe(
        true,
      );
      await client.exec(sql.noForceRowLevelSecurity(notes));
      await client.exec(sql.disableRowLevelSecurity(notes));
      const { rows: state } = await client.query(
        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'sec.notes'::regclass",
      );
      expect(state).toEqual([{ relrowsecurity: false, relforcerowsecurity: false }]);
      expect(await scalar(client, "SELECT count(*)::int FROM pg_policies WHERE policyname = 'notes_visible'")).toBe(0);
    });

    it("revokes grants and default privileges; removes a comment", async () => {
      const { client } = getDb();
      const notes = { schema: "sec", name: "notes" };
      await client.exec(
        sql.revoke({ kind: "table", table: notes }, { grantee: "sqlfx_sec_app", privileges: ["DELETE"] }),
      );
      expect(await scalar(client, "SELECT has_table_privilege('sqlfx_sec_app', 'sec.notes', 'DELETE')")).toBe(false);
      expect(await scalar(client, "SELECT has_table_privilege('sqlfx_sec_app', 'sec.notes', 'SELECT')")).toBe(true);
      const fn = securityCatalog.functions[0];
      if (!fn) throw new Error("fixture lost its function");
      await client.exec(sql.revoke({ kind: "function", fn }, { grantee: "PUBLIC", privileges: ["EXECUTE"] }));
      await client.exec(sql.revoke({ kind: "function", fn }, { grantee: "sqlfx_sec_app", privileges: ["EXECUTE"] }));
      expect(
        await scalar(client, "SELECT has_function_privilege('sqlfx_sec_app', 'sec.current_owner()', 'EXECUTE')"),
      ).toBe(false);
      const defaultPrivilege = securityCatalog.defaultPrivileges[0];
      if (!defaultPrivilege) throw new Error("fixture lost its default privilege");
      await client.exec(sql.revokeDefaultPrivilege(defaultPrivilege));
      await client.exec("CREATE TABLE sec.after_revoke (id int)");
      expect(
        await scalar(client, "SELECT has_table_privilege('sqlfx_sec_readonly', 'sec.after_revoke', 'SELECT')"),
      ).toBe(false);
      await client.exec(sql.commentOn({ kind: "table", object: customers }, undefined));
      expect(await scalar(client, "SELECT obj_description('shop.customers'::regclass, 'pg_class')")).toBeNull();
    });

    it("changes role attributes and memberships", async () => {
      const { client } = getDb();
      // roles of their own: roles are shared by every database on a server, and other tests read the fixtures' roles
      const member = { name: "sqlfx_single_member" };
      const group = { name: "sqlfx_single_group" };
      await client.exec(
        [sql.createRole(member), sql.createRole(group), sql.grantRoleMembership(member.name, group.name)].join("\n"),
      );
      expect(await scalar(client, "SELECT pg_has_role('sqlfx_single_member', 'sqlfx_single_group', 'MEMBER')")).toBe(
        true,
      );
      await client.exec(sql.alterRole({ ...member, inherit: true, login: true }));
      await client.exec(sql.revokeRoleMembership(member.name, group.name));
      const { rows } = await client.query(
        "SELECT rolcanlogin, rolinherit FROM pg_roles WHERE rolname = 'sqlfx_single_member'",
      );
      expect(rows).toEqual([{ rolcanlogin: true, rolinherit: true }]);
      expect(await scalar(client, "SELECT pg_has_role('sqlfx_single_member', 'sqlfx_single_group', 'MEMBER')")).toBe(
        false,
      );
      await client.exec(sql.alterRole(member));
      const { rows: back } = await client.query(
        "SELECT rolcanlogin, rolinherit FROM pg_roles WHERE rolname = 'sqlfx_single_member'",
      );
      expect(back).toEqual([{ rolcanlogin: false, rolinherit: false }]);
    });

    it("drops every kind of object", async () => {
      const { client } = getDb();
      const documents = { schema: "rep", name: "documents" };
      const drops = [
        sql.dropTrigger(documents, "documents_touch"),
        sql.dropView({ schema: "rep", name: "daily_stats", materialized: true }),
        sql.dropView({ schema: "rep", name: "a_top_customers" }),
        sql.dropView({ schema: "sec", name: "visible_notes" }),
        sql.dropTable({ schema: "shop", name: "order_notes" }),
        sql.renameTable({ schema: "shop", name: "page_hits" }, "page_views"),
        sql.setTableLogged({ schema: "shop", name: "page_views" }, true),
        sql.dropTable({ schema: "shop", name: "page_views" }),
        sql.dropSequence({ schema: "app", name: "wrap" }),
        sql.dropFunction({
          schema: "app",
          name: "concat_all",
          args: [{ type: "text" }, { type: "text[]", mode: "variadic" }],
        }),
        sql.dropFunction({ schema: "app", name: "open_tickets", args: [] }),
        sql.dropFunction({ schema: "app", name: "ticket_label", args: [{ type: "app.tickets" }] }),
        sql.dropTable({ schema: "app", name: "tickets" }),
        sql.dropDomain({ schema: "app", name: "corporate_email" }),
        sql.dropFunction({
          schema: "app",
          name: "ticket_stats",
          args: [
            { type: "bigint", mode: "out" },
            { type: "app.ticket_status[]", mode: "out" },
          ],
        }),
        sql.dropEnum({ schema: "app", name: "ticket_status" }),
        sql.dropCollation({ schema: "app", name: "bytewise" }),
        sql.dropExtension({ name: "uuid-ossp" }),
        sql.createSchema({ name: "Empty Schema" }),
        sql.dropSchema({ name: "Empty Schema" }),
        sql.createRole({ name: "sqlfx_single_dropped" }),
        sql.dropRole({ name: "sqlfx_single_dropped" }),
      ];
      for (const statement of drops) expect(await failureOf(client, statement), statement).toBeUndefined();
      const left = await client.query<{ name: string }>(
        `SELECT n FROM unnest(ARRAY['rep.daily_stats', 'rep.a_top_customers', 'shop.order_notes', 'shop.page_views', 'app.wrap', 'app.tickets']) AS n
        WHERE to_regclass(n) IS NOT NULL`,
      );
      expect(left.rows).toEqual([]);
      expect(
        await scalar(
          client,
          "SELECT to_regtype('app.ticket_status') IS NULL AND to_regprocedure('app.concat_all(text, text[])') IS NULL",
        ),
      ).toBe(true);
      expect(await scalar(client, "SELECT count(*)::int FROM pg_extension WHERE extname = 'uuid-ossp'")).toBe(0);
    });
  },
  { minVersion: { major: 15, because: "the fixture uses UNIQUE NULLS NOT DISTINCT" } },
);
