import { Option } from "commander";
import type { CommandSpec } from "../command.js";
import { addDatabaseOptions } from "../database-options.js";

/**
 * `migrate verify`: compare each database with the declarations and print the drift per object path.
 * Exit 0 clean, 1 drift, 2 usage or connection errors.
 */
export const verifyCommand: CommandSpec = {
  name: "verify",
  summary: "compare the live database with the declarations (exit 1 on drift)",
  configure: (command) =>
    addDatabaseOptions(command)
      .option(
        "--declarations <module>",
        "compare with these declarations instead of the platform's: a Catalog JSON file, or an ES module exporting `catalog` (or default) as a Catalog or a function returning one",
      )
      .addOption(
        new Option(
          "--vector <mode>",
          "which platform variant: auto = with pgvector when the server offers it, else the variant without it (platformCatalog({ vector: false })); yes; no",
        )
          .choices(["auto", "yes", "no"])
          .default("auto"),
      )
      .option("--markdown", "print the drift as a Markdown table (CI summaries, PR comments)")
      .option(
        "--text-only",
        "compare view bodies by text only: no temporary views are created (read-only replicas); may report rewritten bodies as drift",
      )
      .addHelpText(
        "after",
        "\nDrift is everything that differs from the declarations: missing, extra or changed objects, grants,\n" +
          "comments, RLS. Partitions that follow a table's partition template are expected, not drift.\n" +
          "View bodies whose text differs are deparsed by the live server itself (temporary views in a\n" +
          "transaction that is rolled back), so both sides are PostgreSQL's own rendering on its own version;\n" +
          "defaults, checks, policies and index predicates are compared by their normalised text.\n" +
          "`migrate up` runs this check after applying (skip it with `up --no-verify`).\n" +
          "Exit codes: 0 clean, 1 drift, 2 usage or connection errors.",
      ),
  run: async ({ options, output }) => (await import("../../verify/run.js")).runVerify(options, output),
};
