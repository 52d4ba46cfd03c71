import type { FunctionDef } from "@platform/schema";
import { functionSignature } from "@platform/schema";
import { createFunction, dropFunction } from "../sql/functions.js";
import { roleId, schemaId } from "./ids.js";
import { expressionRefs, type References, typeRefs } from "./references.js";
import type { Planner } from "./step.js";

const id = (fn: FunctionDef) => `function:${functionSignature(fn)}`;

/**
 * SQL-language bodies are checked when the function is created, so what they read must exist first;
 * plpgsql bodies are only checked when called, and are not read for dependencies.
 */
const refsOf = (refs: References, fn: FunctionDef): string[] =>
  [
    schemaId(fn.schema),
    ...fn.args.flatMap((a) => [...typeRefs(refs, a.type), ...expressionRefs(refs, a.default)]),
    ...typeRefs(refs, fn.returns.replace(/^setof\s+/i, "")),
    ...(fn.language === "sql" ? expressionRefs(refs, fn.body) : []),
  ].filter((x) => x !== id(fn));

export const planFunctionCreate: Planner<"function.create"> = ({ function: fn }, ctx) => [
  {
    description: `create function ${functionSignature(fn)}`,
    statements: [createFunction(fn)],
    creates: [id(fn)],
    needs: refsOf(ctx.refsTo, fn),
  },
];

export const planFunctionDrop: Planner<"function.drop"> = ({ function: fn }, ctx) => [
  {
    description: `drop function ${functionSignature(fn)}`,
    statements: [dropFunction(fn)],
    drops: [id(fn)],
    releases: [...refsOf(ctx.refsFrom, fn), ...(fn.grants ?? []).map((g) => roleId(g.grantee))],
  },
];

export const planFunctionReplace: Planner<"function.replace"> = ({ from, to }, ctx) => [
  {
    description: `replace function ${functionSignature(to)}`,
    statements: [createFunction(to, { orReplace: true })],
    creates: [id(to)],
    needs: refsOf(ctx.refsTo, to),
    releases: refsOf(ctx.refsFrom, from),
  },
];
