import type { Command } from "commander";
import type { ExitCode } from "../errors/index.js";
import type { Output } from "./output.js";

/**
 * One CLI command. A command lives in one file under `commands/` and is listed once in `commands/index.ts`.
 * `configure` adds its arguments and options to the commander command; `run` does the work and returns the
 * exit code. Heavy modules (pg, PGlite, umzug, the diff engine) are imported inside `run`, never at the top of
 * the file, so `migrate --help` and every other command start fast.
 *
 * @example
 * export const verifyCommand: CommandSpec = {
 *   name: "verify",
 *   summary: "compare the live database with the declarations",
 *   configure: (command) => addDatabaseOptions(command).option("--markdown", "print drift as Markdown"),
 *   run: async ({ options, output }) => (await import("../../verify/index.js")).runVerify(options, output),
 * };
 */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly configure: (command: Command) => Command;
  readonly run: (invocation: Invocation) => Promise<ExitCode>;
}

export interface Invocation {
  /** positional arguments, in order */
  readonly args: readonly string[];
  /** parsed options, camelCased by commander (`--database-url` → `databaseUrl`) */
  readonly options: Readonly<Record<string, unknown>>;
  readonly output: Output;
}
