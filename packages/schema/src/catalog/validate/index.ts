/**
 * `validateCatalog(catalog) → Finding[]`: everything that can be known wrong before any SQL exists.
 * One file per concern; each check is a pure function of the Catalog.
 */
import type { Catalog } from "../model.js";
import type { Finding } from "./finding.js";

export type Check = (catalog: Catalog) => readonly Finding[];

const CHECKS: readonly Check[] = [];

export const validateCatalog = (catalog: Catalog): Finding[] => CHECKS.flatMap((check) => check(catalog));

export { CatalogValidationError } from "./errors.js";
export type { Finding, Severity } from "./finding.js";
export { formatFinding, formatFindings } from "./format.js";
