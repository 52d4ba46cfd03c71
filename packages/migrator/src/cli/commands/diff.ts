import { Option } from "commander";
import type { CommandSpec } from "../command.js";

/**
 * `migrate diff`: `--check` (CI) exits 1 when the declarations changed without a generated migration
 * (printing the SQL that is missing) or when replaying the migration files into a scratch PGlite does
 * not produce their snapshots (naming the edited file); otherwise prints the SQL from `--from` to `--to`.
 */
export const diffCommand: CommandSpec = {
  name: "diff",
  summary: "SQL between two of: a database, the snapshot, the declarations; --check for CI (exit 1 when out of date)",
  configure: (command) =>
    command
      .option("--check", "CI: exit 1 when a migration is missing or a migration file was edited", false)
      .option(
        "--from <source>",
        "declarations | snapshot | embedded | postgres://URL | catalog.json (default: snapshot)",
      )
      .option(
        "--to <source>",
        "declarations | snapshot | embedded | postgres://URL | catalog.json (default: declarations)",
      )
      .option("--migrations-dir <dir>", "migration files (default: <repo>/packages/schema/migrations)")
      .option("--snapshot-dir <dir>", "Catalog snapshots (default: <migrations-dir>/meta)")
      .option("--embedded-dir <dir>", "data directory of the embedded database (default: <repo>/.data/pglite)")
      .option(
        "--declarations <module>",
        "declarations other than the platform's: a Catalog JSON file, or an ES module exporting `catalog` (or default)",
      )
      .addOption(
        new Option(
          "--vector <mode>",
          "platform variant: auto = as the database side can hold it (with pgvector when the server offers it); yes; no. --check uses yes (snapshots hold the full platform)",
        ).choices(["auto", "yes", "no"]),
      )
      .option("--json", "print one JSON document on stdout (the plan, or the check's problems)", false),
  run: async ({ options, output }) => (await import("../../drift/run.js")).runDiff(options, output),
};
