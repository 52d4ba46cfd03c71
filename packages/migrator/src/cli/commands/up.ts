import { Option } from "commander";
import type { CommandSpec } from "../command.js";
import { addDatabaseOptions, addRunOptions, runSettingsFrom } from "../database-options.js";

export const upCommand: CommandSpec = {
  name: "up",
  summary: "apply pending migrations, then run the after-up checks (verify)",
  configure: (command) =>
    addRunOptions(addDatabaseOptions(command))
      .option("--to <name>", "apply up to and including this migration (name or version)")
      .option("--no-verify", "skip the checks that run after applying")
      .option(
        "--declarations <module>",
        "verify against these declarations instead of the platform's (Catalog JSON file or ES module exporting `catalog`)",
      )
      .addOption(
        new Option("--vector <mode>", "platform variant to verify against: auto (pgvector when offered), yes, no")
          .choices(["auto", "yes", "no"])
          .default("auto"),
      ),
  run: async ({ options, output }) => {
    const [{ onMigrationTargets, describeEvent }, { migrateUp }, { afterUpChecks }, { renderRunOutcomes }] =
      await Promise.all([
        import("../on-targets.js"),
        import("../../runner/run.js"),
        import("../after-up.js"),
        import("../render-run.js"),
      ]);
    const afterUp =
      options.verify === false || options.dryRun === true
        ? []
        : await Promise.all(afterUpChecks.map((entry) => entry.load(options)));
    const { outcomes, exitCode } = await onMigrationTargets(options, output, ({ client, files, report }) =>
      migrateUp(client, files, {
        ...(options.to === undefined ? {} : { to: options.to as string }),
        dryRun: options.dryRun === true,
        settings: runSettingsFrom(options),
        afterUp,
        listener: (event) => {
          const text = describeEvent(event, output);
          if (text !== undefined) report(text);
        },
      }),
    );
    renderRunOutcomes("up", outcomes, exitCode, output);
    return exitCode;
  },
};
