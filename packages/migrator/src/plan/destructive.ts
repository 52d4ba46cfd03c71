import { MigratorError } from "../errors/index.js";
import type { Step } from "./step.js";

/** One refused step: where, and what would be lost. */
export interface DestructiveStep {
  readonly path: string;
  readonly description: string;
  readonly message: string;
}

/**
 * The plan deletes data and the caller did not allow it. Carries every such step as data; the message
 * lists them all, so one run shows everything that needs a decision.
 */
export class DestructiveChangesError extends MigratorError {
  readonly steps: readonly DestructiveStep[];
  constructor(steps: readonly DestructiveStep[]) {
    super({
      code: "destructive_changes",
      path: steps.map((s) => s.path).join(", "),
      message: [
        `the migration would delete data in ${steps.length} step${steps.length === 1 ? "" : "s"}:`,
        ...steps.map((s) => `  - ${s.path}: ${s.description} (${s.message})`),
      ].join("\n"),
      fix: "if the data may go, run again with --allow-destructive; to keep it, add a renamedFrom hint or restore the declaration",
      exitCode: 1,
    });
    this.name = "DestructiveChangesError";
    this.steps = steps;
  }
}

export const destructiveSteps = (steps: readonly Step[]): DestructiveStep[] => {
  const out: DestructiveStep[] = [];
  for (const step of steps) {
    for (const h of step.hazards) {
      if (h.type === "data-loss") out.push({ path: h.path, description: step.description, message: h.message });
    }
  }
  return out;
};
