/** Rename hints (`renamedFrom`) must name something the declaration no longer has, or the diff is ambiguous. */
import { objectPath } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

export const checkRenames = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.tables.flatMap((t) => {
    const path = objectPath(t.schema, t.name);
    const findings: Finding[] = [];
    if (t.renamedFrom !== undefined && (t.renamedFrom === t.name || ctx.relationExists(t.schema, t.renamedFrom))) {
      findings.push(
        error(
          "rename-conflict",
          path,
          `table ${path} is renamed from ${t.renamedFrom}, but ${t.schema}.${t.renamedFrom} is still declared`,
          "drop the renamedFrom hint, or the other declaration",
        ),
      );
    }
    const names = new Set(t.columns.map((c) => c.name));
    for (const c of t.columns) {
      if (c.renamedFrom !== undefined && names.has(c.renamedFrom)) {
        findings.push(
          error(
            "rename-conflict",
            objectPath(path, c.name),
            `column ${c.name} is renamed from ${c.renamedFrom}, but ${path} still declares a column ${c.renamedFrom}`,
            "drop the renamedFrom hint, or the other column",
          ),
        );
      }
    }
    const sources = t.columns.flatMap((c) => (c.renamedFrom !== undefined ? [c] : []));
    sources.forEach((c, i) => {
      const earlier = sources.slice(0, i).find((o) => o.renamedFrom === c.renamedFrom);
      if (earlier) {
        findings.push(
          error(
            "rename-conflict",
            objectPath(path, c.name),
            `columns ${earlier.name} and ${c.name} are both renamed from ${c.renamedFrom}`,
            "keep the hint on the one column that was renamed",
          ),
        );
      }
    });
    return findings;
  });
