/**
 * `migrate pull` as a process: writes the modules, `--schemas` limits them, a non-empty directory needs
 * `--force`, and usage or connection errors exit 2 with the fix.
 */
import { randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Catalog } from "@platform/schema";
import { expect, test, vi } from "vitest";
import { introspect } from "../../src/introspect/index.js";
import { runCli } from "../runner/helpers/cli.js";
import { comparable, describeOnProviders } from "./harness.js";

// each test starts CLI processes (tsx start-up each); on a loaded machine that takes a while
vi.setConfig({ testTimeout: 300_000 });

const outDir = () => join(import.meta.dirname, `.out-${randomBytes(6).toString("hex")}`);

describeOnProviders("migrate pull", { providers: ["native"] }, (getDb) => {
  test("writes the schemas asked for; the modules lower to what the database holds; refuses a non-empty --out without --force", async () => {
    const db = getDb();
    await db.client.exec(`
      CREATE SCHEMA shop;
      CREATE TYPE shop.state AS ENUM ('open', 'paid');
      CREATE TABLE shop.orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        state shop.state NOT NULL DEFAULT 'open',
        total numeric(12,2) CHECK (total >= 0),
        placed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX orders_open_idx ON shop.orders (placed_at DESC) WHERE state = 'open';
      CREATE TABLE public.notes (id serial PRIMARY KEY, body text);
    `);
    const out = outDir();
    const url = db.url as string;
    try {
      const first = await runCli(["pull", "--database-url", url, "--out", out, "--schemas", "shop"]);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect((await readdir(out)).sort()).toEqual(["index.ts", "shop.ts"]);
      expect(first.stdout).toContain("shop.ts");

      const { catalog } = (await import(join(out, "index.ts"))) as { catalog: Catalog };
      expect(catalog.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["shop.orders"]);
      expect(comparable(catalog)).toEqual(comparable(await introspect(db.client, { schemas: ["shop"] })));

      const again = await runCli(["pull", "--database-url", url, "--out", out]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("is not empty");
      expect(again.stderr).toContain("--force");
      expect((await readdir(out)).sort()).toEqual(["index.ts", "shop.ts"]);

      const forced = await runCli(["pull", "--database-url", url, "--out", out, "--force", "--json"]);
      expect(forced.code).toBe(0);
      const document = JSON.parse(forced.stdout) as { files: string[]; exitCode: number };
      expect(document.files).toEqual(["index.ts", "public.ts", "shop.ts"]);
      expect((await readdir(out)).sort()).toEqual(["index.ts", "public.ts", "shop.ts"]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

test("usage and connection errors exit 2 and write nothing", async () => {
  const out = outDir();
  const empty = await runCli(["pull", "--schemas", ",", "--out", out]);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toContain("--schemas names no schema");

  const unreachable = await runCli([
    "pull",
    "--database-url",
    "postgres://nobody:secret@127.0.0.1:1/none",
    "--out",
    out,
  ]);
  expect(unreachable.code).toBe(2);
  expect(unreachable.stderr).not.toContain("secret");
  await expect(readdir(out)).rejects.toThrow(/ENOENT/);
});
