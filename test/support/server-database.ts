import { connectPg } from "@platform/migrator/db";
import type { TestDatabase } from "./provider.js";
import { quoteIdent, randomDatabaseName } from "./sql.js";

/** Replaces the database name in a connection string, keeping credentials and options. */
export const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
};

export interface ServerFacts {
  readonly serverVersion: number;
  readonly availableExtensions: ReadonlySet<string>;
}

/** What any server reports about itself; every provider answers through this one query pair. */
export const readServerFacts = async (client: {
  query<R>(text: string): Promise<{ rows: R[] }>;
}): Promise<ServerFacts> => {
  const version = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const extensions = await client.query<{ name: string }>("SELECT name FROM pg_available_extensions ORDER BY name");
  return {
    serverVersion: Number(version.rows[0]?.v),
    availableExtensions: new Set(extensions.rows.map((row) => row.name)),
  };
};

/**
 * A fresh database with a random name on a running server (native, testcontainers, TEST_DATABASE_URL).
 * `drop()` closes the client and drops the database, forcing out connections a test forgot to close.
 */
export const createServerDatabase = async (provider: string, adminUrl: string): Promise<TestDatabase> => {
  const name = randomDatabaseName();
  const admin = await connectPg(adminUrl, "platform-db-test-admin");
  try {
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(adminUrl, name);
  const client = await connectPg(url, "platform-db-test");
  const facts = await readServerFacts(client);
  let dropped = false;
  return {
    provider,
    url,
    client,
    ...facts,
    async drop() {
      if (dropped) return;
      dropped = true;
      await client.close().catch(() => undefined);
      const dropAdmin = await connectPg(adminUrl, "platform-db-test-admin");
      try {
        // WITH (FORCE) exists since PostgreSQL 13; older servers (only reachable via TEST_DATABASE_URL) terminate first
        if (facts.serverVersion >= 130000) {
          await dropAdmin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        } else {
          await dropAdmin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
          await dropAdmin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        }
      } finally {
        await dropAdmin.close();
      }
    },
  };
};
