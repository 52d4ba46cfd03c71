import pg from "pg";
import type { QueryResult, SqlClient } from "./client.js";

/** `postgres://user:secret@host/db` → `postgres://user@host/db`: connection strings in messages never carry passwords. */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString().replace(/:@/, "@");
  } catch {
    return "<unparseable connection string>";
  }
};

/** Wraps a connected `pg.Client`. The caller owns connecting; `close()` ends it. */
export const fromPgClient = (client: pg.Client, label: string): SqlClient => ({
  label,
  async query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    const result = await client.query(text, params as unknown[] | undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  },
  async exec(script: string): Promise<void> {
    await client.query(script);
  },
  async close(): Promise<void> {
    await client.end();
  },
  async fork(): Promise<SqlClient> {
    // the parsed parameters of this client (host, user, password, database, ssl, application_name, …)
    const parameters = (client as unknown as { connectionParameters: pg.ClientConfig }).connectionParameters;
    const other = new pg.Client(parameters);
    other.on("error", () => undefined);
    try {
      await other.connect();
    } catch (error) {
      await other.end().catch(() => undefined);
      throw error;
    }
    return fromPgClient(other, label);
  },
});

export const connectPg = async (url: string, applicationName = "platform-db"): Promise<SqlClient> => {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  return fromPgClient(client, redactUrl(url));
};
