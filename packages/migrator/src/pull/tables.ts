/**
 * A table as `table(schema, name, { columns }, (t) => ({ options }))`. Every constraint and index is
 * declared with its name, so the pulled declarations never depend on the DSL's name derivation.
 */
import type {
  Column,
  ExclusionConstraint,
  ForeignKey,
  Index,
  IndexElement,
  Partition,
  PartitionBy,
  PartitionKey,
  PartitionTemplate,
  Policy,
  Table,
  Trigger,
  UniqueConstraint,
} from "@platform/schema";
import { array, arrow, type Code, chain, int, member, object, raw, str } from "./code.js";
import type { ModuleState, PullContext } from "./context.js";
import { collationRef, grantsCode, optionsArg, schemaArg, sqlCode } from "./objects.js";
import { typeCode } from "./types.js";

export const functionKey = (f: {
  readonly name: string;
  readonly args: readonly { readonly type: string; readonly mode?: string }[];
}): string => `${f.name}(${f.args.filter((a) => a.mode !== "out").map((a) => a.type)})`;

const col = (name: string): Code => raw(member("t", name));
const cols = (names: readonly string[] | undefined): Code | undefined =>
  names && names.length > 0 ? array(names.map(col)) : undefined;
const opt = (value: string | undefined): Code | undefined => (value === undefined ? undefined : str(value));

export const tableCode = (ctx: PullContext, m: ModuleState, t: Table): Code => {
  const columns = object(t.columns.map((c) => [c.name, columnCode(ctx, m, c)]));
  const options = optionsArg([
    ["comment", opt(t.comment)],
    ["unlogged", t.unlogged ? raw("true") : undefined],
    [
      "primaryKey",
      t.primaryKey
        ? ctx.dsl(
            m,
            "primaryKey",
            object([
              ["name", str(t.primaryKey.name)],
              ["columns", cols(t.primaryKey.columns)],
              ["include", cols(t.primaryKey.include)],
              ["comment", opt(t.primaryKey.comment)],
            ]),
          )
        : undefined,
    ],
    ["uniques", list(t.uniques, (u) => uniqueCode(ctx, m, u))],
    [
      "checks",
      list(t.checks, (c) =>
        ctx.dsl(
          m,
          "check",
          str(c.name),
          sqlCode(ctx, m, c.expression),
          ...optionsArg([
            ["noInherit", c.noInherit ? raw("true") : undefined],
            ["comment", opt(c.comment)],
          ]),
        ),
      ),
    ],
    ["foreignKeys", list(t.foreignKeys, (f) => foreignKeyCode(ctx, m, t, f))],
    ["exclusions", list(t.exclusions, (e) => exclusionCode(ctx, m, e))],
    ["indexes", list(t.indexes, (i) => indexCode(ctx, m, i, (name) => col(name)))],
    ["partitionBy", t.partitionBy ? partitionByCode(ctx, m, t.partitionBy) : undefined],
    ["partitions", list(t.partitions, (p) => partitionCode(ctx, m, p))],
    ["partitionTemplate", t.partitionTemplate ? templateCode(ctx, m, t.partitionTemplate) : undefined],
    ["rowLevelSecurity", opt(t.rowLevelSecurity)],
    ["policies", list(t.policies, (p) => policyCode(ctx, m, p))],
    ["triggers", list(t.triggers, (tr) => triggerCode(ctx, m, t, tr))],
    ["grants", grantsCode(ctx, m, t.grants)],
  ]);
  const [first] = options;
  return ctx.dsl(m, "table", schemaArg(ctx, m, t.schema), str(t.name), columns, ...(first ? [arrow("t", first)] : []));
};

const list = <T>(items: readonly T[] | undefined, render: (item: T) => Code | undefined): Code | undefined => {
  const rendered = (items ?? []).flatMap((i) => render(i) ?? []);
  return rendered.length > 0 ? array(rendered) : undefined;
};

const columnCode = (ctx: PullContext, m: ModuleState, c: Column): Code => {
  const identity = c.identity;
  return chain(typeCode(ctx, m, c.type), [
    c.notNull && !identity && !/serial$/.test(c.type) ? ["notNull", []] : undefined,
    c.default !== undefined ? ["default", [sqlCode(ctx, m, c.default)]] : undefined,
    identity
      ? [
          identity.generation === "always" ? "generatedAlwaysAsIdentity" : "generatedByDefaultAsIdentity",
          optionsArg([
            ["start", identity.start === undefined ? undefined : bigish(identity.start)],
            ["increment", identity.increment === undefined ? undefined : bigish(identity.increment)],
          ]),
        ]
      : undefined,
    c.generated !== undefined ? ["generatedAlwaysAs", [sqlCode(ctx, m, c.generated)]] : undefined,
    c.collation ? ["collate", [collationRef(c.collation) as Code]] : undefined,
    c.comment !== undefined ? ["comment", [str(c.comment)]] : undefined,
  ]);
};

/** Identity bounds are numbers or bigints in the DSL. */
const bigish = (value: string): Code => {
  const n = int(value);
  return n.kind === "raw" && !n.text.startsWith('"') ? n : raw(`${value}n`);
};

const uniqueCode = (ctx: PullContext, m: ModuleState, u: UniqueConstraint): Code =>
  chain(ctx.dsl(m, "unique", str(u.name)), [
    ["on", u.columns.map(col)],
    u.include?.length ? ["include", u.include.map(col)] : undefined,
    u.nullsNotDistinct ? ["nullsNotDistinct", []] : undefined,
    u.deferrable ? ["deferrable", [str(u.deferrable)]] : undefined,
    u.comment !== undefined ? ["comment", [str(u.comment)]] : undefined,
  ]);

const foreignKeyCode = (ctx: PullContext, m: ModuleState, t: Table, f: ForeignKey): Code | undefined => {
  const target = ctx.ref(m, f.references.schema, f.references.table, "table", false);
  if (target === undefined) {
    ctx.warnings.push(
      `${t.schema}.${t.name}.${f.name}: references ${f.references.schema}.${f.references.table}, which was not pulled; the foreign key is left out`,
    );
    return undefined;
  }
  return ctx.dsl(
    m,
    "foreignKey",
    object([
      ["name", str(f.name)],
      ["columns", array(f.columns.map(col))],
      ["references", array(f.references.columns.map((c) => raw(member(target, c))))],
      ["onDelete", opt(f.onDelete)],
      ["onUpdate", opt(f.onUpdate)],
      ["match", opt(f.match)],
      ["deferrable", opt(f.deferrable)],
      ["comment", opt(f.comment)],
    ]),
  );
};

/** A key with its modifiers: `t.created_at.desc()`, `key(sql\`lower(email)\`).op("text_pattern_ops")`. */
const keyCode = (
  ctx: PullContext,
  m: ModuleState,
  e: IndexElement | PartitionKey,
  column: (name: string, bare: boolean) => Code,
): Code => {
  const order = "order" in e ? e.order : undefined;
  const nulls = "nulls" in e ? e.nulls : undefined;
  const bare = order === undefined && nulls === undefined && e.opclass === undefined && e.collation === undefined;
  const base = e.column !== undefined ? column(e.column, bare) : ctx.dsl(m, "key", sqlCode(ctx, m, e.expression ?? ""));
  return chain(base, [
    order ? [order, []] : undefined,
    nulls ? [nulls === "first" ? "nullsFirst" : "nullsLast", []] : undefined,
    e.opclass !== undefined ? ["op", [str(e.opclass)]] : undefined,
    e.collation ? ["collate", [collationRef(e.collation) as Code]] : undefined,
  ]);
};

export const indexCode = (
  ctx: PullContext,
  m: ModuleState,
  i: Index,
  column: (name: string, bare: boolean) => Code,
): Code => {
  const keys = i.elements.map((e) => keyCode(ctx, m, e, column));
  return chain(ctx.dsl(m, "index", str(i.name)), [
    i.method !== undefined && i.method !== "btree" ? ["using", [str(i.method), ...keys]] : ["on", keys],
    i.unique ? ["unique", []] : undefined,
    i.nullsNotDistinct ? ["nullsNotDistinct", []] : undefined,
    i.include?.length ? ["include", i.include.map((c) => column(c, true))] : undefined,
    i.where !== undefined ? ["where", [sqlCode(ctx, m, i.where)]] : undefined,
    i.with ? ["with", [object(Object.entries(i.with).map(([k, v]) => [k, str(v)]))]] : undefined,
    i.comment !== undefined ? ["comment", [str(i.comment)]] : undefined,
  ]);
};

const exclusionCode = (ctx: PullContext, m: ModuleState, e: ExclusionConstraint): Code =>
  ctx.dsl(
    m,
    "exclude",
    object([
      ["name", str(e.name)],
      ["using", str(e.using)],
      ["elements", array(e.elements.map((el) => array([keyCode(ctx, m, el, (n) => col(n)), str(el.operator)])))],
      ["where", e.where === undefined ? undefined : sqlCode(ctx, m, e.where)],
      ["deferrable", opt(e.deferrable)],
      ["comment", opt(e.comment)],
    ]),
  );

const partitionByCode = (ctx: PullContext, m: ModuleState, p: PartitionBy): Code =>
  ctx.dsl(
    m,
    p.strategy === "range" ? "byRange" : p.strategy === "list" ? "byList" : "byHash",
    ...p.keys.map((k) => keyCode(ctx, m, k, (n) => col(n))),
  );

/** Bounds are kept as PostgreSQL printed them, through `sql` (the DSL splices those verbatim). */
const partitionCode = (ctx: PullContext, m: ModuleState, p: Partition): Code => {
  const options = optionsArg([
    ["unlogged", p.unlogged ? raw("true") : undefined],
    ["comment", opt(p.comment)],
    ["partitionBy", p.partitionBy ? partitionByCode(ctx, m, p.partitionBy) : undefined],
    ["partitions", list(p.partitions, (sub) => partitionCode(ctx, m, sub))],
  ]);
  const bound = p.bound;
  const values = (vs: readonly string[]) => array(vs.map((v) => sqlCode(ctx, m, v)));
  switch (bound.kind) {
    case "range":
      return ctx.dsl(m, "rangePartition", str(p.name), values(bound.from), values(bound.to), ...options);
    case "list":
      return ctx.dsl(m, "listPartition", str(p.name), values(bound.values), ...options);
    case "hash":
      return ctx.dsl(
        m,
        "hashPartition",
        str(p.name),
        raw(String(bound.modulus)),
        raw(String(bound.remainder)),
        ...options,
      );
    case "default":
      return ctx.dsl(m, "defaultPartition", str(p.name), ...options);
  }
};

/** Rolling partitions are declaration-only (a database does not record them); a pulled Catalog has none. */
const templateCode = (ctx: PullContext, m: ModuleState, p: PartitionTemplate): Code =>
  ctx.dsl(
    m,
    p.interval === "day" ? "daily" : p.interval === "month" ? "monthly" : "yearly",
    str(p.naming),
    ...optionsArg([
      ["premake", p.premake === undefined ? undefined : raw(String(p.premake))],
      ["retain", p.retain === undefined ? undefined : raw(String(p.retain))],
      ["unlogged", p.unlogged ? raw("true") : undefined],
    ]),
  );

const policyCode = (ctx: PullContext, m: ModuleState, p: Policy): Code =>
  ctx.dsl(
    m,
    "policy",
    str(p.name),
    ...optionsArg([
      ["as", p.restrictive ? str("restrictive") : undefined],
      ["for", opt(p.command)],
      ["to", p.roles?.length ? array(p.roles.map((r) => ctx.role(m, r))) : undefined],
      ["using", p.using === undefined ? undefined : sqlCode(ctx, m, p.using)],
      ["withCheck", p.withCheck === undefined ? undefined : sqlCode(ctx, m, p.withCheck)],
      ["comment", opt(p.comment)],
    ]),
  );

const triggerCode = (ctx: PullContext, m: ModuleState, t: Table, tr: Trigger): Code | undefined => {
  const target = ctx.catalog.functions.find(
    (f) =>
      f.schema === tr.function.schema &&
      f.name === tr.function.name &&
      f.args.every((a) => a.mode === "out") &&
      f.returns === "trigger",
  );
  const handle = target ? ctx.ref(m, target.schema, functionKey(target), "function", false) : undefined;
  if (handle === undefined) {
    ctx.warnings.push(
      `${t.schema}.${t.name}.${tr.name}: executes ${tr.function.schema}.${tr.function.name}(), which was not pulled; the trigger is left out`,
    );
    return undefined;
  }
  return ctx.dsl(
    m,
    "trigger",
    str(tr.name),
    object([
      ["timing", str(tr.timing)],
      ["events", array(tr.events.map(str))],
      ["updateOf", cols(tr.updateOf)],
      ["level", str(tr.level)],
      ["when", tr.when === undefined ? undefined : sqlCode(ctx, m, tr.when)],
      ["function", raw(handle)],
      ["args", tr.args?.length ? array(tr.args.map(str)) : undefined],
      ["comment", opt(tr.comment)],
    ]),
  );
};
