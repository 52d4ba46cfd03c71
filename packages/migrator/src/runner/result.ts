import type { ExitCode, Finding } from "../errors/index.js";

export interface MigrationOutcome {
  readonly name: string;
  readonly direction: "up" | "down";
  /** wall time in ms; absent in a dry run */
  readonly ms?: number;
  /** the SQL that would run; only in a dry run */
  readonly sql?: string;
  readonly transactional: boolean;
}

/** What one `up`/`down` did on one database. Plain data: the CLI renders it as text or JSON. */
export interface RunResult {
  readonly target: string;
  readonly command: "up" | "down";
  readonly dryRun: boolean;
  readonly migrations: readonly MigrationOutcome[];
  /** migrations applied on the database after this run (as planned, in a dry run) */
  readonly appliedCount: number;
  /** migration files still pending after this run */
  readonly pendingCount: number;
  readonly findings: readonly Finding[];
  readonly exitCode: ExitCode;
}
