import type { CommandSpec } from "../command.js";
import { diffCommand } from "./diff.js";
import { downCommand } from "./down.js";
import { generateCommand } from "./generate.js";
import { pullCommand } from "./pull.js";
import { statusCommand } from "./status.js";
import { typesCommand } from "./types.js";
import { upCommand } from "./up.js";
import { verifyCommand } from "./verify.js";

/**
 * Every CLI command, in help order. A new command (verify, diff, pull) is one file in this
 * folder exporting a `CommandSpec`, plus one entry here.
 */
export const commands: readonly CommandSpec[] = [
  upCommand,
  downCommand,
  statusCommand,
  generateCommand,
  typesCommand,
  verifyCommand,
  diffCommand,
  pullCommand,
];
