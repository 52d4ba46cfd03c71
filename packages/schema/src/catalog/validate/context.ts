/** Look-ups over one Catalog that the checks share. Built once per `validateCatalog` call. */
import { functionSignature, objectPath } from "../identity.js";
import type { Catalog, Collation, Column, Domain, FunctionDef, Partition, Table, View } from "../model.js";

/** Schemas every database has; objects may live there without a declaration. */
export const BUILTIN_SCHEMAS: ReadonlySet<string> = new Set(["public", "pg_catalog", "information_schema"]);

/** Roles that exist without a declaration: PUBLIC and the predefined `pg_*` roles. */
export const isBuiltinRole = (name: string): boolean => name.toLowerCase() === "public" || name.startsWith("pg_");

const key = (schema: string, name: string): string => `${schema}\u0000${name}`;

export interface ValidationContext {
  readonly catalog: Catalog;
  readonly schemas: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly table: (schema: string, name: string) => Table | undefined;
  readonly view: (schema: string, name: string) => View | undefined;
  /** tables, partitions, views, sequences: anything in pg_class */
  readonly relationExists: (schema: string, name: string) => boolean;
  readonly enumValues: (schema: string, name: string) => readonly string[] | undefined;
  readonly domainExists: (schema: string, name: string) => boolean;
  readonly domain: (schema: string, name: string) => Domain | undefined;
  /** a declared collation (built-in pg_catalog ones are not in the catalog) */
  readonly collation: (schema: string, name: string) => Collation | undefined;
  readonly collationExists: (schema: string, name: string) => boolean;
  readonly functions: (schema: string, name: string) => readonly FunctionDef[];
  /** the schema an extension was declared in (`public` when it names none) */
  readonly extensionSchema: (name: string) => string | undefined;
}

export const columnMap = (table: { readonly columns: readonly Column[] }): ReadonlyMap<string, Column> =>
  new Map(table.columns.map((c) => [c.name, c]));

/** Every partition below a table, depth first, with the path of its parent. */
export const allPartitions = (table: Table): { readonly partition: Partition; readonly parentPath: string }[] => {
  const out: { partition: Partition; parentPath: string }[] = [];
  const walk = (partitions: readonly Partition[] | undefined, parentPath: string) => {
    for (const p of partitions ?? []) {
      out.push({ partition: p, parentPath });
      walk(p.partitions, objectPath(parentPath, p.name));
    }
  };
  walk(table.partitions, objectPath(table.schema, table.name));
  return out;
};

export const buildContext = (catalog: Catalog): ValidationContext => {
  const tables = new Map(catalog.tables.map((t) => [key(t.schema, t.name), t]));
  const views = new Map(catalog.views.map((v) => [key(v.schema, v.name), v]));
  const relations = new Set<string>([
    ...tables.keys(),
    ...views.keys(),
    ...catalog.sequences.map((s) => key(s.schema, s.name)),
    ...catalog.tables.flatMap((t) => allPartitions(t).map((p) => key(t.schema, p.partition.name))),
  ]);
  const enums = new Map(catalog.enums.map((e) => [key(e.schema, e.name), e.values]));
  const domains = new Map(catalog.domains.map((d) => [key(d.schema, d.name), d]));
  const collations = new Map(catalog.collations.map((c) => [key(c.schema, c.name), c]));
  const functions = new Map<string, FunctionDef[]>();
  for (const f of catalog.functions) {
    const list = functions.get(key(f.schema, f.name)) ?? [];
    list.push(f);
    functions.set(key(f.schema, f.name), list);
  }
  const extensions = new Map(catalog.extensions.map((e) => [e.name, e.schema ?? "public"]));
  return {
    catalog,
    schemas: new Set([...BUILTIN_SCHEMAS, ...catalog.schemas.map((s) => s.name)]),
    roles: new Set(catalog.roles.map((r) => r.name)),
    table: (schema, name) => tables.get(key(schema, name)),
    view: (schema, name) => views.get(key(schema, name)),
    relationExists: (schema, name) => relations.has(key(schema, name)),
    enumValues: (schema, name) => enums.get(key(schema, name)),
    domainExists: (schema, name) => domains.has(key(schema, name)),
    domain: (schema, name) => domains.get(key(schema, name)),
    collation: (schema, name) => collations.get(key(schema, name)),
    // pg_catalog holds the built-in collations ("C", "POSIX", "default", "und-x-icu", …)
    collationExists: (schema, name) => schema === "pg_catalog" || collations.has(key(schema, name)),
    functions: (schema, name) => functions.get(key(schema, name)) ?? [],
    extensionSchema: (name) => extensions.get(name),
  };
};

export { functionSignature };
