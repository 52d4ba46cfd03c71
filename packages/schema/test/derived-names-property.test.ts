/**
 * Derived names agree with PostgreSQL for arbitrary identifiers (long, multibyte, needing quotes): random
 * tables with unnamed constraints and indexes are created on a real server (PGlite) and their names read back.
 */
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  check,
  defineCatalog,
  foreignKey,
  index,
  integer,
  quoteIdent,
  schema,
  sql,
  table,
  unique,
} from "../src/index.js";

let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec("CREATE SCHEMA s");
});

afterAll(async () => {
  await db.close();
});

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

const CHARS = ["a", "b", "z", "_", "Q", " ", "1", "é", "ß", "名", "字", "🙂"] as const;

/**
 * Identifiers of 1..63 bytes from a mix of ASCII, Latin-1, CJK and emoji, with upper case and spaces; half of
 * them long, so that table and column names both need cutting (PostgreSQL then shortens the longer first).
 */
const identifier = fc
  .oneof(
    fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 20 }),
    fc.array(fc.constantFrom(...CHARS, "x", "y", "w"), { minLength: 28, maxLength: 63 }),
  )
  .map((chars) => chars.join(""))
  .filter((name) => bytes(name) <= 63 && !/^[0-9]/.test(name));

describe("derived names for arbitrary identifiers", () => {
  it("match the names PostgreSQL gives", async () => {
    await fc.assert(
      fc.asyncProperty(
        identifier,
        fc.uniqueArray(identifier, { minLength: 2, maxLength: 3 }),
        async (tableName, columnNames) => {
          const [first, second] = columnNames as [string, string];
          const columns = Object.fromEntries(columnNames.map((c) => [c, integer()]));
          const t = table("s", tableName, columns, (h) => {
            const a = h[first];
            const b = h[second];
            if (!a || !b) throw new Error("column handles missing");
            return {
              uniques: [unique().on(a, b)],
              checks: [check(sql`${a} > 0`)],
              // "fkey" leaves an odd number of bytes to share, which shows who gets the odd one
              foreignKeys: [foreignKey({ columns: [b, a], references: [a, b] })],
              indexes: [index().on(b), index().on(sql`abs(${a})`)],
            };
          });
          const declared = defineCatalog(schema("s"), t).tables[0];
          const q = (name: string) => `s.${quoteIdent(name)}`;
          await db.exec("BEGIN");
          try {
            await db.exec(`
              CREATE TABLE ${q(tableName)} (${columnNames.map((c) => `${quoteIdent(c)} integer`).join(", ")},
                UNIQUE (${quoteIdent(first)}, ${quoteIdent(second)}), CHECK (${quoteIdent(first)} > 0),
                FOREIGN KEY (${quoteIdent(second)}, ${quoteIdent(first)})
                  REFERENCES ${q(tableName)} (${quoteIdent(first)}, ${quoteIdent(second)}));
              CREATE INDEX ON ${q(tableName)} (${quoteIdent(second)});
              CREATE INDEX ON ${q(tableName)} ((abs(${quoteIdent(first)})));`);
            const constraints = await db.query<{ name: string }>(
              `SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('u', 'c', 'f') ORDER BY 1`,
              [q(tableName)],
            );
            const indexes = await db.query<{ name: string }>(
              `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
               WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
               ORDER BY 1`,
              [q(tableName)],
            );
            const sorted = (names: readonly string[]) => [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
            expect(
              sorted(
                [...(declared?.uniques ?? []), ...(declared?.checks ?? []), ...(declared?.foreignKeys ?? [])].map(
                  (c) => c.name,
                ),
              ),
            ).toEqual(sorted(constraints.rows.map((r) => r.name)));
            expect(sorted((declared?.indexes ?? []).map((i) => i.name))).toEqual(
              sorted(indexes.rows.map((r) => r.name)),
            );
          } finally {
            await db.exec("ROLLBACK");
          }
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
