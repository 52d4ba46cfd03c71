import { fromPglite } from "@platform/migrator/db";
import { createPglite } from "./pglite-instance.js";
import type { DatabaseProvider } from "./provider.js";
import { readServerFacts } from "./server-database.js";

/** `pglite`: a new in-process PGlite instance per database; `drop()` discards it. No connection string. */
export const pgliteProvider = (runDir: string | undefined): DatabaseProvider => ({
  name: "pglite",
  unavailableReason: async () => undefined,
  async createDatabase() {
    const db = await createPglite(runDir);
    const client = fromPglite(db, "pglite:memory");
    const facts = await readServerFacts(client);
    return {
      provider: "pglite",
      client,
      ...facts,
      async drop() {
        if (!db.closed) await client.close();
      },
    };
  },
});
