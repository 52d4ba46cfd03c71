import type { CommandSpec } from "../command.js";

/**
 * `migrate pull`: write TypeScript declarations (the DSL, one module per schema plus an index exporting the
 * lowered `catalog`) from an existing database — the adoption path for a database that predates the project.
 * Exit 0 written, 2 on usage or connection errors.
 */
export const pullCommand: CommandSpec = {
  name: "pull",
  summary: "write TypeScript declarations from an existing database",
  configure: (command) =>
    command
      .option("--database-url <url>", "PostgreSQL URL (default: env DATABASE_URL, else the embedded database)")
      .option("--embedded-dir <dir>", "data directory of the embedded database (default: <repo>/.data/pglite)")
      .option("--out <dir>", "where to write the modules (default: ./pulled)")
      .option("--schemas <list>", "only these schemas, comma-separated (default: every user schema)")
      .option("--force", "write into a directory that is not empty, overwriting files of the same name")
      .option("--import-from <module>", "where the modules import the DSL from (default: @platform/schema)")
      .option("--json", "print one JSON document on stdout")
      .addHelpText(
        "after",
        "\nDefaults, checks, policies, view and function bodies are kept as PostgreSQL prints them, in sql`...`\n" +
          "templates; constraints and indexes keep their names. Rolling partition templates are not recorded\n" +
          "in a database: add `partitionTemplate` by hand where partitions are created by date.",
      ),
  run: async ({ options, output }) => (await import("../../pull/run.js")).runPull(options, output),
};
