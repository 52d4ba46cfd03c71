/**
 * `validateCatalog(catalog) → Finding[]`: everything that can be known wrong before any SQL exists.
 * One file per concern; each check is a pure function of the Catalog (through shared look-ups).
 *
 * @example
 * const findings = validateCatalog(catalog);
 * if (findings.some((f) => f.severity === "error")) console.error(formatFindings(findings));
 */
import type { Catalog } from "../model.js";
import { checkColumns } from "./columns.js";
import { checkConstraints } from "./constraints.js";
import { buildContext, type ValidationContext } from "./context.js";
import { checkDomains } from "./domains.js";
import { checkEnums } from "./enums.js";
import type { Finding } from "./finding.js";
import { checkFunctions } from "./functions.js";
import { checkIndexes } from "./indexes.js";
import { checkDuplicateNames, checkIdentifiers } from "./names.js";
import { checkPartitions } from "./partitions.js";
import { checkPolicies } from "./policies.js";
import { checkRenames } from "./renames.js";
import { checkRolesAndGrants } from "./roles.js";
import { checkSchemasDeclared } from "./schemas.js";
import { checkSequences } from "./sequences.js";
import { checkTriggers } from "./triggers.js";
import { checkTypeReferences } from "./type-references.js";
import { checkViews } from "./views.js";

export type Check = (context: ValidationContext) => readonly Finding[];

const CHECKS: readonly Check[] = [
  (ctx) => checkIdentifiers(ctx.catalog),
  (ctx) => checkDuplicateNames(ctx.catalog),
  checkSchemasDeclared,
  checkRolesAndGrants,
  checkTypeReferences,
  checkEnums,
  checkDomains,
  checkSequences,
  checkFunctions,
  checkColumns,
  checkConstraints,
  checkIndexes,
  checkPartitions,
  checkPolicies,
  checkTriggers,
  checkViews,
  checkRenames,
];

export const validateCatalog = (catalog: Catalog): Finding[] => {
  const context = buildContext(catalog);
  return CHECKS.flatMap((check) => check(context));
};

export { CatalogValidationError } from "./errors.js";
export type { Finding, Severity } from "./finding.js";
export { formatFinding, formatFindings, formatFindingsMarkdown } from "./format.js";
