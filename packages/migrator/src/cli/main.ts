#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { type ExitCode, isMigratorError } from "../errors/index.js";
import { commands } from "./commands/index.js";
import { createOutput } from "./output.js";

/**
 * `migrate <command>`: exit 0 ok, 1 a finding (pending/edited/missing migrations, a failed migration, drift),
 * 2 usage or environment (bad flags, bad migration files, unreachable server, lock wait expired).
 */
const main = async (argv: readonly string[]): Promise<ExitCode> => {
  let exitCode: ExitCode = 0;
  const program = new Command("migrate")
    .description("PostgreSQL migrations for platform-db: apply, revert, inspect")
    .showHelpAfterError("(run `migrate --help` for usage)")
    .addHelpText(
      "after",
      "\nWithout --database-url (or DATABASE_URL) commands use the embedded PGlite database in <repo>/.data/pglite.\n" +
        "Exit codes: 0 ok; 1 a finding (pending, edited or missing migrations, a failed migration, drift);\n" +
        "2 usage or environment (bad flags or files, unreachable server, missing extension, lock wait expired).",
    )
    .exitOverride();
  for (const spec of commands) {
    const command = spec.configure(program.command(spec.name).description(spec.summary)).exitOverride();
    command.action(async (...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      const options = self.opts();
      const output = createOutput(options.json === true);
      try {
        exitCode = await spec.run({ args: self.args, options, output });
      } catch (error) {
        if (!isMigratorError(error)) throw error;
        if (output.json) output.document({ command: spec.name, exitCode: error.exitCode, error: error.toFinding() });
        else output.finding(error.toFinding());
        exitCode = error.exitCode;
      }
    });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; everything else commander refuses is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    console.error(error);
    return 2;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  return exitCode;
};

// `migrate status | head` closes stdout early; that is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
