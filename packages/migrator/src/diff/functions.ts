import type { FunctionDef } from "@platform/schema";
import { functionSignature } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

export type FunctionChange =
  | { readonly kind: "function.create"; readonly function: FunctionDef }
  | { readonly kind: "function.drop"; readonly function: FunctionDef }
  /** same signature and result: `CREATE OR REPLACE FUNCTION` keeps the function's identity (and its dependents) */
  | { readonly kind: "function.replace"; readonly from: FunctionDef; readonly to: FunctionDef };

/**
 * Identity is the signature (input types). A different signature is a different function: the old one is
 * dropped and the new one created. A changed result type, argument names or defaults cannot be replaced
 * in place either, so those are dropped and created too.
 */
export const diffFunctions = (ctx: DiffContext): FunctionChange[] => {
  const { added, removed, kept } = matchByKey(ctx.from.functions, ctx.to.functions, functionSignature);
  const changed = kept.filter(([a, b]) => !sameFunction(ctx, a, b));
  const recreated = changed.filter(([a, b]) => !replaceable(a, b));
  const replaced = changed.filter(([a, b]) => replaceable(a, b));
  return [
    ...[...removed, ...recreated.map(([a]) => a)].map(
      (fn): FunctionChange => ({ kind: "function.drop", function: fn }),
    ),
    ...[...added, ...recreated.map(([, b]) => b)].map(
      (fn): FunctionChange => ({ kind: "function.create", function: fn }),
    ),
    ...replaced.map(([a, b]): FunctionChange => ({ kind: "function.replace", from: a, to: b })),
  ];
};

const sameFunction = (ctx: DiffContext, a: FunctionDef, b: FunctionDef): boolean =>
  sameData(omit(a, "comment", "grants", "body"), omit(b, "comment", "grants", "body")) &&
  ctx.sameExpression(a.body, b.body);

const replaceable = (a: FunctionDef, b: FunctionDef): boolean =>
  a.returns === b.returns &&
  a.language === b.language &&
  sameData(
    a.args.map((x) => omit(x, "default")),
    b.args.map((x) => omit(x, "default")),
  ) &&
  // PostgreSQL refuses to remove an argument default with CREATE OR REPLACE.
  a.args.every((x, i) => x.default === undefined || b.args[i]?.default !== undefined);
