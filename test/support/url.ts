import type { DatabaseProvider } from "./provider.js";
import { createServerDatabase } from "./server-database.js";

/**
 * `TEST_DATABASE_URL`: any server you point at. The URL's user needs CREATEDB: each describe block
 * (so at least each test file) gets a new database with a random name, dropped afterwards.
 */
export const urlProvider = (adminUrl: string): DatabaseProvider => ({
  name: "url",
  unavailableReason: async () => undefined,
  createDatabase: () => createServerDatabase("url", adminUrl),
});
