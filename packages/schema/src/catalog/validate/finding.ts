/**
 * A finding of validation: typed data, rendered to text by `formatFindings`. Every finding names the
 * object (`data_platform.text_embeddings.embedding`), the problem, and the fix.
 */
export type Severity = "error" | "warning";

export interface Finding {
  /** stable, kebab-case: `duplicate-name`, `unknown-column`, `vector-dimensions` … */
  readonly code: string;
  readonly severity: Severity;
  /** object path: `schema.table.column`, `schema.table.index_name`, `role_name` */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export const error = (code: string, path: string, message: string, fix: string): Finding => ({
  code,
  severity: "error",
  path,
  message,
  fix,
});

export const warning = (code: string, path: string, message: string, fix: string): Finding => ({
  code,
  severity: "warning",
  path,
  message,
  fix,
});
