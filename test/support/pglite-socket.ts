import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { connectPg } from "@platform/migrator/db";
import { createPglite } from "./pglite-instance.js";
import type { DatabaseProvider } from "./provider.js";
import { readServerFacts } from "./server-database.js";

/**
 * `pglite-socket`: a PGlite instance served over the PostgreSQL wire protocol on a free 127.0.0.1 port,
 * so code that takes a connection string (the `pg` driver, child processes) runs against PGlite.
 *
 * Limits (pglite-socket 0.2): every connection shares PGlite's single backend session. Queries are
 * queued one at a time; while one connection is inside a transaction the others wait. Session state
 * (SET, temp tables, prepared statements, advisory locks) is shared, so two connections do NOT exclude
 * each other with locks, and cancel requests are ignored. Concurrency tests belong on `native`.
 */
export const MAX_SOCKET_CONNECTIONS = 16;

export const pgliteSocketProvider = (runDir: string | undefined): DatabaseProvider => ({
  name: "pglite-socket",
  unavailableReason: async () => undefined,
  async createDatabase() {
    const db = await createPglite(runDir);
    // port 0: the OS picks a free port, read back from the listening server
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: MAX_SOCKET_CONNECTIONS });
    await server.start();
    const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
    const client = await connectPg(url, "platform-db-test");
    const facts = await readServerFacts(client);
    let dropped = false;
    return {
      provider: "pglite-socket",
      url,
      client,
      ...facts,
      async drop() {
        if (dropped) return;
        dropped = true;
        await client.close().catch(() => undefined);
        await server.stop();
        await db.close();
      },
    };
  },
});
