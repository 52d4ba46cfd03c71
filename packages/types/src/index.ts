export { ColumnCodecsPlugin } from "./codecs-plugin.js";
export { type Connection, createDb, createTypedDb } from "./create-db.js";
export * from "./db.js";
export { PgliteDialect } from "./pglite-dialect.js";
export type { NewRow, RelationName, Row, RowUpdate } from "./rows.js";
export { cosineDistance, l1Distance, l2Distance, maxInnerProduct } from "./vector-ops.js";
