export type { QueryResult, SqlClient } from "./client.js";
export { connectPg, fromPgClient, redactUrl } from "./pg-client.js";
export { fromPglite } from "./pglite-client.js";
