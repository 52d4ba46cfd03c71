import type { AfterUpCheck } from "../runner/after-up.js";

/**
 * Checks `migrate up` runs after applying, on each database, unless `--no-verify`. The diff engine's
 * `verify` registers here (one entry): a lazy wrapper that imports it and turns drift into findings, e.g.
 *
 *   { name: "verify", load: async () => (await import("../verify/index.js")).verifyAfterUp }
 */
export interface AfterUpEntry {
  readonly name: string;
  readonly load: () => Promise<AfterUpCheck>;
}

export const afterUpChecks: readonly AfterUpEntry[] = [];
