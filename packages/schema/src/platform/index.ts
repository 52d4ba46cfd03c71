/**
 * The AI platform's database, declared: one module per PostgreSQL schema, plus the extensions,
 * compatibility functions and roles they share.
 *
 * @example
 * import { platformCatalog, withoutExtension } from "@platform/schema";
 * const catalog = platformCatalog();                      // PGlite / production (pgvector installed)
 * const native = platformCatalog({ vector: false });      // servers without pgvector
 */
import type { Catalog } from "../catalog/model.js";
import { defineCatalog, type LoweredCatalog, lowerDeclarations } from "../dsl/catalog.js";
import { platformDeclarations } from "./declarations.js";
import { withoutExtension } from "./without-extension.js";

export { platformDeclarations, platformModules } from "./declarations.js";
export { platformRelationShapes } from "./shapes.js";
export { withoutExtension } from "./without-extension.js";

/** Lower the platform without throwing: the Catalog and every validation finding (tests, tooling). */
export const lowerPlatform = (): LoweredCatalog => lowerDeclarations(...platformDeclarations);

export interface PlatformOptions {
  /** include pgvector and everything built on it (default true); false for servers without pgvector */
  readonly vector?: boolean;
}

const cache = new Map<boolean, Catalog>();

/**
 * The platform as a validated Catalog. Lowered once per variant; each call returns its own copy, so a
 * caller that changes it cannot change what the next caller gets.
 * Throws `CatalogValidationError` if a declaration is wrong.
 */
export const platformCatalog = (options: PlatformOptions = {}): Catalog => {
  const vector = options.vector ?? true;
  let catalog = cache.get(vector);
  if (!catalog) {
    const full = defineCatalog(...platformDeclarations);
    catalog = vector ? full : withoutExtension(full, "vector");
    cache.set(vector, catalog);
  }
  return structuredClone(catalog);
};

/** Alias: `platform()` is `platformCatalog()`. */
export const platform = platformCatalog;
