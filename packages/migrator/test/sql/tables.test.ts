import { beforeAll, expect, it } from "vitest";
import { tablesCatalog } from "../../../../fixtures/catalogs/tables.js";
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
  "create script: tables, columns and constraints",
  extensionsOf(tablesCatalog),
  (getDb) => {
    beforeAll(async () => {
      await getDb().client.exec(emitCreateScript(tablesCatalog));
    });

    it("gives every column its declared type (serial kinds as their integer type) and every comment", async () => {
      const { client } = getDb();
      expect(await columnTypeMismatches(client, tablesCatalog)).toEqual([]);
      expect(await commentMismatches(client, tablesCatalog)).toEqual([]);
    });

    it("fills defaults, serial and identity columns, and computes generated columns", async () => {
      const { client } = getDb();
      await client.exec("INSERT INTO shop.customers (email) VALUES ('Ada@example.com')");
      const customer = await client.query<Record<string, unknown>>(
        "SELECT id::int, country, tags, profile, is_active, external_id IS NOT NULL AS has_external FROM shop.customers",
      );
      expect(customer.rows).toEqual([
        { id: 1, country: "DE", tags: [], profile: {}, is_active: true, has_external: true },
      ]);
      await client.exec("INSERT INTO shop.orders (customer_id, quantity, unit_price) VALUES (1, 3, 2.50), (1, 1, 4)");
      const orders = await client.query<{ id: number; total: string; line_no: number; state: string }>(
        "SELECT id::int, total::text, line_no, state::text FROM shop.orders ORDER BY id",
      );
      expect(orders.rows).toEqual([
        { id: 100, total: "7.50", line_no: 1, state: "new" },
        { id: 110, total: "4.00", line_no: 2, state: "new" },
      ]);
      expect(
        await failureOf(client, "INSERT INTO shop.orders (id, customer_id, quantity, unit_price) VALUES (1, 1, 1, 1)"),
      ).toMatch(/non-DEFAULT value into column "id"/);
    });

    it("compares with the column's collation (nocase unique email)", async () => {
      const { client } = getDb();
      const collation = await scalar<string>(
        client,
        `SELECT collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
        WHERE attrelid = 'shop.customers'::regclass AND attname = 'email'`,
      );
      expect(collation).toBe("nocase");
    });

    it("enforces checks, unique NULLS NOT DISTINCT, and the primary key's INCLUDE", async () => {
      const { client } = getDb();
      expect(
        await failureOf(client, "INSERT INTO shop.customers (email, country) VALUES ('b@example.com', 'de')"),
      ).toMatch(/customers_country_upper/);
      await client.exec("INSERT INTO shop.customers (email, external_id) VALUES ('c@example.com', NULL)");
      expect(
        await failureOf(client, "INSERT INTO shop.customers (email, external_id) VALUES ('d@example.com', NULL)"),
      ).toMatch(/customers_external_id_key/);
      expect(
        await failureOf(client, "INSERT INTO shop.orders (customer_id, quantity, unit_price) VALUES (1, 0, 1)"),
      ).toMatch(/orders_quantity_positive/);
      const included = await scalar<string>(
        client,
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_pkey'",
      );
      expect(included).toMatch(/INCLUDE \(state\)/);
      const noInherit = await scalar<boolean>(
        client,
        "SELECT connoinherit FROM pg_constraint WHERE conname = 'orders_price_nonnegative'",
      );
      expect(noInherit).toBe(true);
    });

    it("enforces foreign keys with their actions, deferrability and MATCH FULL", async () => {
      const { client } = getDb();
      const fks = await client.query<{
        conname: string;
        confupdtype: string;
        confdeltype: string;
        confmatchtype: string;
        condeferrable: boolean;
        condeferred: boolean;
      }>(
        `SELECT conname, confupdtype, confdeltype, confmatchtype, condeferrable, condeferred FROM pg_constraint
        WHERE contype = 'f' AND connamespace = 'shop'::regnamespace ORDER BY conname`,
      );
      expect(fks.rows).toEqual([
        {
          conname: "order_notes_order_fk",
          confupdtype: "a",
          confdeltype: "n",
          confmatchtype: "s",
          condeferrable: true,
          condeferred: false,
        },
        {
          conname: "order_notes_parent_fk",
          confupdtype: "a",
          confdeltype: "a",
          confmatchtype: "f",
          condeferrable: false,
          condeferred: false,
        },
        {
          conname: "orders_customer_fk",
          confupdtype: "r",
          confdeltype: "c",
          confmatchtype: "s",
          condeferrable: false,
          condeferred: false,
        },
      ]);
      await client.exec("INSERT INTO shop.order_notes (order_id, body) VALUES (100, 'gift wrap')");
      await client.exec("INSERT INTO shop.order_notes (order_id, parent_id, body) VALUES (100, 1, 'red paper')");
      expect(await failureOf(client, "INSERT INTO shop.order_notes (parent_id, body) VALUES (99, 'dangling')")).toMatch(
        /order_notes_parent_fk/,
      );
      // deleting the customer cascades to orders, and the notes' order_id is set to NULL
      await client.exec("DELETE FROM shop.customers WHERE id = 1");
      expect(await scalar(client, "SELECT count(*)::int FROM shop.orders")).toBe(0);
      expect(await scalar(client, "SELECT count(*)::int FROM shop.order_notes WHERE order_id IS NULL")).toBe(2);
    });

    it("checks the deferred unique constraint at commit, not per statement", async () => {
      const { client } = getDb();
      await client.exec("INSERT INTO shop.customers (id, email) VALUES (50, 'e@example.com')");
      const swap = `BEGIN;
      INSERT INTO shop.orders (customer_id, quantity, unit_price, line_no) VALUES (50, 1, 1, 7), (50, 1, 1, 8);
      UPDATE shop.orders SET line_no = CASE line_no WHEN 7 THEN 8 ELSE 7 END WHERE customer_id = 50;
      COMMIT;`;
      expect(await failureOf(client, swap)).toBeUndefined();
      const duplicate = `BEGIN;
      INSERT INTO shop.orders (customer_id, quantity, unit_price, line_no) VALUES (50, 1, 1, 7);
      COMMIT;`;
      expect(await failureOf(client, duplicate)).toMatch(/orders_line_no_key/);
      await client.exec("ROLLBACK").catch(() => undefined);
    });

    it("rejects an overlapping reservation through the exclusion constraint, except cancelled ones", async () => {
      const { client } = getDb();
      await client.exec(
        "INSERT INTO shop.reservations (room, during) VALUES ('a', '[2026-01-01 10:00Z, 2026-01-01 12:00Z)')",
      );
      expect(
        await failureOf(
          client,
          "INSERT INTO shop.reservations (room, during) VALUES ('b', '[2026-01-01 11:00Z, 2026-01-01 13:00Z)')",
        ),
      ).toMatch(/reservations_no_overlap/);
      expect(
        await failureOf(
          client,
          "INSERT INTO shop.reservations (room, during, cancelled) VALUES ('b', '[2026-01-01 11:00Z, 2026-01-01 13:00Z)', true)",
        ),
      ).toBeUndefined();
    });

    it("creates UNLOGGED tables unlogged and the others logged", async () => {
      const { rows } = await getDb().client.query<{ relname: string; relpersistence: string }>(
        "SELECT relname, relpersistence FROM pg_class WHERE relnamespace = 'shop'::regnamespace AND relkind = 'r' ORDER BY relname",
      );
      expect(rows).toEqual(
        tablesCatalog.tables
          .map((t) => ({ relname: t.name, relpersistence: t.unlogged ? "u" : "p" }))
          .sort((a, b) => a.relname.localeCompare(b.relname)),
      );
    });
  },
  { minVersion: { major: 15, because: "the fixture uses UNIQUE NULLS NOT DISTINCT" } },
);
