import type { MigrationState, StatusResult } from "../runner/status.js";
import type { TargetOutcome } from "./on-targets.js";
import type { Output } from "./output.js";

export const renderStatus = (
  outcomes: readonly TargetOutcome<StatusResult>[],
  exitCode: number,
  output: Output,
): void => {
  if (output.json) {
    output.document({
      command: "status",
      exitCode,
      results: outcomes.map((outcome) =>
        outcome.ok
          ? { ...outcome.result, ok: true }
          : { target: outcome.target, ok: false, exitCode: outcome.exitCode, error: outcome.error },
      ),
    });
    return;
  }
  const { palette } = output;
  const marks: Record<MigrationState, string> = {
    applied: palette.green("✓"),
    pending: palette.dim("·"),
    interrupted: palette.yellow("!"),
    changed: palette.red("✖"),
    "missing-file": palette.yellow("?"),
  };
  for (const outcome of outcomes) {
    output.line(palette.bold(outcome.target));
    if (!outcome.ok) {
      output.finding(outcome.error);
      continue;
    }
    const width = Math.max(0, ...outcome.result.migrations.map((migration) => migration.name.length));
    for (const migration of outcome.result.migrations) {
      const when =
        migration.appliedAt === undefined
          ? ""
          : `  ${migration.appliedAt}${migration.durationMs === undefined ? "" : `  ${migration.durationMs} ms`}`;
      output.line(`  ${marks[migration.state]} ${migration.name.padEnd(width)}  ${migration.state.padEnd(12)}${when}`);
    }
    const pending = outcome.result.migrations.filter((migration) => migration.state === "pending").length;
    const applied = outcome.result.migrations.filter((migration) => migration.state === "applied").length;
    output.line(`  ${applied} applied, ${pending} pending`);
    for (const finding of outcome.result.findings) output.finding(finding);
  }
};
