/** Domains: a collation that exists and checks that say something. */
import { objectPath } from "../identity.js";
import { collationFindings } from "./columns.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

export const checkDomains = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.domains.flatMap((d) => {
    const path = objectPath(d.schema, d.name);
    return [
      ...collationFindings(ctx, d.collation, path),
      ...(d.checks ?? []).flatMap((c) =>
        c.expression.trim() === ""
          ? [
              error(
                "empty-expression",
                objectPath(path, c.name),
                `check ${c.name} of domain ${path} is empty`,
                "write the condition on VALUE",
              ),
            ]
          : [],
      ),
    ];
  });
