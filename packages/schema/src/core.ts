/**
 * `@platform/schema/core`: everything `@platform/schema` exports except the zod schemas of the Catalog
 * (their TypeScript types are here). The DSL, the platform's declarations, validation and the identity
 * helpers never need zod at run time, and loading zod is a large share of a short command's start
 * (`migrate types`), so commands that only lower declarations import this entry.
 *
 * @example
 * const { platformCatalog } = await import("@platform/schema/core"); // no zod loaded
 */

export * from "./catalog/identity.js";
export type * from "./catalog/model.js";
export * from "./catalog/validate/index.js";
export * from "./dsl/index.js";
export * from "./platform/index.js";
