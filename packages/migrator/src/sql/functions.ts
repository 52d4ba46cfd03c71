import type { FunctionArgument, FunctionDef } from "@platform/schema";
import { dollarQuote, quoteIdent, quoteQualified, renderType } from "./quote.js";

const MODES = { in: "", out: "OUT ", inout: "INOUT ", variadic: "VARIADIC " } as const satisfies Record<
  NonNullable<FunctionArgument["mode"]>,
  string
>;

const argument = (arg: FunctionArgument): string =>
  `${MODES[arg.mode ?? "in"]}${arg.name === undefined ? "" : `${quoteIdent(arg.name)} `}${renderType(arg.type)}${
    arg.default === undefined ? "" : ` DEFAULT ${arg.default}`
  }`;

/**
 * How DROP, GRANT and COMMENT name a function: schema, name and input argument types.
 *
 * @example
 * functionIdentity({ schema: "public", name: "json_valid", args: [{ name: "input", type: "text" }] }) // public.json_valid(text)
 */
export const functionIdentity = (fn: Pick<FunctionDef, "schema" | "name" | "args">): string =>
  `${quoteQualified(fn)}(${fn.args
    .filter((a) => a.mode !== "out")
    .map((a) => `${a.mode === "variadic" ? "VARIADIC " : ""}${renderType(a.type)}`)
    .join(", ")})`;

/** `SETOF x` and plain types have their user types quoted; `TABLE(...)` is SQL text written as declared. */
const returnType = (returns: string): string => {
  if (/^setof\s/i.test(returns)) return `SETOF ${renderType(returns.replace(/^setof\s+/i, ""))}`;
  if (/^table\s*\(/i.test(returns)) return returns;
  return renderType(returns);
};

/**
 * Each element of `search_path` is an identifier; an element already in double quotes is kept.
 * An empty value means the empty path, `''`.
 */
const searchPathValue = (searchPath: string): string =>
  searchPath.trim() === ""
    ? "''"
    : searchPath
        .split(",")
        .map((element) => element.trim())
        .map((element) => (element.startsWith('"') ? element : quoteIdent(element)))
        .join(", ");

/**
 * The body is emitted exactly as stored (PostgreSQL keeps it byte for byte in `prosrc`), between dollar
 * quotes whose tag does not occur in it.
 *
 * @example
 * createFunction({ schema: "public", name: "one", args: [], returns: "integer", language: "sql", body: "SELECT 1", volatility: "immutable" })
 * // CREATE FUNCTION public.one()
 * //   RETURNS integer
 * //   LANGUAGE sql
 * //   IMMUTABLE
 * // AS $function$SELECT 1$function$;
 */
export const createFunction = (fn: FunctionDef, options: { readonly orReplace?: boolean } = {}): string => {
  const attributes = [
    ...(fn.volatility ? [fn.volatility.toUpperCase()] : []),
    ...(fn.strict ? ["STRICT"] : []),
    ...(fn.securityDefiner ? ["SECURITY DEFINER"] : []),
    ...(fn.leakproof ? ["LEAKPROOF"] : []),
    ...(fn.parallel ? [`PARALLEL ${fn.parallel.toUpperCase()}`] : []),
  ];
  const lines = [
    `CREATE ${options.orReplace ? "OR REPLACE " : ""}FUNCTION ${quoteQualified(fn)}(${fn.args.map(argument).join(", ")})`,
    `  RETURNS ${returnType(fn.returns)}`,
    `  LANGUAGE ${fn.language}`,
    ...(attributes.length > 0 ? [`  ${attributes.join(" ")}`] : []),
    ...(fn.searchPath !== undefined ? [`  SET search_path = ${searchPathValue(fn.searchPath)}`] : []),
    `AS ${dollarQuote(fn.body, "function")};`,
  ];
  return lines.join("\n");
};

export const dropFunction = (fn: Pick<FunctionDef, "schema" | "name" | "args">): string =>
  `DROP FUNCTION ${functionIdentity(fn)};`;
