/**
 * `@platform/schema/shapes`: the platform's relation shapes and what code typing them needs — the Catalog's
 * TypeScript types, the identity helpers, `lowerRelationShapes`/`platformRelationShapes` — and nothing that
 * lowers or validates a whole Catalog (nor zod). `migrate types` loads only this: its run is mostly start-up,
 * so every module it does not load counts.
 *
 * @example
 * const { platformRelationShapes } = await import("@platform/schema/shapes");
 * generateTypes(platformRelationShapes());
 */

export * from "./catalog/identity.js";
export type * from "./catalog/model.js";
export * from "./dsl/relation-shapes.js";
export { platformRelationShapes } from "./platform/shapes.js";
