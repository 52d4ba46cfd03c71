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

const escapeCell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** A Markdown table (errors first), e.g. for a CI comment. */
export const formatFindingsMarkdown = (findings: readonly Finding[]): string =>
  findings.length === 0
    ? "No findings."
    : [
        "| | path | problem | fix | code |",
        "| --- | --- | --- | --- | --- |",
        ...[...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")].map(
          (f) =>
            `| ${MARK[f.severity]} | \`${escapeCell(f.path)}\` | ${escapeCell(f.message)} | ${escapeCell(f.fix)} | ${f.code} |`,
        ),
      ].join("\n");
