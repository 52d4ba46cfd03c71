import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the `@platform/source` export condition),
// so tests never depend on a stale build. vitest also passes ssr conditions to the worker processes as
// `node --conditions`, so only list conditions that are safe for Node's own require(): adding `import`
// there makes require("pg-pool") load its ESM wrapper and breaks `pg`.
const conditions = ["@platform/source", "node", "development|production"];

export default defineConfig({
  resolve: { conditions: ["@platform/source", "module", "node", "development|production"] },
  ssr: { resolve: { conditions, externalConditions: ["@platform/source"] } },
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest's default worker count (cores - 1): the process-heavy tests (16 concurrent `migrate up`,
    // SIGKILL loops) time out when several of them overlap on 2 cores. More: `vitest run --maxWorkers=N`.
    // starts the shared test servers once per run (native PostgreSQL, testcontainers) and always stops them
    globalSetup: ["test/support/global-setup.ts"],
  },
});
