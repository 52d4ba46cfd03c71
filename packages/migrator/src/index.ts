/**
 * The migrator's public API: each stage of DESIGN.md's pipeline, as pure functions over Catalogs plus the few
 * that touch a database (introspect, apply, verify).
 *
 * @example
 * import { platformCatalog } from "@platform/schema";
 * import { diff, introspect, plan } from "@platform/migrator";
 * const live = await introspect(client);
 * const steps = plan(diff(live, platformCatalog()));
 */
export { generateTypes } from "./codegen/index.js";
export { diff } from "./diff/index.js";
export { introspect } from "./introspect/index.js";
export { comparableCatalog, normalizeCatalog } from "./normalize/index.js";
export { catalogHash, plan, planChanges, renderHazards } from "./plan/index.js";
export { migrateDown, migrateUp } from "./runner/index.js";
export { emitCreateScript } from "./sql/index.js";
export { verify } from "./verify/index.js";
