import type { Finding } from "./finding.js";

const MARK = { error: "✖", warning: "⚠" } as const;

/**
 * Human text, errors first, each as
 * `✖ <message> [code]\n  → at <path>\n  fix: <fix>`.
 */
export const formatFinding = (finding: Finding): string =>
  `${MARK[finding.severity]} ${finding.message} [${finding.code}]\n  → at ${finding.path}\n  fix: ${finding.fix}`;

export const formatFindings = (findings: readonly Finding[]): string =>
  [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")]
    .map(formatFinding)
    .join("\n");
