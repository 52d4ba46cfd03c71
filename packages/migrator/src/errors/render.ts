import type { Finding } from "./migrator-error.js";

/** Colour functions are passed in so this module stays free of terminal concerns (and tests compare plain text). */
export interface Palette {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
}

export const plainPalette: Palette = { red: (s) => s, yellow: (s) => s, dim: (s) => s };

/**
 * `✖ <message>\n  → at <path>\n  fix: <fix>` — the one human rendering of a finding.
 */
export const renderFinding = (finding: Finding, palette: Palette = plainPalette): string => {
  const mark = finding.severity === "error" ? palette.red("✖") : palette.yellow("⚠");
  const lines = [`${mark} ${finding.message}`, palette.dim(`  → at ${finding.path}`)];
  if (finding.fix !== undefined) lines.push(`  fix: ${finding.fix}`);
  return lines.join("\n");
};

export const renderFindings = (findings: readonly Finding[], palette: Palette = plainPalette): string =>
  findings.map((finding) => renderFinding(finding, palette)).join("\n");
