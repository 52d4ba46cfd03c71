import pg from "pg";
import { registerTypes } from "pgvector/pg";
import { builtinOids, type DynamicOid, dynamicOidsQuery } from "./type-oids.js";

/**
 * A `pg` pool whose every new connection has pgvector's parsers registered (`number[]` for vector and
 * halfvec) and enum arrays parsed; interval stays a string (pg would build a PostgresInterval object)
 * so the type is the same on PGlite. bigint and numeric stay strings, as pg returns them.
 */
/** pg-types 2's array parser; @types/pg describes a newer signature than the one pg 8 ships. */
const parseTextArray = (text: string): string[] =>
  (pg.types.arrayParser as unknown as { create(t: string, f: (v: string) => string): { parse(): string[] } })
    .create(text, (v) => v)
    .parse();

export const createPool = (url: string, options: { readonly max?: number } = {}) => {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: "platform-types",
    ...(options.max ? { max: options.max } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === builtinOids.interval ? (text: string) => text : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  const prepared = new WeakSet<pg.PoolClient>();
  const prepare = async (client: pg.PoolClient): Promise<void> => {
    const { rows } = await client.query<DynamicOid>(dynamicOidsQuery);
    if (rows.some((r) => r.role === "vector")) await registerTypes(client);
    for (const { oid, role } of rows) {
      if (role === "enum-array") client.setTypeParser(oid, parseTextArray);
    }
  };
  return {
    options: pool.options,
    async connect(): Promise<pg.PoolClient> {
      const client = await pool.connect();
      if (!prepared.has(client)) {
        try {
          await prepare(client);
        } catch (error) {
          client.release(true);
          throw error;
        }
        prepared.add(client);
      }
      return client;
    },
    end: () => pool.end(),
  };
};
