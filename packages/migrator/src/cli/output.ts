import pc from "picocolors";
import { type Finding, type Palette, renderFinding } from "../errors/index.js";

/**
 * Where a command writes. Human text goes to stdout; with `--json` stdout carries exactly one JSON document
 * and progress moves to stderr, so `migrate status --json | jq` works.
 */
export interface Output {
  readonly json: boolean;
  readonly palette: Palette & { readonly green: (s: string) => string; readonly bold: (s: string) => string };
  /** a result line (stdout in human mode) */
  line(text: string): void;
  /** progress and diagnostics (stdout in human mode, stderr with --json) */
  progress(text: string): void;
  finding(finding: Finding): void;
  /** the one JSON document of a --json run */
  document(value: unknown): void;
}

export const createOutput = (json: boolean): Output => {
  const colour = pc.createColors(process.stdout.isTTY === true && !("NO_COLOR" in process.env));
  const palette = { red: colour.red, yellow: colour.yellow, dim: colour.dim, green: colour.green, bold: colour.bold };
  const progress = (text: string): void => {
    (json ? process.stderr : process.stdout).write(`${text}\n`);
  };
  return {
    json,
    palette,
    line: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    progress,
    finding: (finding) => {
      const text = renderFinding(finding, palette);
      (json || finding.severity === "error" ? process.stderr : process.stdout).write(`${text}\n`);
    },
    document: (value) => {
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
};
