/** A reason the Kysely types cannot be generated, as data; `renderCodegenIssues` turns it into text. */
export interface CodegenIssue {
  readonly code: "unknown-type" | "view-columns-unknown" | "domain-cycle";
  /** object path: `data_platform.text_embeddings.embedding` */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export const renderCodegenIssues = (issues: readonly CodegenIssue[]): string =>
  issues.map((i) => `✖ ${i.message}\n  → at ${i.path}\n  fix: ${i.fix}`).join("\n");

/** Thrown by `generateTypes` with every issue found, not just the first. */
export class CodegenError extends Error {
  readonly issues: readonly CodegenIssue[];
  constructor(issues: readonly CodegenIssue[]) {
    super(`cannot generate Kysely types:\n${renderCodegenIssues(issues)}`);
    this.name = "CodegenError";
    this.issues = issues;
  }
}
