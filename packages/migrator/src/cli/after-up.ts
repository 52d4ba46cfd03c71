import type { AfterUpCheck } from "../runner/after-up.js";

/**
 * Checks `migrate up` runs after applying, on each database, unless `--no-verify`: `verify` against the
 * platform declarations in the variant the server can hold (with pgvector when it offers it). `load`
 * takes the command's parsed options when the caller passes them: `--declarations <module>` and
 * `--vector` then choose the declarations, and a `--migrations-dir` of other migrations without
 * `--declarations` skips the check (there is nothing to compare those migrations with).
 */
export interface AfterUpEntry {
  readonly name: string;
  readonly load: (options?: Readonly<Record<string, unknown>>) => Promise<AfterUpCheck>;
}

export const afterUpChecks: readonly AfterUpEntry[] = [
  { name: "verify", load: async (options) => (await import("../verify/run.js")).verifyAfterUpFor(options ?? {}) },
];
