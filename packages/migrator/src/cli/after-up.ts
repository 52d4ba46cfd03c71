import type { AfterUpCheck } from "../runner/after-up.js";

/**
 * Checks `migrate up` runs after applying, on each database, unless `--no-verify`: `verify` against the
 * platform declarations, in the variant the server can hold (with pgvector when it offers it).
 */
export interface AfterUpEntry {
  readonly name: string;
  readonly load: () => Promise<AfterUpCheck>;
}

export const afterUpChecks: readonly AfterUpEntry[] = [
  { name: "verify", load: async () => (await import("../verify/run.js")).verifyAfterUp },
];
