/** Triggers: a declared function returning `trigger`, and a timing/level/event combination PostgreSQL accepts. */
import { objectPath } from "../identity.js";
import { unknownColumns } from "./constraints.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

export const checkTriggers = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.tables.flatMap((t) =>
    (t.triggers ?? []).flatMap((g) => {
      const path = objectPath(t.schema, t.name, g.name);
      const fn = `${g.function.schema}.${g.function.name}`;
      const findings: Finding[] = [];
      const candidates = ctx
        .functions(g.function.schema, g.function.name)
        .filter((f) => f.args.every((a) => a.mode === "out"));
      const [target] = candidates;
      if (!target) {
        findings.push(
          error(
            "unknown-function",
            path,
            `trigger ${g.name} executes ${fn}(), which is not declared`,
            `declare it: triggerFunction("${g.function.schema}", "${g.function.name}", ...)`,
          ),
        );
      } else if (target.returns.trim().toLowerCase() !== "trigger") {
        findings.push(
          error(
            "trigger-function-returns",
            path,
            `trigger ${g.name} executes ${fn}(), which returns ${target.returns}, not trigger`,
            `declare ${fn} with returns: "trigger" (triggerFunction(...))`,
          ),
        );
      }
      if (g.events.length === 0) {
        findings.push(
          error("trigger-events", path, `trigger ${g.name} fires on no events`, "list insert/update/delete/truncate"),
        );
      }
      if (g.timing === "instead of") {
        findings.push(
          error(
            "trigger-timing",
            path,
            `trigger ${g.name} is INSTEAD OF, which only views can have`,
            "use before or after",
          ),
        );
      }
      if (g.events.includes("truncate") && g.level === "row") {
        findings.push(
          error(
            "trigger-timing",
            path,
            `trigger ${g.name} fires FOR EACH ROW on TRUNCATE, which only statement triggers can`,
            'use level: "statement"',
          ),
        );
      }
      if (g.updateOf?.length) {
        if (!g.events.includes("update")) {
          findings.push(
            error(
              "trigger-events",
              path,
              `trigger ${g.name} lists UPDATE OF columns but does not fire on update`,
              "add the update event, or drop updateOf",
            ),
          );
        }
        findings.push(...unknownColumns(t, g.updateOf, path, `trigger ${g.name} UPDATE OF`));
      }
      if (g.when !== undefined && g.level === "statement" && /\b(new|old)\b/i.test(g.when)) {
        findings.push(
          error("trigger-when", path, `statement trigger ${g.name} refers to NEW/OLD in WHEN`, 'use level: "row"'),
        );
      }
      return findings;
    }),
  );
