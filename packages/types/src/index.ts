/**
 * The platform database, typed: the generated `DB`, row helpers and `createDb()` (see README.md).
 *
 * @example
 * import { createDb, type Row } from "@platform/types";
 * const db = createDb({ url: process.env.DATABASE_URL ?? "" });
 * const users: Row<"auth.users">[] = await db.selectFrom("auth.users").selectAll().execute();
 */
export { ColumnCodecsPlugin } from "./codecs-plugin.js";
export { type Connection, createDb, createTypedDb } from "./create-db.js";
export * from "./db.js";
export { PgliteDialect } from "./pglite-dialect.js";
export type { NewRow, RelationName, Row, RowUpdate } from "./rows.js";
export { cosineDistance, l1Distance, l2Distance, maxInnerProduct } from "./vector-ops.js";
