import type { SqlClient } from "../db/index.js";
import type { ExitCode, Finding } from "../errors/index.js";
import type { MigrationFile } from "../files/index.js";
import { readHistory } from "./history.js";
import { reconcile, reconcileFindings } from "./reconcile.js";

export type MigrationState = "applied" | "pending" | "interrupted" | "changed" | "missing-file";

export interface MigrationStatus {
  readonly name: string;
  readonly state: MigrationState;
  readonly appliedAt?: string;
  readonly durationMs?: number;
  readonly appliedBy?: string;
  readonly transactional: boolean;
}

export interface StatusResult {
  readonly target: string;
  readonly migrations: readonly MigrationStatus[];
  readonly findings: readonly Finding[];
  /** 0 when everything is applied and intact; 1 when anything is pending, changed, missing or interrupted */
  readonly exitCode: ExitCode;
}

/** Reads history (no lock: it changes nothing) and lines it up with the files. */
export const readStatus = async (client: SqlClient, files: readonly MigrationFile[]): Promise<StatusResult> => {
  const history = await readHistory(client);
  const reconciled = reconcile(files, history);
  const changed = new Set(reconciled.changed.map(({ row }) => row.name));
  const interrupted = new Set(reconciled.interrupted.map((row) => row.name));
  const rows = new Map(history.map((row) => [row.name, row]));
  const fromFiles = files.map((file): MigrationStatus => {
    const row = rows.get(file.name);
    const state: MigrationState = changed.has(file.name)
      ? "changed"
      : interrupted.has(file.name)
        ? "interrupted"
        : row === undefined
          ? "pending"
          : "applied";
    return {
      name: file.name,
      state,
      ...(row === undefined
        ? {}
        : {
            appliedAt: row.appliedAt,
            ...(row.durationMs === null ? {} : { durationMs: row.durationMs }),
            appliedBy: row.appliedBy,
          }),
      transactional: row?.transactional ?? file.up.transaction,
    };
  });
  const missing = reconciled.missing.map(
    (row): MigrationStatus => ({
      name: row.name,
      state: "missing-file",
      appliedAt: row.appliedAt,
      ...(row.durationMs === null ? {} : { durationMs: row.durationMs }),
      appliedBy: row.appliedBy,
      transactional: row.transactional,
    }),
  );
  const findings = [
    ...reconcileFindings(reconciled, client.label),
    ...(reconciled.pending.length === 0
      ? []
      : [
          {
            code: "migrations_pending",
            severity: "warning",
            path: client.label,
            message: `${reconciled.pending.length} migration(s) pending on ${client.label}, first ${reconciled.pending[0]?.name}`,
            fix: "run `migrate up`",
          } satisfies Finding,
        ]),
  ];
  return {
    target: client.label,
    migrations: [...fromFiles, ...missing],
    findings,
    exitCode: findings.length === 0 ? 0 : 1,
  };
};
