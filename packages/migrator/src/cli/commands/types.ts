import { isAbsolute, join, relative } from "node:path";
import type { ExitCode } from "../../errors/index.js";
import type { CommandSpec } from "../command.js";
import type { Output } from "../output.js";
import { findRepoRoot } from "../repo.js";

export interface TypesCommandOptions {
  /** compare instead of write: exit 1 when the file is stale or missing */
  readonly check?: boolean;
  /** the file to write or check (default: <repo>/packages/types/src/db.ts) */
  readonly out?: string;
  /** also lower and validate the whole declarations first (as `generate` does); exit 2 on an error */
  readonly validate?: boolean;
}

/**
 * `migrate types`: writes packages/types/src/db.ts (the Kysely `DB` interface) from the platform
 * declarations, no database needed. `--check` (CI) exits 1 when the file is stale, naming the file,
 * the first differing line and the fix; 0 when fresh. 2 when the declarations cannot be typed.
 *
 * It lowers only the row shapes the types are made of (`platformRelationShapes`: columns, keys,
 * views, enums, domains) from `@platform/schema/shapes`, which loads neither validation nor zod: a run is
 * mostly process start, and naming every constraint, validating the Catalog and loading zod took longer
 * than the rest.
 * `--validate` adds the full lowering and validation (`generate`, `diff --check` and the tests do it anyway).
 */
export const runTypesCommand = async (options: TypesCommandOptions, output: Output): Promise<ExitCode> => {
  // two chunks to load, not five: the small modules are static imports, the file helpers come with codegen
  const [schema, codegen] = await Promise.all([import("@platform/schema/shapes"), import("../../codegen/index.js")]);
  const root = findRepoRoot();
  const out = options.out === undefined ? join(root, "packages/types/src/db.ts") : options.out;
  const shown = isAbsolute(out) && !relative(root, out).startsWith("..") ? relative(root, out) : out;

  if (options.validate) {
    const { lowerPlatform } = await import("@platform/schema/core");
    const { findings } = lowerPlatform();
    for (const finding of findings) output.finding(finding);
    if (findings.some((f) => f.severity === "error")) return 2;
  }

  let content: string;
  try {
    content = codegen.generateTypes(schema.platformRelationShapes());
  } catch (error) {
    if (!(error instanceof codegen.CodegenError)) throw error;
    for (const issue of error.issues) output.finding({ ...issue, severity: "error" });
    return 2;
  }

  if (!options.check) {
    const result = await codegen.writeTypesFile(out, content);
    output.line(result === "written" ? `wrote ${shown}` : `${shown} is up to date`);
    if (output.json) output.document({ command: "types", file: shown, result, exitCode: 0 });
    return 0;
  }

  const state = await codegen.checkTypesFile(out, content);
  if (output.json)
    output.document({
      command: "types",
      check: true,
      file: shown,
      ...state,
      exitCode: state.state === "fresh" ? 0 : 1,
    });
  if (state.state === "fresh") {
    output.line(`${output.palette.green("✓")} ${shown} is up to date with the declarations`);
    return 0;
  }
  output.finding({
    code: `types_${state.state}`,
    severity: "error",
    path: shown,
    message:
      state.state === "missing"
        ? `${shown} does not exist`
        : `${shown} is stale: it does not match the declarations in @platform/schema (first difference at line ${state.line}: expected \`${state.expected.trim()}\`, found \`${state.actual.trim()}\`)`,
    fix: "pnpm migrate types",
  });
  return 1;
};

export const typesCommand: CommandSpec = {
  name: "types",
  summary: "write packages/types/src/db.ts (Kysely types) from the declarations; --check exits 1 when stale",
  configure: (command) =>
    command
      .option("--check", "do not write: exit 1 when the file is stale or missing (CI)", false)
      .option("--out <file>", "the file to write or check (default: <repo>/packages/types/src/db.ts)")
      .option("--validate", "also validate the whole declarations first, as generate does (exit 2 on an error)", false)
      .option("--json", "print one JSON document on stdout", false),
  run: ({ options, output }) =>
    runTypesCommand(
      {
        check: options.check === true,
        validate: options.validate === true,
        ...(typeof options.out === "string" ? { out: options.out } : {}),
      },
      output,
    ),
};
