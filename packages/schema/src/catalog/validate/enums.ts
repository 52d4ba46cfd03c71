/** Enums need at least one value and no value twice. */
import { objectPath } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

export const checkEnums = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.enums.flatMap((e) => {
    const path = objectPath(e.schema, e.name);
    if (e.values.length === 0) {
      return [
        error("enum-empty", path, `enum ${path} has no values`, 'list its values: enumType(schema, name, ["a", "b"])'),
      ];
    }
    const seen = new Set<string>();
    return e.values.flatMap((v) => {
      if (!seen.has(v)) {
        seen.add(v);
        return [];
      }
      return [error("enum-duplicate-value", path, `enum ${path} lists value "${v}" twice`, `remove the second "${v}"`)];
    });
  });
