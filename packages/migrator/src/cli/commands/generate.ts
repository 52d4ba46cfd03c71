import type { CommandSpec } from "../command.js";

/**
 * `migrate generate <name>`: diff the declarations against the latest snapshot and write the next
 * migration(s) and snapshot. No database. Exit 0 (written, or nothing to do), 1 when destructive steps
 * are refused, 2 on usage errors.
 */
export const generateCommand: CommandSpec = {
  name: "generate",
  summary: "write the next migration from the declarations (no database needed)",
  configure: (command) =>
    command
      .argument("<name>", "migration name, e.g. add_user_email")
      .option("--migrations-dir <dir>", "migration files (default: <repo>/packages/schema/migrations)")
      .option("--snapshot-dir <dir>", "Catalog snapshots (default: <migrations-dir>/meta)")
      .option("--catalog <file>", "declarations as Catalog JSON (default: the platform declarations)")
      .option("--allow-destructive", "allow steps that delete data (dropped tables, columns, enum values)", false)
      .option("--dry-run", "print what would be written; write nothing", false)
      .option("--json", "print one JSON document on stdout", false),
  run: async ({ args, options, output }) => {
    const { runGenerate } = await import("../../generate/run.js");
    return runGenerate(
      {
        name: args[0] as string,
        ...(typeof options.migrationsDir === "string" ? { migrationsDir: options.migrationsDir } : {}),
        ...(typeof options.snapshotDir === "string" ? { snapshotDir: options.snapshotDir } : {}),
        ...(typeof options.catalog === "string" ? { catalogFile: options.catalog } : {}),
        allowDestructive: options.allowDestructive === true,
        dryRun: options.dryRun === true,
      },
      output,
    );
  },
};
