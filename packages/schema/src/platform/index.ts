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
import {
  defineCatalog,
  type LoweredCatalog,
  lowerDeclarations,
  lowerRelationShapes,
  type RelationShapes,
} from "../dsl/index.js";
import * as algoPlatform from "./algo-platform.js";
import * as auth from "./auth.js";
import * as compat from "./compat.js";
import * as dataPlatform from "./data-platform.js";
import * as modelPlatform from "./model-platform.js";
import * as monitoring from "./monitoring.js";
import * as roles from "./roles.js";
import * as servicePlatform from "./service-platform.js";
import { withoutExtension } from "./without-extension.js";

export { withoutExtension } from "./without-extension.js";

/** The declaration modules, for code that wants the handles (`platformModules.auth.users.email`). */
export const platformModules = {
  compat,
  roles,
  auth,
  dataPlatform,
  algoPlatform,
  modelPlatform,
  servicePlatform,
  monitoring,
} as const;

/** Default privileges of every platform schema, declared once here rather than in each module. */
const defaultPrivileges = [
  auth.auth,
  dataPlatform.dataPlatform,
  algoPlatform.algoPlatform,
  modelPlatform.modelPlatform,
  servicePlatform.servicePlatform,
  monitoring.monitoring,
].flatMap((s) => roles.defaultPrivilegesIn(s.name));

/** Everything `platformCatalog` lowers: the modules and the default privileges of their schemas. */
export const platformDeclarations = [platformModules, defaultPrivileges] as const;

/** Lower the platform without throwing: the Catalog and every validation finding (tests, tooling). */
export const lowerPlatform = (): LoweredCatalog => lowerDeclarations(...platformDeclarations);

/**
 * The platform's row shapes (tables, views, enums, domains) without the rest of the lowering and without
 * validation: what `migrate types` needs, at a fraction of `platformCatalog()`'s cost. Equal to the
 * corresponding parts of `platformCatalog()` (test/relation-shapes.test.ts).
 */
export const platformRelationShapes = (): RelationShapes => lowerRelationShapes(...platformDeclarations);

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
