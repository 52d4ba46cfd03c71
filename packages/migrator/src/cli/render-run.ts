import type { RunResult } from "../runner/result.js";
import type { TargetOutcome } from "./on-targets.js";
import type { Output } from "./output.js";

/** Prints what `up`/`down` did per database, then (for fleets) one summary line per database; or one JSON document. */
export const renderRunOutcomes = (
  command: "up" | "down",
  outcomes: readonly TargetOutcome<RunResult>[],
  exitCode: number,
  output: Output,
): void => {
  if (output.json) {
    output.document({
      command,
      exitCode,
      results: outcomes.map((outcome) =>
        outcome.ok
          ? { ...outcome.result, ok: true }
          : { target: outcome.target, ok: false, exitCode: outcome.exitCode, error: outcome.error },
      ),
    });
    return;
  }
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      output.finding(outcome.error);
      continue;
    }
    const result = outcome.result;
    if (result.dryRun) {
      for (const migration of result.migrations) {
        output.line(
          output.palette.dim(
            `-- ${migration.name} (${migration.direction}${migration.transactional ? ", in a transaction" : ", transaction:false"})`,
          ),
        );
        output.line(migration.sql?.trim() ?? "");
        output.line("");
      }
    }
    for (const finding of result.findings) output.finding(finding);
    output.line(summaryOf(command, result, outcomes.length > 1));
  }
  if (outcomes.length > 1) {
    output.line(output.palette.bold(`\n${command}: ${outcomes.length} databases`));
    for (const outcome of outcomes) {
      const mark = outcome.exitCode === 0 ? output.palette.green("✓") : output.palette.red("✖");
      output.line(
        `  ${mark} ${outcome.target}  ${outcome.ok ? summaryOf(command, outcome.result, false) : `${outcome.error.code}: ${outcome.error.message}`}`,
      );
    }
  }
};

const summaryOf = (command: "up" | "down", result: RunResult, withTarget: boolean): string => {
  const where = withTarget ? `${result.target}: ` : "";
  const count = result.migrations.length;
  const ms = result.migrations.reduce((sum, migration) => sum + (migration.ms ?? 0), 0);
  if (count === 0) {
    if (command === "down") return `${where}nothing to revert`;
    return result.pendingCount === 0
      ? `${where}nothing to do: all ${result.appliedCount} migration(s) are applied`
      : `${where}nothing to do up to --to; ${result.appliedCount} applied, ${result.pendingCount} pending`;
  }
  const verb = result.dryRun ? "would " : "";
  const action = command === "up" ? `${verb}apply` : `${verb}revert`;
  const done = result.dryRun
    ? `${where}dry run: ${action} ${count} migration(s); nothing was changed`
    : `${where}${command === "up" ? "applied" : "reverted"} ${count} migration(s) in ${ms} ms`;
  return `${done}; ${result.appliedCount} applied, ${result.pendingCount} pending`;
};
