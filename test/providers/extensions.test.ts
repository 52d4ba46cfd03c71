import { expect, it } from "vitest";
import { describeOnProviders } from "../support/index.js";

describeOnProviders("pgvector, where the provider has it", { extensions: ["vector"] }, (getDb) => {
  it("stores embeddings and orders them by distance", async () => {
    const { client } = getDb();
    await client.exec("CREATE EXTENSION vector; CREATE TABLE items (id integer, embedding vector(3))");
    await client.query("INSERT INTO items VALUES (1, $1), (2, $2), (3, $3)", ["[1,0,0]", "[0,1,0]", "[0.9,0.1,0]"]);
    const { rows } = await client.query<{ id: number }>("SELECT id FROM items ORDER BY embedding <-> $1 LIMIT 2", [
      "[1,0,0]",
    ]);
    expect(rows).toEqual([{ id: 1 }, { id: 3 }]);
  });
});

describeOnProviders(
  "contrib extensions the platform uses",
  { extensions: ["pgcrypto", "uuid-ossp", "pg_trgm", "citext"] },
  (getDb) => {
    it("creates pgcrypto, uuid-ossp, pg_trgm and citext and uses each", async () => {
      const { client } = getDb();
      await client.exec(
        'CREATE EXTENSION pgcrypto; CREATE EXTENSION "uuid-ossp"; CREATE EXTENSION pg_trgm; CREATE EXTENSION citext;',
      );
      const { rows } = await client.query<Record<string, unknown>>(
        `SELECT encode(digest('abc', 'sha256'), 'hex') AS sha,
                length(uuid_generate_v4()::text) AS uuid_len,
                similarity('postgres', 'postgre') > 0.5 AS similar,
                'Ada'::citext = 'ADA'::citext AS ci_equal`,
      );
      expect(rows).toEqual([
        {
          sha: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
          uuid_len: 36,
          similar: true,
          ci_equal: true,
        },
      ]);
    });
  },
);
