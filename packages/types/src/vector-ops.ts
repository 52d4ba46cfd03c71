/**
 * pgvector's distance operators for Kysely (`<=>`, `<->`, `<#>`, `<+>`), re-exported so a service
 * needs only @platform/types. The vector argument is serialised by pgvector.
 * @example
 * db.selectFrom("data_platform.text_embeddings").selectAll().orderBy(cosineDistance("embedding", query)).limit(5)
 */
export { cosineDistance, l1Distance, l2Distance, maxInnerProduct } from "pgvector/kysely";
