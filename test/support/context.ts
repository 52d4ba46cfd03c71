import { inject } from "vitest";

/**
 * What the global setup (test/support/global-setup.ts) hands to every test file: the servers it started
 * or reached once for the whole run, and the providers that cannot run here with the reason why.
 * Plain JSON, because vitest serialises it into each worker.
 */
export interface ServerEntry {
  /** `native-16`, `testcontainers`, `url` */
  readonly name: string;
  /** superuser (or owner) connection string used to create and drop test databases */
  readonly adminUrl: string;
  readonly serverVersion: number;
  readonly availableExtensions: readonly string[];
}

export interface UnavailableProvider {
  readonly name: string;
  readonly reason: string;
}

export interface HarnessContext {
  readonly servers: readonly ServerEntry[];
  readonly unavailable: readonly UnavailableProvider[];
  /** per-run scratch directory (removed at the end), e.g. for the PGlite data-directory template */
  readonly runDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    platformDb: HarnessContext;
  }
}

export const harnessContext = (): HarnessContext => {
  const context = inject("platformDb");
  if (context === undefined) {
    throw new Error(
      "test database harness: nothing provided by the global setup\n  fix: run tests through the root vitest.config.ts (pnpm vitest run …), which registers test/support/global-setup.ts",
    );
  }
  return context;
};
