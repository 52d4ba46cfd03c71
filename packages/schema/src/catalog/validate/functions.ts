/** Functions: trigger functions take no arguments; SECURITY DEFINER pins its search_path; bodies are not empty. */
import { functionSignature } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding, warning } from "./finding.js";

export const checkFunctions = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.functions.flatMap((f) => {
    const path = functionSignature(f);
    const findings: Finding[] = [];
    if (f.returns.trim().toLowerCase() === "trigger" && f.args.some((a) => a.mode !== "out")) {
      findings.push(
        error(
          "trigger-function-args",
          path,
          `trigger function ${path} declares arguments; trigger functions take none (use TG_ARGV)`,
          "drop the args; pass values as trigger args",
        ),
      );
    }
    if (f.securityDefiner && f.searchPath === undefined) {
      findings.push(
        warning(
          "security-definer-search-path",
          path,
          `SECURITY DEFINER function ${path} does not set search_path, so a caller's objects can shadow the ones it uses`,
          'set searchPath: "pg_catalog, public" (or "")',
        ),
      );
    }
    if (f.body.trim() === "") {
      findings.push(error("empty-expression", path, `function ${path} has an empty body`, "write the body"));
    }
    let defaults = false;
    for (const a of f.args) {
      if (a.mode === "out") continue;
      if (a.default !== undefined) defaults = true;
      else if (defaults) {
        findings.push(
          error(
            "function-argument-default",
            path,
            `argument ${a.name ?? a.type} of ${path} has no default but follows one that does`,
            "give it a default, or move it before the defaulted arguments",
          ),
        );
        break;
      }
    }
    return findings;
  });
