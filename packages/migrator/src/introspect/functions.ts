import type { FunctionArgument, FunctionDef } from "@platform/schema";
import { normalizeExpression } from "../normalize/remembered.js";
import { renderTokens, splitTopLevel, tokenize } from "../normalize/tokens.js";
import { type IntrospectContext, inUserSchema, notExtensionMember, queryRows, readStep } from "./context.js";
import { type AclEntry, grantsJson, toGrants, withGrants } from "./grants.js";
import { comment, flag, opt } from "./optional.js";

interface FunctionRow {
  schema: string;
  name: string;
  language: string;
  source: string;
  sql_body: string | null;
  returns: string;
  volatility: string;
  strict: boolean;
  security_definer: boolean;
  parallel: string;
  leakproof: boolean;
  config: string[] | null;
  arg_names: string[] | null;
  arg_modes: string[] | null;
  arg_types: string[] | null;
  arg_defaults: string | null;
  comment: string | null;
  grants: AclEntry[];
}

const LANGUAGES = new Set<FunctionDef["language"]>(["sql", "plpgsql"]);
const VOLATILITY: Readonly<Record<string, FunctionDef["volatility"] | undefined>> = { i: "immutable", s: "stable" };
const PARALLEL: Readonly<Record<string, FunctionDef["parallel"] | undefined>> = { r: "restricted", s: "safe" };
const MODES: Readonly<Record<string, FunctionArgument["mode"] | undefined>> = { o: "out", b: "inout", v: "variadic" };

/**
 * Plain functions (not procedures, aggregates or window functions) in SQL or PL/pgSQL, the languages the
 * Catalog models; functions in other languages come from extensions and are left out with them.
 */
export const readFunctions = (ctx: IntrospectContext): Promise<FunctionDef[]> =>
  readStep("functions", ctx, async () => {
    const rows = await queryRows<FunctionRow>(
      ctx,
      `SELECT n.nspname AS schema, p.proname AS name, l.lanname AS language, p.prosrc AS source,
              CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END AS sql_body,
              pg_catalog.pg_get_function_result(p.oid) AS returns,
              p.provolatile::text AS volatility, p.proisstrict AS strict, p.prosecdef AS security_definer,
              p.proparallel::text AS parallel, p.proleakproof AS leakproof,
              to_json(p.proconfig) AS config, to_json(p.proargnames) AS arg_names,
              to_json(p.proargmodes::text[]) AS arg_modes,
              (SELECT json_agg(pg_catalog.format_type(u.t, NULL) ORDER BY u.o)
               FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS u(t, o)) AS arg_types,
              pg_catalog.pg_get_expr(p.proargdefaults, 0) AS arg_defaults,
              pg_catalog.obj_description(p.oid, 'pg_proc') AS comment,
              ${grantsJson("p.proacl", "p.proowner", "f")} AS grants
       FROM pg_catalog.pg_proc p
       JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       JOIN pg_catalog.pg_language l ON l.oid = p.prolang
       WHERE p.prokind = 'f' AND ${inUserSchema("p.pronamespace")} AND ${notExtensionMember("pg_proc", "p.oid")}
       ORDER BY n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)`,
      [ctx.namespaces],
    );
    return rows.flatMap((r) => (LANGUAGES.has(r.language as FunctionDef["language"]) ? [toFunction(r)] : []));
  });

const toFunction = (r: FunctionRow): FunctionDef => {
  const searchPath = (r.config ?? []).find((entry) => entry.startsWith("search_path="));
  return {
    schema: r.schema,
    name: r.name,
    args: toArguments(r),
    returns: r.returns,
    language: r.language as FunctionDef["language"],
    body: r.sql_body ?? r.source,
    ...opt("volatility", VOLATILITY[r.volatility]),
    ...flag("strict", r.strict),
    ...flag("securityDefiner", r.security_definer),
    ...opt("parallel", PARALLEL[r.parallel]),
    ...flag("leakproof", r.leakproof),
    ...opt("searchPath", searchPath === undefined ? null : searchPathValue(searchPath)),
    ...comment(r.comment),
    ...withGrants(toGrants(r.grants)),
  };
};

/** `search_path=""` (what `SET search_path = ''` stores) → ``; `search_path=pg_catalog, public` → as is. */
const searchPathValue = (entry: string): string => {
  const value = entry.slice("search_path=".length);
  return value === '""' ? "" : value;
};

/**
 * Arguments in order with their modes; TABLE(...) result columns (mode `t`) belong to `returns`. Defaults
 * come as one list for the last input arguments (`pg_get_expr(proargdefaults)`), split at top-level commas.
 */
const toArguments = (r: FunctionRow): FunctionArgument[] => {
  const types = r.arg_types ?? [];
  const modes = r.arg_modes ?? types.map(() => "i");
  const names = r.arg_names ?? [];
  const defaults =
    r.arg_defaults === null ? [] : splitTopLevel(tokenize(r.arg_defaults)).map((part) => renderTokens(part));
  const inputIndexes = modes.flatMap((m, i) => (m === "i" || m === "b" || m === "v" ? [i] : []));
  const firstDefaulted = inputIndexes.length - defaults.length;
  const args: FunctionArgument[] = [];
  types.forEach((type, i) => {
    const mode = modes[i] ?? "i";
    if (mode === "t") return;
    const inputPosition = inputIndexes.indexOf(i);
    const defaultText =
      inputPosition >= firstDefaulted && inputPosition >= 0 ? defaults[inputPosition - firstDefaulted] : undefined;
    const name = names[i];
    args.push({
      ...opt("name", name === undefined || name === "" ? null : name),
      type,
      ...opt("mode", MODES[mode]),
      ...opt("default", defaultText === undefined ? null : normalizeExpression(defaultText)),
    });
  });
  return args;
};
