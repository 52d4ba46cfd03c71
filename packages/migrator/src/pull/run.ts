/**
 * `migrate pull`: introspect one database and write its declarations into a directory. Exit 0 written,
 * 2 on usage errors (a non-empty directory without --force, a bad --schemas) and connection errors.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Output } from "../cli/output.js";
import type { ExitCode, Finding } from "../errors/index.js";
import { isMigratorError } from "../errors/index.js";

export interface PullCommandOptions {
  readonly databaseUrl?: string;
  readonly embeddedDir?: string;
  readonly out: string;
  readonly schemas?: readonly string[];
  readonly force: boolean;
  readonly importFrom?: string;
}

const usage = (path: string, message: string, fix: string): Finding => ({
  code: "usage",
  severity: "error",
  path,
  message,
  fix,
});

/** Options as commander parsed them → the command's options, or the usage error. */
export const pullOptionsFrom = (options: Readonly<Record<string, unknown>>): PullCommandOptions | Finding => {
  const schemas =
    typeof options.schemas === "string"
      ? options.schemas
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "")
      : undefined;
  if (schemas !== undefined && schemas.length === 0) {
    return usage("--schemas", "--schemas names no schema", "pass a comma-separated list: --schemas auth,data_platform");
  }
  return {
    out: resolve(typeof options.out === "string" ? options.out : "pulled"),
    force: options.force === true,
    ...(typeof options.databaseUrl === "string" ? { databaseUrl: options.databaseUrl } : {}),
    ...(typeof options.embeddedDir === "string" ? { embeddedDir: options.embeddedDir } : {}),
    ...(schemas ? { schemas } : {}),
    ...(typeof options.importFrom === "string" ? { importFrom: options.importFrom } : {}),
  };
};

const isNonEmptyDir = async (dir: string): Promise<boolean> => {
  try {
    return (await readdir(dir)).length > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
};

export const runPull = async (raw: Readonly<Record<string, unknown>>, output: Output): Promise<ExitCode> => {
  const parsed = pullOptionsFrom(raw);
  if ("code" in parsed) return fail(output, parsed);
  const options = parsed;
  const inside = relative(process.cwd(), options.out);
  const shown = inside === "" ? "." : inside.startsWith("..") ? options.out : inside;
  if (!options.force && (await isNonEmptyDir(options.out))) {
    return fail(
      output,
      usage(
        shown,
        `${shown} is not empty; pull would overwrite what is there`,
        "pass an empty or new --out directory, or --force to write into this one",
      ),
    );
  }

  const { openTarget, labelOf, resolveTargets } = await import("../cli/targets.js");
  const [target] = await resolveTargets({
    ...(options.databaseUrl !== undefined ? { databaseUrl: [options.databaseUrl] } : {}),
    ...(options.embeddedDir !== undefined ? { embeddedDir: options.embeddedDir } : {}),
  });
  if (target === undefined) throw new Error("resolveTargets returned no target");
  const label = await labelOf(target);
  let catalog: import("@platform/schema").Catalog;
  try {
    const client = await openTarget(target);
    try {
      const { introspect } = await import("../introspect/index.js");
      catalog = await introspect(client, options.schemas ? { schemas: options.schemas } : {});
    } finally {
      await client.close().catch(() => undefined);
    }
  } catch (error) {
    if (isMigratorError(error)) return fail(output, error.toFinding());
    return fail(output, {
      code: "pull_failed",
      severity: "error",
      path: label,
      message: `reading ${label} failed: ${error instanceof Error ? error.message : String(error)}`,
      fix: "check the URL and that the role may read the system catalogs; run again with DEBUG=1 for the stack",
    });
  }

  const { pullDeclarations } = await import("./index.js");
  const pulled = pullDeclarations(catalog, {
    source: label,
    ...(options.importFrom !== undefined ? { importFrom: options.importFrom } : {}),
  });
  await mkdir(options.out, { recursive: true });
  for (const [file, source] of pulled.files) await writeFile(join(options.out, file), source);
  for (const warning of pulled.warnings) {
    output.finding({
      code: "pull_incomplete",
      severity: "warning",
      path: warning.split(":")[0] ?? shown,
      message: warning,
      fix: "pull the missing schema too (--schemas), or declare the object by hand",
    });
  }
  if (output.json) {
    output.document({
      command: "pull",
      database: label,
      out: shown,
      files: [...pulled.files.keys()],
      warnings: pulled.warnings,
      exitCode: 0,
    });
  } else {
    for (const file of pulled.files.keys()) output.line(`wrote ${join(shown, file)}`);
    output.line(
      `${output.palette.green("✓")} pulled ${counts(catalog)} from ${label}; import { catalog } from "${importPath(join(shown, "index.js"))}"`,
    );
  }
  return 0;
};

const counts = (c: import("@platform/schema").Catalog): string =>
  [
    [c.schemas.length, "schema"],
    [c.tables.length, "table"],
    [c.views.length, "view"],
    [c.functions.length, "function"],
  ]
    .map(([n, what]) => `${n} ${what}${n === 1 ? "" : "s"}`)
    .join(", ");

const fail = (output: Output, finding: Finding): ExitCode => {
  if (output.json) output.document({ command: "pull", exitCode: 2, error: finding });
  else output.finding(finding);
  return 2;
};

/** How an import names the written file: relative paths start with `./`, absolute ones stay as they are. */
const importPath = (path: string): string => (isAbsolute(path) || path.startsWith(".") ? path : `./${path}`);
