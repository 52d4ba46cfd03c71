/**
 * The declaring half of the DSL: every factory, handle type and helper a declaration module uses, without
 * the lowering into a whole Catalog (`catalog.ts`, which pulls in validation). Declaration modules import
 * from here, so a process that only needs the relation shapes (`migrate types`) loads no validation code.
 */
export * from "./collation.js";
export * from "./column.js";
export * from "./column-types.js";
export * from "./constraints.js";
export * from "./declaration.js";
export * from "./domain.js";
export * from "./enum.js";
export * from "./extension.js";
export * from "./function.js";
export * from "./grant.js";
export * from "./indexes.js";
export { castTypeName, type Literal, lowerLiteral } from "./literal.js";
export { keyNamePart, mentionedColumns } from "./lower-keys.js";
export { lowerBoundValue } from "./lower-partitions.js";
export * from "./names.js";
export * from "./partitions.js";
export * from "./policy.js";
export { quoteIdent, quoteLiteral, quoteQualified } from "./quote.js";
export * from "./role.js";
export * from "./schema.js";
export * from "./sequence.js";
export * from "./sql.js";
export * from "./table.js";
export * from "./trigger.js";
export { canonicalType, EXTENSION_TYPES, lowerType, type TypeSpec, typeSpec } from "./types.js";
export * from "./view.js";
