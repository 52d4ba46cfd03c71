import type { CommandSpec } from "../command.js";
import { addDatabaseOptions } from "../database-options.js";

/**
 * Exit code: 0 when every migration file is applied and intact; 1 when anything is pending, edited after it
 * was applied, missing its file, or interrupted — so CI can ask "is this database up to date?" with it.
 */
export const statusCommand: CommandSpec = {
  name: "status",
  summary: "list applied and pending migrations with timings (exit 1 if anything is pending or wrong)",
  configure: (command) => addDatabaseOptions(command),
  run: async ({ options, output }) => {
    const [{ onMigrationTargets }, { readStatus }, { renderStatus }] = await Promise.all([
      import("../on-targets.js"),
      import("../../runner/status.js"),
      import("../render-status.js"),
    ]);
    const { outcomes, exitCode } = await onMigrationTargets(options, output, ({ client, files }) =>
      readStatus(client, files),
    );
    renderStatus(outcomes, exitCode, output);
    return exitCode;
  },
};
