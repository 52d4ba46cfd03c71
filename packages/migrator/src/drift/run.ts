import { resolve } from "node:path";
import type { Catalog } from "@platform/schema";
import type { Output } from "../cli/output.js";
import { defaultEmbeddedDir, defaultMigrationsDir } from "../cli/repo.js";
import type { SqlClient } from "../db/index.js";
import { diff } from "../diff/index.js";
import type { ExitCode } from "../errors/index.js";
import { normalizeCatalog, sameExpression } from "../normalize/index.js";
import { planChanges, renderMigrationSql, splitMigrations } from "../plan/index.js";
import { declarationsSourceOf, loadDeclarations } from "../verify/declarations.js";
import { confirmThroughServer } from "../verify/deparse.js";
import { renderDriftText } from "../verify/format.js";
import { type CheckProblem, checkMigrations } from "./check.js";
import { type DiffSide, openDatabaseSide, parseSide, readSide, type SideContext } from "./sources.js";

const dirsOf = (options: Readonly<Record<string, unknown>>) => {
  const migrationsDir =
    typeof options.migrationsDir === "string" ? resolve(options.migrationsDir) : defaultMigrationsDir();
  const snapshotDir =
    typeof options.snapshotDir === "string" ? resolve(options.snapshotDir) : resolve(migrationsDir, "meta");
  const embeddedDir = typeof options.embeddedDir === "string" ? resolve(options.embeddedDir) : defaultEmbeddedDir();
  return { migrationsDir, snapshotDir, embeddedDir };
};

/** `migrate diff`: `--check` for CI, or the SQL between `--from` and `--to`. */
export const runDiff = async (options: Readonly<Record<string, unknown>>, output: Output): Promise<ExitCode> =>
  options.check === true ? runCheck(options, output) : runBetween(options, output);

const runCheck = async (options: Readonly<Record<string, unknown>>, output: Output): Promise<ExitCode> => {
  const dirs = dirsOf(options);
  // The snapshots hold the full platform (generate runs without a database): compare with that variant.
  const source = declarationsSourceOf({ ...options, vector: options.vector ?? "yes" });
  const declared = await loadDeclarations(source);
  const problems = await checkMigrations({ ...dirs, declared });
  const exitCode: ExitCode = problems.length === 0 ? 0 : 1;
  if (output.json) {
    output.document({ command: "diff", check: true, exitCode, problems });
    return exitCode;
  }
  for (const problem of problems) printProblem(problem, output);
  output.line(
    problems.length === 0
      ? `${output.palette.green("✓")} the migrations match the declarations and replay to their snapshots`
      : `diff --check: ${problems.length} problem(s): exit 1`,
  );
  return exitCode;
};

const printProblem = (problem: CheckProblem, output: Output): void => {
  output.finding({
    code: problem.code,
    severity: "error",
    path: problem.path,
    message: problem.message,
    fix: problem.fix,
  });
  if (problem.code === "migration_missing") {
    output.line(output.palette.dim("-- the SQL that has no migration yet:"));
    output.line(problem.sql.trimEnd());
  }
  if (problem.code === "migration_edited") {
    for (const d of problem.drift) output.line(renderDriftText(d, output.palette));
  }
};

const runBetween = async (options: Readonly<Record<string, unknown>>, output: Output): Promise<ExitCode> => {
  const from = parseSide("--from", (options.from as string | undefined) ?? "snapshot");
  const to = parseSide("--to", (options.to as string | undefined) ?? "declarations");
  const dirs = dirsOf(options);
  const declarations = declarationsSourceOf(options);
  const roles = (await loadDeclarations(declarations)).roles.map((r) => r.name);
  const fromClient = await openDatabaseSide(from, { ...dirs, declarations });
  let toClient: SqlClient | undefined;
  try {
    toClient = await openDatabaseSide(to, { ...dirs, declarations });
    const ctx = (peer: SqlClient | undefined): SideContext => ({
      ...dirs,
      declarations,
      ...(peer === undefined ? {} : { peer }),
    });
    const a = await readSide(from, ctx(toClient), fromClient, roles);
    const b = await readSide(to, ctx(fromClient), toClient, roles);
    const { source, target, changes } = await compare(
      normalizeCatalog(a.catalog),
      normalizeCatalog(b.catalog),
      fromClient,
      toClient,
    );
    const planned = planChanges(source, target, changes, { allowDestructive: true, lockSafe: true });
    const migrations = splitMigrations(planned.steps);
    if (output.json) {
      output.document({ command: "diff", from: a.label, to: b.label, plan: planned, migrations });
      return 0;
    }
    if (planned.steps.length === 0) {
      output.line(`-- no differences: ${a.label} → ${b.label}`);
      return 0;
    }
    output.line(`-- ${a.label} → ${b.label}: ${planned.steps.length} step(s)`);
    for (const [i, m] of migrations.entries()) {
      output.line(`\n-- part ${i + 1} of ${migrations.length}${m.transactional ? "" : " (outside a transaction)"}`);
      output.line(renderMigrationSql(m).trimEnd());
    }
    return 0;
  } finally {
    await fromClient?.close().catch(() => undefined);
    await toClient?.close().catch(() => undefined);
  }
};

/**
 * The changes from `source` to `target`. When one side is a live database, texts PostgreSQL rewrites
 * (view bodies) on the other side are deparsed by that server first, as verify does.
 */
const compare = async (
  source: Catalog,
  target: Catalog,
  sourceClient: SqlClient | undefined,
  targetClient: SqlClient | undefined,
) => {
  if (sourceClient !== undefined) {
    const confirmed = await confirmThroughServer(
      sourceClient,
      source,
      target,
      diff(source, target, { sameExpression }),
    );
    return { source, target: confirmed.expected, changes: confirmed.changes };
  }
  if (targetClient !== undefined) {
    const confirmed = await confirmThroughServer(
      targetClient,
      target,
      source,
      diff(target, source, { sameExpression }),
    );
    return { source: confirmed.expected, target, changes: diff(confirmed.expected, target, { sameExpression }) };
  }
  return { source, target, changes: diff(source, target, { sameExpression }) };
};

export type { DiffSide };
