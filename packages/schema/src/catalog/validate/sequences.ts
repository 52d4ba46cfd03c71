/** Sequences: bounds that hold together, and an owner column that exists. */
import { objectPath } from "../identity.js";
import { unknownColumns } from "./constraints.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

const RANGES = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

const big = (v: string | undefined): bigint | undefined => {
  if (v === undefined) return undefined;
  try {
    return BigInt(v);
  } catch {
    return undefined;
  }
};

export const checkSequences = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.sequences.flatMap((s) => {
    const path = objectPath(s.schema, s.name);
    const findings: Finding[] = [];
    for (const field of ["start", "increment", "min", "max", "cache"] as const) {
      if (s[field] !== undefined && big(s[field]) === undefined) {
        findings.push(
          error(
            "sequence-bounds",
            path,
            `sequence ${path} has ${field} = ${s[field]}, which is not an integer`,
            `write ${field} as an integer`,
          ),
        );
      }
    }
    const [typeMin, typeMax] = RANGES[s.type ?? "bigint"];
    const increment = big(s.increment) ?? 1n;
    const min = big(s.min) ?? (increment > 0n ? 1n : typeMin);
    const max = big(s.max) ?? (increment > 0n ? typeMax : -1n);
    const start = big(s.start) ?? (increment > 0n ? min : max);
    if (increment === 0n)
      findings.push(error("sequence-bounds", path, `sequence ${path} has increment 0`, "use a non-zero increment"));
    if (min >= max)
      findings.push(
        error(
          "sequence-bounds",
          path,
          `sequence ${path} has min ${min} not below max ${max}`,
          "make min less than max",
        ),
      );
    else if (start < min || start > max) {
      findings.push(
        error(
          "sequence-bounds",
          path,
          `sequence ${path} starts at ${start}, outside [${min}, ${max}]`,
          "start within min and max",
        ),
      );
    }
    if (min < typeMin || max > typeMax) {
      findings.push(
        error(
          "sequence-bounds",
          path,
          `sequence ${path} bounds [${min}, ${max}] exceed its type ${s.type ?? "bigint"}`,
          "narrow the bounds or widen the type",
        ),
      );
    }
    if (s.ownedBy) {
      const table = ctx.table(s.schema, s.ownedBy.table);
      if (!table) {
        findings.push(
          error(
            "unknown-table",
            path,
            `sequence ${path} is owned by ${s.schema}.${s.ownedBy.table}, which is not declared`,
            "declare the table, or fix ownedBy",
          ),
        );
      } else findings.push(...unknownColumns(table, [s.ownedBy.column], path, `sequence ${path} OWNED BY`));
    }
    return findings;
  });
