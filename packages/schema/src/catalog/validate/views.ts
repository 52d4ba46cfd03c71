/** Views: a definition, and dependencies on relations that exist. */
import { objectPath } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

export const checkViews = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.views.flatMap((v) => {
    const path = objectPath(v.schema, v.name);
    return [
      ...(v.definition.trim() === ""
        ? [error("empty-expression", path, `view ${path} has an empty definition`, "write its SELECT")]
        : []),
      ...(v.dependsOn ?? []).flatMap((d) =>
        ctx.relationExists(d.schema, d.name) || d.schema === "pg_catalog" || d.schema === "information_schema"
          ? []
          : [
              error(
                "unknown-relation",
                path,
                `view ${path} reads ${d.schema}.${d.name}, which is not declared`,
                "declare the table or view, or fix the reference",
              ),
            ],
      ),
    ];
  });
