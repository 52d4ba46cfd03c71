/**
 * `CREATE FUNCTION`: sql/plpgsql functions and trigger functions. A function handle prints its qualified
 * name in `sql` templates (`${uuidV7}()`) and is what `trigger(...)` executes.
 */
import type { FunctionArgument, FunctionDef } from "../catalog/model.js";
import { ColumnBuilder } from "./column.js";
import {
  compact,
  DECLARATION,
  type Declaration,
  type SchemaLike,
  type SqlFragment,
  type SqlRenderable,
  schemaName,
  TO_SQL,
} from "./declaration.js";
import { type GrantSpec, lowerGrants } from "./grant.js";
import type { LowerContext } from "./lower-context.js";
import { quoteQualified } from "./quote.js";
import type { SqlExpression } from "./sql.js";
import { lowerType, type TypeSpec, typeSpec } from "./types.js";

/** A type as a function signature spells it: a SQL type name, or a column builder (`userStatus()`, `vector(3)`). */
export type TypeLike = string | ColumnBuilder;

export interface ArgumentSpec {
  readonly name?: string;
  readonly type: TypeLike;
  readonly mode?: FunctionArgument["mode"];
  /** SQL text of the default, e.g. `NULL::text` */
  readonly default?: string | SqlExpression;
}

export interface FunctionOptions {
  readonly args?: readonly ArgumentSpec[];
  /** `uuid`, `trigger`, `SETOF text`, `TABLE(id bigint, n text)`, or a column builder */
  readonly returns: TypeLike;
  readonly language: FunctionDef["language"];
  /** the body without dollar quotes */
  readonly body: string | SqlExpression;
  readonly volatility?: FunctionDef["volatility"];
  readonly strict?: boolean;
  readonly securityDefiner?: boolean;
  readonly parallel?: FunctionDef["parallel"];
  readonly leakproof?: boolean;
  /** `SET search_path = ...`: `"pg_catalog, public"`, or `""` for the empty path */
  readonly searchPath?: string;
  readonly comment?: string;
  readonly grants?: readonly GrantSpec[];
}

export interface FunctionHandle extends Declaration<"function">, SqlRenderable {
  readonly schema: string;
  readonly name: string;
  readonly options: FunctionOptions;
}

/**
 * @example
 * export const jsonValid = fn("public", "json_valid", {
 *   args: [{ name: "input", type: "text" }],
 *   returns: "boolean",
 *   language: "plpgsql",
 *   volatility: "immutable",
 *   body: "BEGIN PERFORM input::json; RETURN true; EXCEPTION WHEN others THEN RETURN false; END",
 * })
 */
export const fn = (schema: SchemaLike, name: string, options: FunctionOptions): FunctionHandle => {
  const qualified = { schema: schemaName(schema), name };
  const fragment: SqlFragment = {
    text: quoteQualified(qualified.schema, name),
    references: [{ kind: "function", ...qualified }],
  };
  return { [DECLARATION]: "function", ...qualified, options, [TO_SQL]: () => fragment };
};

/**
 * A function `RETURNS trigger` (plpgsql, no arguments).
 * @example
 * export const touchUpdatedAt = triggerFunction("public", "touch_updated_at",
 *   "BEGIN NEW.updated_at := now(); RETURN NEW; END")
 */
export const triggerFunction = (
  schema: SchemaLike,
  name: string,
  body: string | SqlExpression,
  options: Omit<FunctionOptions, "returns" | "language" | "body" | "args"> = {},
): FunctionHandle => fn(schema, name, { ...options, returns: "trigger", language: "plpgsql", body });

const specOf = (type: TypeLike): TypeSpec => (type instanceof ColumnBuilder ? type.state.type : typeSpec(type));

export const lowerTypeLike = (type: TypeLike, context: LowerContext): string =>
  lowerType(specOf(type), context.extensionSchema);

/** `SETOF x` and `TABLE(...)` keep their shape; a plain type is canonicalised. */
const lowerReturns = (returns: TypeLike, context: LowerContext): string => {
  if (typeof returns === "string") {
    const trimmed = returns.trim();
    const setof = /^setof\s+(.+)$/i.exec(trimmed);
    if (setof?.[1]) return `SETOF ${lowerTypeLike(setof[1], context)}`;
    if (/^table\s*\(/i.test(trimmed)) return trimmed.replace(/^table\s*/i, "TABLE");
  }
  return lowerTypeLike(returns, context);
};

const text = (value: string | SqlExpression): string => (typeof value === "string" ? value : value.text);

export const lowerFunction = (handle: FunctionHandle, context: LowerContext): FunctionDef => {
  const o = handle.options;
  return {
    schema: handle.schema,
    name: handle.name,
    args: (o.args ?? []).map((a) =>
      compact({
        name: a.name,
        type: lowerTypeLike(a.type, context),
        mode: a.mode === "in" ? undefined : a.mode,
        default: a.default === undefined ? undefined : text(a.default),
      }),
    ),
    returns: lowerReturns(o.returns, context),
    language: o.language,
    body: text(o.body),
    ...compact({
      volatility: o.volatility === "volatile" ? undefined : o.volatility,
      strict: o.strict,
      securityDefiner: o.securityDefiner,
      parallel: o.parallel === "unsafe" ? undefined : o.parallel,
      leakproof: o.leakproof,
      searchPath: o.searchPath,
      comment: o.comment,
      grants: lowerGrants(o.grants),
    }),
  };
};
