import type { SqlClient } from "@platform/migrator/db";
import { connectPg } from "@platform/migrator/db";

/**
 * Extra databases on the server of a test database: the runner's tests need many fresh databases at once
 * (kill trials, fleets), and a describe block gets one. Each is created empty and dropped by `dropAll`.
 */
export const databaseFactory = (baseUrl: string, admin: SqlClient) => {
  const created: string[] = [];
  let counter = 0;
  // One admin connection runs one statement at a time: calls from parallel workers queue here.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const prefix = `mig_${process.pid}_${Date.now().toString(36)}`;
  return {
    create(): Promise<string> {
      counter += 1;
      const name = `${prefix}_${counter}`;
      return serial(async () => {
        await admin.exec(`CREATE DATABASE ${name}`);
        created.push(name);
        return urlFor(baseUrl, name);
      });
    },
    async dropAll(): Promise<void> {
      for (const name of created.splice(0)) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};

export const urlFor = (baseUrl: string, database: string): string => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Runs `body` with a fresh connection to `url`, closing it afterwards. */
export const withClient = async <T>(url: string, body: (client: SqlClient) => Promise<T>): Promise<T> => {
  const client = await connectPg(url, "migrator-test");
  try {
    return await body(client);
  } finally {
    await client.close();
  }
};

export const historyRows = (client: SqlClient) =>
  client
    .query<{ name: string; state: string; checksum: string }>(
      "SELECT name, state, checksum FROM platform_migrator.history ORDER BY name",
    )
    .then((result) => result.rows);
