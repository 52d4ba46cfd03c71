/**
 * The SQL emitter: small pure functions from Catalog objects to statements (what the diff engine calls
 * for single-object changes) and `emitCreateScript`, which creates a whole Catalog in an empty database.
 */
export * from "./collations.js";
export * from "./comments.js";
export * from "./domains.js";
export * from "./enums.js";
export * from "./extensions.js";
export * from "./foreign-keys.js";
export * from "./functions.js";
export * from "./grants.js";
export * from "./indexes.js";
export * from "./order.js";
export * from "./partition-template.js";
export * from "./partitions.js";
export * from "./policies.js";
export * from "./quote.js";
export * from "./roles.js";
export * from "./schemas.js";
export * from "./script.js";
export * from "./sequences.js";
export * from "./tables.js";
export * from "./triggers.js";
export * from "./views.js";
