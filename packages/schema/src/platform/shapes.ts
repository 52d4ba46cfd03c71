import { lowerRelationShapes, type RelationShapes } from "../dsl/relation-shapes.js";
import { platformDeclarations } from "./declarations.js";

/**
 * The platform's row shapes (tables, views, enums, domains) without the rest of the lowering and without
 * validation: what `migrate types` needs, at a fraction of `platformCatalog()`'s cost. Equal to the
 * corresponding parts of `platformCatalog()` (test/relation-shapes.test.ts).
 */
export const platformRelationShapes = (): RelationShapes => lowerRelationShapes(...platformDeclarations);
