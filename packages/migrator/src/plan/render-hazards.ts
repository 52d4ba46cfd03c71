import type { Step } from "./step.js";

/**
 * Hazards as text, one line each, in plan order: `⚠ data-loss at auth.users.email: the column and its
 * values are deleted (drop column auth.users.email)`. Empty string when there are none.
 */
export const renderHazards = (steps: readonly Step[]): string =>
  steps
    .flatMap((step) => step.hazards.map((h) => `⚠ ${h.type} at ${h.path}: ${h.message} (${step.description})`))
    .join("\n");
