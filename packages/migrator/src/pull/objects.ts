/**
 * Declarations of the object kinds other than tables and views: extensions, roles, schemas, collations,
 * enums, domains, sequences, functions, default privileges. Each returns `[constant, code]`.
 */
import type {
  Collation,
  DefaultPrivilege,
  Domain,
  EnumType,
  Extension,
  FunctionDef,
  Grant,
  Role,
  Schema,
  Sequence,
} from "@platform/schema";
import { array, type Code, int, member, object, raw, sqlTemplate, str } from "./code.js";
import type { ModuleState, PullContext } from "./context.js";
import { typeLikeCode } from "./types.js";

export type Declared = readonly [name: string | undefined, code: Code];

const bool = (value: boolean | undefined): Code | undefined => (value ? raw("true") : undefined);
const opt = (value: string | undefined): Code | undefined => (value === undefined ? undefined : str(value));

export const grantsCode = (ctx: PullContext, m: ModuleState, grants: readonly Grant[] | undefined) =>
  grants && grants.length > 0
    ? array(
        grants.map((g) =>
          ctx.dsl(
            m,
            "grant",
            ctx.role(m, g.grantee),
            array(g.privileges.map(str)),
            ...(g.withGrantOption ? [object([["withGrantOption", raw("true")]])] : []),
          ),
        ),
      )
    : undefined;

/** `{ ... }` as the last argument, or nothing when every option is absent. */
export const optionsArg = (entries: readonly (readonly [string, Code | undefined])[]): Code[] => {
  const kept = entries.filter(([, v]) => v !== undefined);
  return kept.length === 0 ? [] : [object(kept)];
};

/** A schema's handle, or its name when it is not declared (`public`). */
export const schemaArg = (ctx: PullContext, m: ModuleState, schema: string): Code => {
  const name = ctx.constName(schema, schema, "schema");
  return name !== undefined && m.schema === schema ? raw(name) : str(schema);
};

export const extensionCode = (ctx: PullContext, m: ModuleState, e: Extension): Code =>
  ctx.dsl(
    m,
    "extension",
    str(e.name),
    ...optionsArg([
      ["schema", opt(e.schema)],
      ["comment", opt(e.comment)],
    ]),
  );

export const roleCode = (ctx: PullContext, m: ModuleState, r: Role): Code =>
  ctx.dsl(
    m,
    "role",
    str(r.name),
    ...optionsArg([
      ["login", bool(r.login)],
      // the DSL's default is INHERIT; the Catalog omits `inherit` for NOINHERIT
      ["inherit", r.inherit ? undefined : raw("false")],
      ["bypassRls", bool(r.bypassRls)],
      ["memberOf", r.memberOf?.length ? array(r.memberOf.map((g) => ctx.role(m, g))) : undefined],
      ["comment", opt(r.comment)],
    ]),
  );

export const schemaCode = (ctx: PullContext, m: ModuleState, s: Schema): Code =>
  ctx.dsl(
    m,
    "schema",
    str(s.name),
    ...optionsArg([
      ["comment", opt(s.comment)],
      ["grants", grantsCode(ctx, m, s.grants)],
    ]),
  );

export const collationCode = (ctx: PullContext, m: ModuleState, c: Collation): Code =>
  ctx.dsl(
    m,
    "collation",
    schemaArg(ctx, m, c.schema),
    str(c.name),
    object([
      ["provider", str(c.provider)],
      ["locale", str(c.locale)],
      ["deterministic", c.deterministic ? undefined : raw("false")],
      ["comment", opt(c.comment)],
    ]),
  );

export const enumCode = (ctx: PullContext, m: ModuleState, e: EnumType): Code =>
  ctx.dsl(
    m,
    "enumType",
    schemaArg(ctx, m, e.schema),
    str(e.name),
    array(e.values.map(str)),
    ...optionsArg([["comment", opt(e.comment)]]),
  );

export const collationRef = (c: { readonly schema: string; readonly name: string } | undefined): Code | undefined =>
  c === undefined
    ? undefined
    : object([
        ["schema", str(c.schema)],
        ["name", str(c.name)],
      ]);

export const domainCode = (ctx: PullContext, m: ModuleState, d: Domain): Code => {
  for (const c of d.checks ?? []) {
    if (c.comment !== undefined) {
      ctx.warnings.push(
        `${d.schema}.${d.name}.${c.name}: the DSL cannot declare a comment on a domain's check constraint; the comment is left out`,
      );
    }
  }
  return ctx.dsl(
    m,
    "domain",
    schemaArg(ctx, m, d.schema),
    str(d.name),
    typeLikeCode(ctx, m, d.type),
    ...optionsArg([
      ["notNull", bool(d.notNull)],
      ["default", d.default === undefined ? undefined : sqlCode(ctx, m, d.default)],
      ["collation", collationRef(d.collation)],
      [
        "checks",
        d.checks?.length
          ? array(
              d.checks.map((c) =>
                object([
                  ["name", str(c.name)],
                  ["expression", sqlCode(ctx, m, c.expression)],
                ]),
              ),
            )
          : undefined,
      ],
      ["comment", opt(d.comment)],
    ]),
  );
};

/** SQL text verbatim in the DSL's `sql` template. */
export const sqlCode = (ctx: PullContext, m: ModuleState, text: string): Code => {
  ctx.use(m, "sql");
  return sqlTemplate([text]);
};

export const sequenceCode = (ctx: PullContext, m: ModuleState, s: Sequence): Code => {
  const owner = s.ownedBy ? ctx.constName(s.schema, s.ownedBy.table, "table") : undefined;
  return ctx.dsl(
    m,
    "sequence",
    schemaArg(ctx, m, s.schema),
    str(s.name),
    ...optionsArg([
      ["type", opt(s.type)],
      ["start", s.start === undefined ? undefined : int(s.start)],
      ["increment", s.increment === undefined ? undefined : int(s.increment)],
      ["min", s.min === undefined ? undefined : int(s.min)],
      ["max", s.max === undefined ? undefined : int(s.max)],
      ["cache", s.cache === undefined ? undefined : int(s.cache)],
      ["cycle", bool(s.cycle)],
      [
        "ownedBy",
        s.ownedBy && owner ? { kind: "arrow", params: "", body: raw(member(owner, s.ownedBy.column)) } : undefined,
      ],
      ["comment", opt(s.comment)],
      ["grants", grantsCode(ctx, m, s.grants)],
    ]),
  );
};

export const functionCode = (ctx: PullContext, m: ModuleState, f: FunctionDef): Code =>
  ctx.dsl(
    m,
    "fn",
    schemaArg(ctx, m, f.schema),
    str(f.name),
    object([
      [
        "args",
        f.args.length > 0
          ? array(
              f.args.map((a) =>
                object([
                  ["name", opt(a.name)],
                  ["type", typeLikeCode(ctx, m, a.type)],
                  ["mode", opt(a.mode)],
                  ["default", a.default === undefined ? undefined : sqlCode(ctx, m, a.default)],
                ]),
              ),
            )
          : undefined,
      ],
      ["returns", returnsCode(ctx, m, f.returns)],
      ["language", str(f.language)],
      ["volatility", opt(f.volatility)],
      ["strict", bool(f.strict)],
      ["securityDefiner", bool(f.securityDefiner)],
      ["parallel", opt(f.parallel)],
      ["leakproof", bool(f.leakproof)],
      ["searchPath", opt(f.searchPath)],
      ["comment", opt(f.comment)],
      ["grants", grantsCode(ctx, m, f.grants)],
      ["body", sqlCode(ctx, m, f.body)],
    ]),
  );

/** `SETOF x` and `TABLE(...)` are kept as text; a plain type goes through the type mapping. */
const returnsCode = (ctx: PullContext, m: ModuleState, returns: string): Code =>
  /^(setof\s|table\s*\()/i.test(returns) ? str(returns) : typeLikeCode(ctx, m, returns);

export const defaultPrivilegeCode = (ctx: PullContext, m: ModuleState, d: DefaultPrivilege): Code =>
  ctx.dsl(
    m,
    "defaultPrivileges",
    object([
      ["schema", schemaArg(ctx, m, d.schema)],
      ["on", str(d.objectType)],
      ["to", ctx.role(m, d.grantee)],
      ["privileges", array(d.privileges.map(str))],
      ["forRole", d.forRole === undefined ? undefined : ctx.role(m, d.forRole)],
    ]),
  );
