/**
 * A Catalog type (`character varying(255)`, `public.vector(1536)`, `auth.user_status[]`) as the DSL code
 * that lowers back to exactly that spelling: a column factory (`varchar(255)`), an enum or domain handle
 * (`userStatus()`), or `type("...")`. Every candidate is checked by lowering it with the DSL itself.
 */
import * as dsl from "@platform/schema";
import { lowerType, typeSpec } from "@platform/schema";
import { type Code, chain, int, object, raw, str } from "./code.js";
import type { ModuleState, PullContext } from "./context.js";

const NO_ARGUMENT: Readonly<Record<string, string>> = {
  smallint: "smallint",
  integer: "integer",
  bigint: "bigint",
  serial: "serial",
  bigserial: "bigserial",
  smallserial: "smallserial",
  real: "real",
  "double precision": "doublePrecision",
  boolean: "boolean",
  text: "text",
  uuid: "uuid",
  jsonb: "jsonb",
  json: "json",
  bytea: "bytea",
  date: "date",
  interval: "interval",
  inet: "inet",
  cidr: "cidr",
  macaddr: "macaddr",
  tsvector: "tsvector",
  tsquery: "tsquery",
  tstzrange: "tstzrange",
  daterange: "daterange",
  int4range: "int4range",
  int8range: "int8range",
  numeric: "numeric",
  "character varying": "varchar",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  "time with time zone": "timetz",
  "time without time zone": "time",
};

const WITH_ARGUMENTS: readonly (readonly [RegExp, string])[] = [
  [/^character varying\((\d+)\)$/, "varchar"],
  [/^character\((\d+)\)$/, "char"],
  [/^numeric\((\d+),(\d+)\)$/, "numeric"],
  [/^timestamp\((\d+)\) with time zone$/, "timestamptz"],
  [/^timestamp\((\d+)\) without time zone$/, "timestamp"],
  [/^time\((\d+)\) with time zone$/, "timetz"],
  [/^time\((\d+)\) without time zone$/, "time"],
];

/** What the DSL's factory `name(...args)` lowers to, by calling it. */
const factoryLowersTo = (name: string, args: readonly number[]): string | undefined => {
  const factory = (dsl as unknown as Record<string, unknown>)[name];
  if (typeof factory !== "function") return undefined;
  const builder = factory(...args) as dsl.ColumnBuilder;
  return lowerType(builder.state.type, () => "public");
};

const splitArrays = (type: string): { base: string; dims: number } => {
  let base = type;
  let dims = 0;
  while (base.endsWith("[]")) {
    base = base.slice(0, -2);
    dims += 1;
  }
  return { base, dims };
};

const extensionSchemas = (ctx: PullContext) => {
  const schemas = new Map(ctx.catalog.extensions.map((e) => [e.name, e.schema ?? "public"]));
  return (name: string) => schemas.get(name) ?? "public";
};

/** `type("text")` round-trips when the DSL's own lowering of the text gives the type back. */
export const roundTripsAsText = (ctx: PullContext, type: string): boolean =>
  lowerType(typeSpec(type), extensionSchemas(ctx)) === type;

const withArrays = (code: Code, dims: number): Code =>
  chain(
    code,
    Array.from({ length: dims }, () => ["array", []] as const),
  );

/** The column builder expression for `type`, seen from module `m` (top-level code). */
export const typeCode = (ctx: PullContext, m: ModuleState, type: string): Code => {
  const { base, dims } = splitArrays(type);
  const user = ctx.userTypes.get(base);
  if (user) {
    const handle = ctx.ref(m, user.schema, user.name, user.kind, true);
    if (handle) return withArrays({ kind: "call", callee: handle, args: [] }, dims);
    // another schema's module that imports this one: spell the type out instead of importing its handle
    return ctx.dsl(
      m,
      "column",
      object([
        ["kind", str("user")],
        ["schema", str(user.schema)],
        ["name", str(user.name)],
        ["arrayDims", raw(String(dims))],
      ]),
    );
  }
  const factory = builtinFactory(ctx, m, base);
  if (factory) return withArrays(factory, dims);
  const extension = extensionFactory(ctx, m, base);
  if (extension) return withArrays(extension, dims);
  return ctx.dsl(m, "type", str(type));
};

const builtinFactory = (ctx: PullContext, m: ModuleState, base: string): Code | undefined => {
  const plain = NO_ARGUMENT[base];
  if (plain) return factoryLowersTo(plain, []) === base ? ctx.dsl(m, plain) : undefined;
  for (const [pattern, name] of WITH_ARGUMENTS) {
    const args = pattern.exec(base)?.slice(1).map(Number);
    if (args && factoryLowersTo(name, args) === base) return ctx.dsl(m, name, ...args.map((a) => int(String(a))));
  }
  return undefined;
};

/** `public.vector(1536)` → `vector(1536)` when the vector extension lives in `public`. */
const extensionFactory = (ctx: PullContext, m: ModuleState, base: string): Code | undefined => {
  const lower = extensionSchemas(ctx);
  const dot = base.indexOf(".");
  if (dot < 0) return undefined;
  // the schema part may be quoted; try every dot
  for (let i = dot; i >= 0; i = base.indexOf(".", i + 1)) {
    const bare = base.slice(i + 1);
    const spec = typeSpec(bare);
    if (spec.kind !== "extension" || lowerType(spec, lower) !== base) continue;
    const dimensions = spec.modifier ? /^\((\d+)\)$/.exec(spec.modifier)?.[1] : undefined;
    if (["vector", "halfvec", "sparsevec"].includes(spec.name) && dimensions) {
      return ctx.dsl(m, spec.name, int(dimensions));
    }
    if (spec.name === "citext" && !spec.modifier) return ctx.dsl(m, "citext");
    return ctx.dsl(m, "type", str(bare));
  }
  return undefined;
};

/** A function argument or return type: the plain string when it round-trips, else a builder. */
export const typeLikeCode = (ctx: PullContext, m: ModuleState, type: string): Code =>
  roundTripsAsText(ctx, type) ? str(type) : typeCode(ctx, m, type);
