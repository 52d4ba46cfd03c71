import type { CommandSpec } from "../command.js";
import { downCommand } from "./down.js";
import { statusCommand } from "./status.js";
import { upCommand } from "./up.js";

/**
 * Every CLI command, in help order. A new command (generate, verify, diff, pull, types) is one file in this
 * folder exporting a `CommandSpec`, plus one entry here.
 */
export const commands: readonly CommandSpec[] = [upCommand, downCommand, statusCommand];
