import type { Finding } from "../errors/index.js";
import type { MigrationFile } from "../files/index.js";
import type { HistoryRow } from "./history.js";

/** Files and history side by side: the pure heart of `up`, `down` and `status`. */
export interface Reconciled {
  /** applied migrations in version order (the order they revert in, reversed), with their file if it exists */
  readonly applied: readonly { readonly row: HistoryRow; readonly file: MigrationFile | undefined }[];
  /** files not applied yet, in file order; includes interrupted ones (they run again after repair) */
  readonly pending: readonly MigrationFile[];
  /** `transaction:false` migrations a previous run died inside */
  readonly interrupted: readonly HistoryRow[];
  /** applied migrations whose file's checksum differs from the recorded one */
  readonly changed: readonly { readonly row: HistoryRow; readonly file: MigrationFile }[];
  /** applied migrations with no file */
  readonly missing: readonly HistoryRow[];
}

export const reconcile = (files: readonly MigrationFile[], history: readonly HistoryRow[]): Reconciled => {
  const byName = new Map(files.map((file) => [file.name, file]));
  const rows = new Map(history.map((row) => [row.name, row]));
  const applied = history
    .filter((row) => row.state === "applied")
    .sort(byVersion)
    .map((row) => ({ row, file: byName.get(row.name) }));
  return {
    applied,
    pending: files.filter((file) => rows.get(file.name)?.state !== "applied"),
    interrupted: history.filter((row) => row.state === "started"),
    changed: applied.flatMap(({ row, file }) =>
      file !== undefined && file.checksum !== row.checksum ? [{ row, file }] : [],
    ),
    missing: applied.flatMap(({ row, file }) => (file === undefined ? [row] : [])),
  };
};

/** Changed files are errors (refused before anything runs); missing files and interrupted runs are warnings. */
export const reconcileFindings = (reconciled: Reconciled, target: string): readonly Finding[] => [
  ...reconciled.changed.map(
    ({ row, file }): Finding => ({
      code: "checksum_mismatch",
      severity: "error",
      path: file.path,
      message: `applied migration ${file.name} was edited after it ran on ${target}: recorded checksum ${row.checksum}, file now ${file.checksum}`,
      fix: `restore ${file.path} to what was applied (git log -p -- ${file.path}) and put the change in a new migration`,
    }),
  ),
  ...reconciled.missing.map(
    (row): Finding => ({
      code: "migration_file_missing",
      severity: "warning",
      path: `${target} ${row.name}`,
      message: `migration ${row.name} is applied on ${target} (${row.appliedAt}) but its file is not in the migrations directory`,
      fix: "restore the file (is this checkout older than the database?), or if it was removed on purpose, delete its row from platform_migrator.history",
    }),
  ),
  ...reconciled.interrupted.map(
    (row): Finding => ({
      code: "migration_interrupted",
      severity: "warning",
      path: `${target} ${row.name}`,
      message: `transaction:false migration ${row.name} started at ${row.appliedAt} and never finished on ${target}`,
      fix: "run `migrate up`: it drops the INVALID indexes the migration left and runs it again",
    }),
  ),
];

/** Version order, as files are ordered; history names always start with the file's version digits. */
const byVersion = (a: HistoryRow, b: HistoryRow): number => {
  const x = BigInt(/^\d+/.exec(a.name)?.[0] ?? "0");
  const y = BigInt(/^\d+/.exec(b.name)?.[0] ?? "0");
  return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
};
