import {
  type Catalog,
  type Column,
  compareKeys,
  type DefaultPrivilege,
  type ForeignKey,
  type FunctionDef,
  type Grant,
  type Index,
  type IndexElement,
  type Partition,
  type Policy,
  type Sequence,
  sortBy,
  type Table,
  type Trigger,
  type TriggerEvent,
  type UniqueConstraint,
  type View,
} from "@platform/schema";
import { normalizeIcuLocale } from "./collations.js";
import { defaultOpclass } from "./opclasses.js";
import { expressionKey } from "./remembered.js";
import { type SequenceType, sequenceDefaults } from "./sequences.js";
import { normalizeType, SERIAL_TYPES } from "./types.js";

/**
 * Puts a Catalog — declared or introspected — in the one normal form both sides share, so that equal
 * databases give deep-equal Catalogs (expressions aside: compare those with `sameExpression`, or use
 * `comparableCatalog`). What it does, and why each is needed:
 * - types in `format_type` spelling, bare user/extension types qualified (`vector(3)` → `public.vector(3)`);
 * - options equal to PostgreSQL's defaults dropped (btree, ASC, NULLS LAST, NO ACTION, MATCH SIMPLE, NOT
 *   DEFERRABLE, FOR ALL, VOLATILE, PARALLEL UNSAFE, IN arguments, sequence defaults, default opclasses),
 *   because introspection cannot tell "said" from "defaulted";
 * - NOT NULL made explicit where PostgreSQL implies it (primary key, serial and identity columns);
 * - unordered lists sorted (grants, privileges, policy roles, constraints, indexes, partitions).
 * The result is still a valid, executable Catalog.
 */
export const normalizeCatalog = (catalog: Catalog): Catalog => {
  const qualify = typeQualifier(catalog);
  // the qualifier is this catalog's, so the spellings are remembered for this call only
  const types = new Map<string, string>();
  const type = (t: string) => {
    let canonical = types.get(t);
    if (canonical === undefined) {
      canonical = normalizeType(t, { qualify });
      types.set(t, canonical);
    }
    return canonical;
  };
  return {
    extensions: sortBy(catalog.extensions, (e) => e.name),
    schemas: sortBy(
      catalog.schemas
        .map((s) => {
          const { comment, grants, ...rest } = s;
          const defaultComment = s.name === "public" && comment === PUBLIC_SCHEMA_COMMENT;
          return { ...rest, ...(comment !== undefined && !defaultComment ? { comment } : {}), ...grantsField(grants) };
        })
        // `public` as PostgreSQL creates it is not an object anyone declares or drops
        .filter((s) => s.name !== "public" || s.comment !== undefined || s.grants !== undefined),
      (s) => s.name,
    ),
    roles: sortBy(
      catalog.roles.map((r) => {
        const { login, bypassRls, memberOf, inherit, ...rest } = r;
        return {
          ...rest,
          inherit: inherit ?? false,
          ...(login ? { login } : {}),
          ...(bypassRls ? { bypassRls } : {}),
          ...(memberOf && memberOf.length > 0 ? { memberOf: [...new Set(memberOf)].sort(compareKeys) } : {}),
        };
      }),
      (r) => r.name,
    ),
    collations: sortBy(
      catalog.collations.map((c) => (c.provider === "icu" ? { ...c, locale: normalizeIcuLocale(c.locale) } : c)),
      (c) => key(c.schema, c.name),
    ),
    enums: sortBy(catalog.enums, (e) => key(e.schema, e.name)),
    domains: sortBy(
      catalog.domains.map((d) => {
        const { notNull, checks, ...rest } = d;
        return {
          ...rest,
          type: type(d.type),
          ...(notNull ? { notNull } : {}),
          ...(checks && checks.length > 0 ? { checks: sortBy(checks, (c) => c.name) } : {}),
        };
      }),
      (d) => key(d.schema, d.name),
    ),
    sequences: sortBy(catalog.sequences.map(normalizeSequence), (s) => key(s.schema, s.name)),
    functions: sortBy(
      catalog.functions.map((f) => normalizeFunction(f, type)),
      (f) => key(f.schema, f.name, f.args.map((a) => a.type).join(",")),
    ),
    tables: sortBy(
      catalog.tables.map((t) => normalizeTable(t, type)),
      (t) => key(t.schema, t.name),
    ),
    views: sortBy(catalog.views.map(normalizeView), (v) => key(v.schema, v.name)),
    defaultPrivileges: sortBy(catalog.defaultPrivileges.map(normalizeDefaultPrivilege), (d) =>
      key(d.schema, d.objectType, d.grantee, d.forRole ?? ""),
    ),
  };
};

/**
 * `normalizeCatalog`, then every expression replaced by its comparison key and view definitions
 * whitespace-collapsed: for deep equality in tests and drift checks. Not executable; never emit it.
 */
export const comparableCatalog = (catalog: Catalog): Catalog => {
  const normal = normalizeCatalog(catalog);
  const k = (e: string | undefined) => (e === undefined ? undefined : expressionKey(e));
  const opt = <K extends string>(name: K, value: string | undefined) =>
    (value === undefined ? {} : { [name]: value }) as { [P in K]?: string };
  return {
    ...normal,
    domains: normal.domains.map((d) => ({
      ...d,
      ...opt("default", k(d.default)),
      ...(d.checks ? { checks: d.checks.map((c) => ({ ...c, expression: expressionKey(c.expression) })) } : {}),
    })),
    functions: normal.functions.map((f) => ({
      ...f,
      args: f.args.map((a) => ({ ...a, ...opt("default", k(a.default)) })),
    })),
    // rename hints and partition templates are declaration-only: nothing in a database to compare them with
    tables: normal.tables.map(({ renamedFrom: _hint, partitionTemplate: _template, ...t }) => ({
      ...t,
      columns: t.columns.map(({ renamedFrom: _columnHint, ...c }) => ({
        ...c,
        ...opt("default", k(c.default)),
        ...opt("generated", k(c.generated)),
      })),
      ...(t.checks ? { checks: t.checks.map((c) => ({ ...c, expression: expressionKey(c.expression) })) } : {}),
      ...(t.indexes ? { indexes: t.indexes.map(comparableIndex) } : {}),
      ...(t.exclusions
        ? {
            exclusions: t.exclusions.map((x) => ({
              ...x,
              ...opt("where", k(x.where)),
              elements: x.elements.map((e) => ({ ...e, ...opt("expression", k(e.expression)) })),
            })),
          }
        : {}),
      ...(t.policies
        ? {
            policies: t.policies.map((p) => ({
              ...p,
              ...opt("using", k(p.using)),
              ...opt("withCheck", k(p.withCheck)),
            })),
          }
        : {}),
      ...(t.triggers ? { triggers: t.triggers.map((tr) => ({ ...tr, ...opt("when", k(tr.when)) })) } : {}),
    })),
    views: normal.views.map((v) => ({
      ...v,
      definition: v.definition.replace(/\s+/g, " ").trim(),
      // PostgreSQL marks every view column nullable: a declared notNull is a promise it cannot confirm
      ...(v.columns ? { columns: v.columns.map(({ notNull: _promise, ...c }) => c) } : {}),
      ...(v.indexes ? { indexes: v.indexes.map(comparableIndex) } : {}),
    })),
  };
};

const comparableIndex = (i: Index): Index => ({
  ...i,
  ...(i.where === undefined ? {} : { where: expressionKey(i.where) }),
  elements: i.elements.map((e) => (e.expression === undefined ? e : { ...e, expression: expressionKey(e.expression) })),
});

/** The comment PostgreSQL creates `public` with: stating it changes nothing. */
export const PUBLIC_SCHEMA_COMMENT = "standard public schema";

const key = (...parts: readonly string[]): string => parts.join("\u0000");

/** Extension types are created in the extension's schema: a bare `vector` means `<vector's schema>.vector`. */
const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  vector: "vector",
  halfvec: "vector",
  sparsevec: "vector",
  citext: "citext",
  hstore: "hstore",
  ltree: "ltree",
};

/** Schema of a bare type name: a user enum/domain declared once in the Catalog, or an extension's type. */
const typeQualifier = (catalog: Catalog): ((name: string) => string | undefined) => {
  const schemas = new Map<string, Set<string>>();
  for (const t of [...catalog.enums, ...catalog.domains]) {
    schemas.set(t.name, (schemas.get(t.name) ?? new Set()).add(t.schema));
  }
  const extensionSchema = new Map(catalog.extensions.map((e) => [e.name, e.schema ?? "public"]));
  return (name) => {
    const declared = schemas.get(name);
    if (declared?.size === 1) return [...declared][0];
    const extension = EXTENSION_TYPES[name];
    return extension === undefined ? undefined : extensionSchema.get(extension);
  };
};

/** Privileges upper case and sorted, one grant per (grantee, grant option), sorted by grantee. */
export const normalizeGrants = (grants: readonly Grant[] | undefined): Grant[] => {
  const merged = new Map<string, Grant & { privileges: string[] }>();
  for (const g of grants ?? []) {
    const option = g.withGrantOption === true;
    const k = key(g.grantee, String(option));
    const entry = merged.get(k) ?? { grantee: g.grantee, privileges: [], ...(option ? { withGrantOption: true } : {}) };
    for (const p of g.privileges)
      if (!entry.privileges.includes(p.toUpperCase())) entry.privileges.push(p.toUpperCase());
    merged.set(k, entry);
  }
  return [...merged.entries()]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([, g]) => ({ ...g, privileges: g.privileges.sort(compareKeys) }));
};

const grantsField = (grants: readonly Grant[] | undefined): { grants?: Grant[] } => {
  const normal = normalizeGrants(grants);
  return normal.length > 0 ? { grants: normal } : {};
};

/** Drops `grants` when empty, or replaces it with the normal form. */
const withNormalGrants = <T extends { grants?: Grant[] | undefined }>(object: T): T => {
  const { grants, ...rest } = object;
  return { ...rest, ...grantsField(grants) } as T;
};

const normalizeSequence = (s: Sequence): Sequence => {
  const { type, start, increment, min, max, cache, cycle, ...rest } = withNormalGrants(s);
  const seqType: SequenceType = type ?? "bigint";
  const step = BigInt(increment ?? "1");
  const defaults = sequenceDefaults(seqType, step);
  const differs = (value: string | undefined, fallback: bigint) =>
    value !== undefined && BigInt(value) !== fallback ? value : undefined;
  const fields = {
    type: seqType === "bigint" ? undefined : seqType,
    start: differs(start, defaults.start),
    increment: differs(increment, 1n),
    min: differs(min, defaults.min),
    max: differs(max, defaults.max),
    cache: differs(cache, 1n),
    cycle: cycle === true ? true : undefined,
  };
  return { ...withoutUndefined(fields), ...rest } as Sequence;
};

const withoutUndefined = <T extends Record<string, unknown>>(object: T): Partial<T> =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;

/** `SETOF varchar` → `SETOF character varying`; `TABLE(...)` is left as written. */
const normalizeReturns = (returns: string, type: (t: string) => string): string => {
  const setof = /^setof\s+(.+)$/i.exec(returns.trim());
  if (setof) return `SETOF ${type(setof[1] as string)}`;
  return /^table\s*\(/i.test(returns.trim()) ? returns.trim() : type(returns);
};

const normalizeFunction = (f: FunctionDef, type: (t: string) => string): FunctionDef => {
  const { volatility, parallel, strict, securityDefiner, leakproof, ...rest } = withNormalGrants(f);
  return {
    ...rest,
    args: f.args.map((a) => {
      const { mode, ...arg } = a;
      return { ...arg, type: type(a.type), ...(mode && mode !== "in" ? { mode } : {}) };
    }),
    returns: normalizeReturns(f.returns, type),
    ...(volatility && volatility !== "volatile" ? { volatility } : {}),
    ...(strict ? { strict } : {}),
    ...(securityDefiner ? { securityDefiner } : {}),
    ...(parallel && parallel !== "unsafe" ? { parallel } : {}),
    ...(leakproof ? { leakproof } : {}),
  };
};

const normalizeColumn = (c: Column, primaryKey: ReadonlySet<string>, type: (t: string) => string): Column => {
  const canonical = type(c.type);
  const implied = primaryKey.has(c.name) || SERIAL_TYPES[canonical] !== undefined || c.identity !== undefined;
  // Most columns (all of a database's read-back) are in normal form already: kept as they are, not copied.
  const normalNotNull = c.notNull === (c.notNull || implied ? true : undefined);
  if (canonical === c.type && normalNotNull && normalIdentity(c.identity)) return c;
  const { notNull, identity, ...rest } = c;
  return {
    ...rest,
    type: canonical,
    ...(notNull || implied ? { notNull: true } : {}),
    ...(identity
      ? {
          identity: {
            generation: identity.generation,
            ...(identity.start !== undefined && identity.start !== "1" ? { start: identity.start } : {}),
            ...(identity.increment !== undefined && identity.increment !== "1"
              ? { increment: identity.increment }
              : {}),
          },
        }
      : {}),
  };
};

const normalIdentity = (identity: Column["identity"]): boolean =>
  identity === undefined ||
  (Object.keys(identity).every((k) => k === "generation" || k === "start" || k === "increment") &&
    identity.start !== "1" &&
    identity.increment !== "1");

const normalizeElement = (e: IndexElement, method: string, columnTypes: ReadonlyMap<string, string>): IndexElement => {
  const desc = e.order === "desc";
  const columnType = e.column === undefined ? undefined : columnTypes.get(e.column);
  const isDefaultOpclass = e.opclass !== undefined && defaultOpclass(method, columnType) === e.opclass;
  // already in normal form (a read-back always is): kept, not copied
  const keptOpclass = e.opclass === undefined || (e.opclass !== "" && !isDefaultOpclass);
  const normalNulls = e.nulls === undefined || e.nulls !== (desc ? "first" : "last");
  if (keptOpclass && (e.order === undefined || desc) && normalNulls) return e;
  const { opclass, order, nulls, ...rest } = e;
  return {
    ...rest,
    ...(opclass && !isDefaultOpclass ? { opclass } : {}),
    ...(desc ? { order } : {}),
    ...(nulls && nulls !== (desc ? "first" : "last") ? { nulls } : {}),
  };
};

const normalizeIndex = (i: Index, columnTypes: ReadonlyMap<string, string>): Index => {
  const { method, unique, nullsNotDistinct, include, with: storage, ...rest } = i;
  const m = method ?? "btree";
  const elements = i.elements.map((e) => normalizeElement(e, m, columnTypes));
  const normal =
    method !== "btree" &&
    unique !== false &&
    nullsNotDistinct !== false &&
    (include === undefined || include.length > 0) &&
    storage === undefined &&
    elements.every((e, k) => e === i.elements[k]);
  // already in normal form (a read-back without storage parameters always is): kept, not copied
  if (normal) return i;
  return {
    ...rest,
    ...(m !== "btree" ? { method: m } : {}),
    ...(unique ? { unique } : {}),
    ...(nullsNotDistinct ? { nullsNotDistinct } : {}),
    elements,
    ...(include && include.length > 0 ? { include } : {}),
    ...(storage && Object.keys(storage).length > 0
      ? { with: Object.fromEntries(Object.entries(storage).sort(([a], [b]) => compareKeys(a, b))) }
      : {}),
  };
};

const withoutDefaultDeferrable = <T extends { deferrable?: string | undefined }>(c: T): T => {
  const { deferrable, ...rest } = c;
  return (deferrable && deferrable !== "not deferrable" ? { ...rest, deferrable } : rest) as T;
};

const normalizeUnique = (u: UniqueConstraint): UniqueConstraint => {
  const { include, nullsNotDistinct, ...rest } = withoutDefaultDeferrable(u);
  return {
    ...rest,
    ...(include && include.length > 0 ? { include } : {}),
    ...(nullsNotDistinct ? { nullsNotDistinct } : {}),
  };
};

const normalizeForeignKey = (f: ForeignKey): ForeignKey => {
  const { onDelete, onUpdate, match, ...rest } = withoutDefaultDeferrable(f);
  return {
    ...rest,
    ...(onDelete && onDelete !== "no action" ? { onDelete } : {}),
    ...(onUpdate && onUpdate !== "no action" ? { onUpdate } : {}),
    ...(match && match !== "simple" ? { match } : {}),
  };
};

const normalizePolicy = (p: Policy): Policy => {
  const { restrictive, command, roles, ...rest } = p;
  // PostgreSQL stores `TO PUBLIC, app_role` as `TO PUBLIC` (other roles are ignored), and PUBLIC is the default
  const named = (roles ?? []).some((r) => r.toUpperCase() === "PUBLIC") ? [] : [...new Set(roles)].sort(compareKeys);
  return {
    ...rest,
    ...(restrictive ? { restrictive } : {}),
    ...(command && command !== "all" ? { command } : {}),
    ...(named.length > 0 ? { roles: named } : {}),
  };
};

const EVENT_ORDER: readonly TriggerEvent[] = ["insert", "update", "delete", "truncate"];

const normalizeTrigger = (t: Trigger): Trigger => {
  const { updateOf, args, ...rest } = t;
  return {
    ...rest,
    events: EVENT_ORDER.filter((e) => t.events.includes(e)),
    ...(updateOf && updateOf.length > 0 ? { updateOf } : {}),
    ...(args && args.length > 0 ? { args } : {}),
  };
};

const normalizePartitions = (partitions: readonly Partition[] | undefined): { partitions?: Partition[] } => {
  if (!partitions || partitions.length === 0) return {};
  return {
    partitions: sortBy(partitions, (p) => p.name).map((p) => {
      const { unlogged, partitions: children, bound, ...rest } = p;
      // a list bound is a set: PostgreSQL keeps the values in the order they were written
      const normalBound = bound.kind === "list" ? { ...bound, values: [...bound.values].sort(compareKeys) } : bound;
      return { ...rest, bound: normalBound, ...(unlogged ? { unlogged } : {}), ...normalizePartitions(children) };
    }),
  };
};

const nonEmpty = <K extends string, T>(name: K, items: readonly T[] | undefined, sortKey: (item: T) => string) =>
  (items && items.length > 0 ? { [name]: sortBy(items, sortKey) } : {}) as { [P in K]?: T[] };

const normalizeTable = (t: Table, type: (t: string) => string): Table => {
  const { unlogged, uniques, checks, foreignKeys, exclusions, indexes, partitions, policies, triggers, ...rest } =
    withNormalGrants(t);
  const pk = new Set(t.primaryKey?.columns ?? []);
  const columns = t.columns.map((c) => normalizeColumn(c, pk, type));
  const columnTypes = new Map(columns.map((c) => [c.name, c.type]));
  return {
    ...rest,
    ...(unlogged ? { unlogged } : {}),
    columns,
    ...nonEmpty("uniques", uniques?.map(normalizeUnique), (u) => u.name),
    ...nonEmpty(
      "checks",
      checks?.map(({ noInherit, ...c }) => ({ ...c, ...(noInherit ? { noInherit } : {}) })),
      (c) => c.name,
    ),
    ...nonEmpty("foreignKeys", foreignKeys?.map(normalizeForeignKey), (f) => f.name),
    ...nonEmpty("exclusions", exclusions?.map(withoutDefaultDeferrable), (x) => x.name),
    ...nonEmpty(
      "indexes",
      indexes?.map((i) => normalizeIndex(i, columnTypes)),
      (i) => i.name,
    ),
    ...normalizePartitions(partitions),
    ...nonEmpty("policies", policies?.map(normalizePolicy), (p) => p.name),
    ...nonEmpty("triggers", triggers?.map(normalizeTrigger), (tr) => tr.name),
  };
};

const normalizeView = (v: View): View => {
  const { materialized, dependsOn, indexes, ...rest } = withNormalGrants(v);
  return {
    ...rest,
    ...(materialized ? { materialized } : {}),
    ...nonEmpty("dependsOn", dependsOn, (d) => key(d.schema, d.name)),
    ...nonEmpty(
      "indexes",
      indexes?.map((i) => normalizeIndex(i, new Map())),
      (i) => i.name,
    ),
  };
};

const normalizeDefaultPrivilege = (d: DefaultPrivilege): DefaultPrivilege => ({
  ...d,
  privileges: [...new Set(d.privileges.map((p) => p.toUpperCase()))].sort(compareKeys),
});
