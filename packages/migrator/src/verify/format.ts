import { type Palette, plainPalette } from "../errors/index.js";
import type { Drift } from "./drift.js";

export type DriftFormat = "text" | "json" | "markdown";

/** A value as one short line: strings as they are, anything else as compact JSON. */
const brief = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
};

/** The drift's one-line message, with declared and actual values when they are short enough to read. */
export const driftHeadline = (d: Drift): string => {
  if (d.kind !== "changed") return d.message;
  const expected = brief(d.expected);
  const actual = brief(d.actual);
  if (expected === undefined && actual === undefined) return d.message;
  return `${d.message}: declared ${expected ?? "(none)"}, database has ${actual ?? "(none)"}`;
};

const indent = (text: string, prefix: string): string => text.split("\n").join(`\n${prefix}`);

/**
 * One drift as people read it (the finding shape every command prints):
 * `✖ column default differs: declared now(), database has (none)\n  → at auth.users.created_at\n  fix: ALTER TABLE ...`
 */
export const renderDriftText = (d: Drift, palette: Palette = plainPalette): string =>
  [
    `${palette.red("✖")} ${driftHeadline(d)}`,
    palette.dim(`  → at ${d.path}`),
    `  fix: ${indent(d.fix, "       ")}`,
  ].join("\n");

const cell = (value: string | undefined): string =>
  value === undefined ? "" : `\`${value.replaceAll("|", "\\|").replaceAll("`", "'")}\``;

/** A Markdown report (for a CI job summary or a pull-request comment). */
export const renderDriftMarkdown = (database: string, drift: readonly Drift[]): string => {
  if (drift.length === 0) return `### ✅ ${database} matches the declarations\n`;
  const rows = drift.map(
    (d) =>
      `| ${cell(d.path)} | ${d.object} | ${d.message} | ${cell(brief(d.expected))} | ${cell(brief(d.actual))} | ${cell(brief(d.fix))} |`,
  );
  return [
    `### ❌ ${drift.length} drift${drift.length === 1 ? "" : "s"} in ${database}`,
    "",
    "| path | object | drift | declared | database | fix |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
};

/** The JSON document of a verify run on one database. */
export const driftDocument = (database: string, drift: readonly Drift[]) => ({
  database,
  clean: drift.length === 0,
  drift,
});

/** The whole report in one format: text ends with a summary line. */
export const renderDrift = (
  format: DriftFormat,
  database: string,
  drift: readonly Drift[],
  palette: Palette = plainPalette,
): string => {
  if (format === "json") return JSON.stringify(driftDocument(database, drift), null, 2);
  if (format === "markdown") return renderDriftMarkdown(database, drift);
  const summary =
    drift.length === 0
      ? `✓ ${database} matches the declarations`
      : `${drift.length} drift${drift.length === 1 ? "" : "s"} in ${database}: exit 1`;
  return [...drift.map((d) => renderDriftText(d, palette)), summary].join("\n");
};
