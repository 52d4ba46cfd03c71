import type { Finding } from "./finding.js";
import { formatFindings } from "./format.js";

/** Thrown when a declaration lowers to a Catalog with errors; nothing has touched a database. */
export class CatalogValidationError extends Error {
  override readonly name = "CatalogValidationError";
  constructor(readonly findings: readonly Finding[]) {
    const errors = findings.filter((f) => f.severity === "error");
    super(`the declared catalog has ${errors.length} error(s):\n${formatFindings(findings)}`);
  }
}
