import type { CommandSpec } from "../command.js";
import { addDatabaseOptions, addRunOptions, runSettingsFrom } from "../database-options.js";
import { parseCount } from "../durations.js";

export const downCommand: CommandSpec = {
  name: "down",
  summary: "revert the latest migration (or --steps N, or everything after --to NAME)",
  configure: (command) =>
    addRunOptions(addDatabaseOptions(command))
      .option("--to <name>", "revert every migration applied after this one (name or version; 0 = all)")
      .option("--steps <n>", "revert this many migrations (default 1)", parseCount(0)),
  run: async ({ options, output }) => {
    const [{ onMigrationTargets, describeEvent }, { migrateDown }, { renderRunOutcomes }] = await Promise.all([
      import("../on-targets.js"),
      import("../../runner/run.js"),
      import("../render-run.js"),
    ]);
    const { outcomes, exitCode } = await onMigrationTargets(options, output, ({ client, files, report }) =>
      migrateDown(client, files, {
        ...(options.to === undefined ? {} : { to: options.to as string }),
        ...(options.steps === undefined ? {} : { steps: options.steps as number }),
        dryRun: options.dryRun === true,
        settings: runSettingsFrom(options),
        listener: (event) => {
          const text = describeEvent(event, output);
          if (text !== undefined) report(text);
        },
      }),
    );
    renderRunOutcomes("down", outcomes, exitCode, output);
    return exitCode;
  },
};
