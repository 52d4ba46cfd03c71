import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the `@platform/source` export condition),
// so tests never depend on a stale build.
const conditions = ["@platform/source", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@platform/source"] } },
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
