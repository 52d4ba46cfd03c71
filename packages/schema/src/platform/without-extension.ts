/**
 * `withoutExtension(catalog, "vector")`: the same Catalog for a server that cannot install an extension
 * (native PostgreSQL without pgvector): the extension, every column of its types, and every index,
 * constraint, trigger column list, function, domain and view that needs them are left out.
 */
import type { Catalog, Column, FunctionDef, Index, Table, View } from "../catalog/model.js";
import { EXTENSION_TYPES, quoteIdent } from "../dsl/factories.js";

/** Index access methods an extension provides: an index using one cannot exist without it. */
export const EXTENSION_ACCESS_METHODS: Readonly<Record<string, readonly NonNullable<Index["method"]>[]>> = {
  vector: ["hnsw", "ivfflat"],
};

/** Type names (unqualified) the extension provides, from the DSL's registry. */
const typesOf = (extension: string): string[] =>
  Object.entries(EXTENSION_TYPES)
    .filter(([, owner]) => owner === extension)
    .map(([type]) => type);

/** `public.vector(1536)[]` → `public.vector`: what is left after the modifier and array brackets. */
const baseType = (type: string): string =>
  type
    .replace(/(\[\])+$/, "")
    .replace(/\([^)]*\)$/, "")
    .trim();

const mentions = (text: string | undefined, names: ReadonlySet<string>): boolean => {
  if (text === undefined) return false;
  for (const name of names) {
    const pattern = new RegExp(
      `(^|[^a-zA-Z0-9_$"])("${name.replaceAll('"', '""')}"|${escapeRegExp(name)})($|[^a-zA-Z0-9_$"])`,
    );
    if (pattern.test(text)) return true;
  }
  return false;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Footprint {
  readonly isExtensionType: (type: string) => boolean;
  readonly methods: ReadonlySet<string>;
}

const footprint = (catalog: Catalog, extension: string): Footprint => {
  const schema = catalog.extensions.find((e) => e.name === extension)?.schema ?? "public";
  const qualified = new Set(typesOf(extension).map((t) => `${quoteIdent(schema)}.${quoteIdent(t)}`));
  const domains = new Set(
    catalog.domains
      .filter((d) => qualified.has(baseType(d.type)))
      .map((d) => `${quoteIdent(d.schema)}.${quoteIdent(d.name)}`),
  );
  return {
    isExtensionType: (type) => qualified.has(baseType(type)) || domains.has(baseType(type)),
    methods: new Set(EXTENSION_ACCESS_METHODS[extension] ?? []),
  };
};

const keepIndex = (index: Index, dropped: ReadonlySet<string>, f: Footprint): boolean =>
  !(index.method !== undefined && f.methods.has(index.method)) &&
  !index.elements.some((e) => (e.column !== undefined && dropped.has(e.column)) || mentions(e.expression, dropped)) &&
  !(index.include ?? []).some((c) => dropped.has(c)) &&
  !mentions(index.where, dropped);

/** Drop empty optional arrays, as the Catalog omits them; a kept one stays where it was (the model's key order). */
const withOptional = <T extends object>(base: T, key: keyof T, items: readonly unknown[] | undefined): T =>
  Object.fromEntries(
    Object.entries(base).flatMap(([k, v]) => (k !== key ? [[k, v]] : items && items.length > 0 ? [[k, items]] : [])),
  ) as T;

const stripTable = (table: Table, f: Footprint): Table => {
  const dropped = new Set(table.columns.filter((c) => f.isExtensionType(c.type)).map((c) => c.name));
  const usesDropped = (columns: readonly string[]) => columns.some((c) => dropped.has(c));
  if (dropped.size === 0 && !(table.indexes ?? []).some((i) => i.method !== undefined && f.methods.has(i.method))) {
    return table;
  }
  if (
    (table.partitionBy?.keys ?? []).some((k) => (k.column && dropped.has(k.column)) || mentions(k.expression, dropped))
  ) {
    throw new Error(
      `${table.schema}.${table.name}: the partition key uses a column of the removed extension; such a table cannot exist without it`,
    );
  }
  let out: Table = { ...table, columns: table.columns.filter((c: Column) => !dropped.has(c.name)) };
  if (out.primaryKey && usesDropped([...out.primaryKey.columns, ...(out.primaryKey.include ?? [])])) {
    const { primaryKey: _pk, ...rest } = out;
    out = rest;
  }
  out = withOptional(
    out,
    "uniques",
    out.uniques?.filter((u) => !usesDropped([...u.columns, ...(u.include ?? [])])),
  );
  out = withOptional(
    out,
    "checks",
    out.checks?.filter((c) => !mentions(c.expression, dropped)),
  );
  out = withOptional(
    out,
    "foreignKeys",
    out.foreignKeys?.filter((k) => !usesDropped(k.columns)),
  );
  out = withOptional(
    out,
    "exclusions",
    out.exclusions?.filter(
      (x) => !x.elements.some((e) => (e.column && dropped.has(e.column)) || mentions(e.expression, dropped)),
    ),
  );
  out = withOptional(
    out,
    "indexes",
    out.indexes?.filter((i) => keepIndex(i, dropped, f)),
  );
  out = withOptional(
    out,
    "policies",
    out.policies?.filter((p) => !mentions(p.using, dropped) && !mentions(p.withCheck, dropped)),
  );
  out = withOptional(
    out,
    "triggers",
    out.triggers?.map((t) =>
      withOptional(
        t,
        "updateOf",
        t.updateOf?.filter((c) => !dropped.has(c)),
      ),
    ),
  );
  return out;
};

const usesType = (fn: FunctionDef, f: Footprint): boolean =>
  fn.args.some((a) => f.isExtensionType(a.type)) || f.isExtensionType(fn.returns.replace(/^SETOF /, ""));

const keepView = (view: View, f: Footprint): boolean => !(view.columns ?? []).some((c) => f.isExtensionType(c.type));

/**
 * The Catalog without `extension` and everything that cannot exist without it.
 *
 * @example
 * const native16 = withoutExtension(platformCatalog(), "vector");
 * // no extension "vector", no public.vector/halfvec columns, no hnsw/ivfflat indexes
 */
export const withoutExtension = (catalog: Catalog, extension: string): Catalog => {
  const f = footprint(catalog, extension);
  return {
    ...catalog,
    extensions: catalog.extensions.filter((e) => e.name !== extension),
    domains: catalog.domains.filter((d) => !f.isExtensionType(d.type)),
    functions: catalog.functions.filter((fn) => !usesType(fn, f)),
    tables: catalog.tables.map((t) => stripTable(t, f)),
    views: catalog.views.filter((v) => keepView(v, f)),
  };
};
