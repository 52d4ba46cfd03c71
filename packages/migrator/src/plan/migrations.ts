import type { Step, Timeouts } from "./step.js";

/** Steps that run as one migration file: in one transaction, or (transaction:false) statement by statement. */
export interface PlannedMigration {
  readonly transactional: boolean;
  readonly steps: readonly Step[];
}

/**
 * Cuts ordered steps into migrations. Consecutive transactional steps share one migration; each step
 * that cannot run in a transaction gets a `transaction:false` migration of its own (so a failure leaves
 * exactly one half-done step to look at), and the comments and grants that follow it join it.
 * A `"commit-after"` step (ADD VALUE) runs in a transactional migration that ends after it and the
 * steps like it that follow, so it is committed before any later step can use what it made.
 * The plan's order puts transactional steps first wherever dependencies allow, so most changes give
 * one migration (two when enum values are added), and lock-free index builds follow in their own.
 */
export const splitMigrations = (steps: readonly Step[]): PlannedMigration[] => {
  const out: Array<{ transactional: boolean; steps: Step[]; mustCommit: boolean }> = [];
  for (const step of steps) {
    const current = out[out.length - 1];
    const joins =
      current !== undefined &&
      (step.transactional === "any" ||
        (step.transactional === "commit-after" && current.transactional) ||
        (step.transactional === true && current.transactional && !current.mustCommit));
    if (current && joins) {
      current.steps.push(step);
      if (step.transactional === "commit-after") current.mustCommit = true;
    } else {
      out.push({
        transactional: step.transactional !== false,
        steps: [step],
        mustCommit: step.transactional === "commit-after",
      });
    }
  }
  return out.map(({ transactional, steps }) => ({ transactional, steps }));
};

export const formatDuration = (ms: number): string =>
  ms % 60_000 === 0 ? `${ms / 60_000}min` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;

/**
 * The SQL of a migration: timeouts first (`SET LOCAL` inside a transaction; plain `SET`, reset at the
 * end, outside one), then each step under a comment naming it and its hazards. The statement timeout
 * changes only where a step needs another one.
 */
export const renderMigrationSql = (migration: PlannedMigration): string => {
  const set = migration.transactional ? "SET LOCAL" : "SET";
  const lines: string[] = [];
  let current: Timeouts | undefined;
  for (const step of migration.steps) {
    if (!current || current.lockMs !== step.timeouts.lockMs) {
      lines.push(`${set} lock_timeout = '${formatDuration(step.timeouts.lockMs)}';`);
    }
    if (!current || current.statementMs !== step.timeouts.statementMs) {
      lines.push(`${set} statement_timeout = '${formatDuration(step.timeouts.statementMs)}';`);
    }
    current = step.timeouts;
    lines.push("", `-- ${oneLine(step.description)}`);
    for (const h of step.hazards) lines.push(`-- hazard ${h.type} at ${h.path}: ${oneLine(h.message)}`);
    lines.push(...step.statements);
  }
  if (!migration.transactional) lines.push("", "RESET lock_timeout;", "RESET statement_timeout;");
  return `${lines.join("\n")}\n`;
};

const oneLine = (s: string): string => s.replace(/\s+/g, " ");
