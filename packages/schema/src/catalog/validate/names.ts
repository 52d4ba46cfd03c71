/**
 * Names: duplicates within each PostgreSQL namespace, and identifiers PostgreSQL would silently cut to 63 bytes.
 */
import { functionSignature, objectPath } from "../identity.js";
import type { Catalog, Table } from "../model.js";
import { allPartitions } from "./context.js";
import { error, type Finding } from "./finding.js";

const MAX_BYTES = 63;

interface Named {
  readonly name: string;
  readonly path: string;
  readonly what: string;
}

/** The first of each duplicated name is kept; later ones are reported, naming what they collide with. */
const duplicates = (items: readonly Named[], namespace: string): Finding[] => {
  const first = new Map<string, Named>();
  const findings: Finding[] = [];
  for (const item of items) {
    const previous = first.get(item.name);
    if (!previous) {
      first.set(item.name, item);
      continue;
    }
    findings.push(
      error(
        "duplicate-name",
        item.path,
        `${item.what} "${item.name}" has the same name as ${previous.what} ${previous.path} in ${namespace}`,
        `rename one of them; names must be unique in ${namespace}`,
      ),
    );
  }
  return findings;
};

const bySchema = <T extends { readonly schema: string }>(items: readonly T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(item.schema, [...(out.get(item.schema) ?? []), item]);
  return out;
};

/** Everything in pg_class of one schema: tables, partitions, views, sequences, indexes (incl. constraint indexes). */
const relationsOf = (catalog: Catalog, schema: string): Named[] => {
  const tables = catalog.tables.filter((t) => t.schema === schema);
  return [
    ...tables.map((t) => ({ name: t.name, path: objectPath(t.schema, t.name), what: "table" })),
    ...tables.flatMap((t) =>
      allPartitions(t).map(({ partition, parentPath }) => ({
        name: partition.name,
        path: objectPath(parentPath, partition.name),
        what: "partition",
      })),
    ),
    ...catalog.views
      .filter((v) => v.schema === schema)
      .map((v) => ({
        name: v.name,
        path: objectPath(v.schema, v.name),
        what: v.materialized ? "materialized view" : "view",
      })),
    ...catalog.sequences
      .filter((s) => s.schema === schema)
      .map((s) => ({ name: s.name, path: objectPath(s.schema, s.name), what: "sequence" })),
    ...tables.flatMap(indexLikes),
    ...catalog.views
      .filter((v) => v.schema === schema)
      .flatMap((v) =>
        (v.indexes ?? []).map((i) => ({ name: i.name, path: objectPath(v.schema, v.name, i.name), what: "index" })),
      ),
  ];
};

const indexLikes = (t: Table): Named[] => {
  const at = (name: string) => objectPath(t.schema, t.name, name);
  return [
    ...(t.primaryKey ? [{ name: t.primaryKey.name, path: at(t.primaryKey.name), what: "primary key index" }] : []),
    ...(t.uniques ?? []).map((u) => ({ name: u.name, path: at(u.name), what: "unique constraint index" })),
    ...(t.exclusions ?? []).map((e) => ({ name: e.name, path: at(e.name), what: "exclusion constraint index" })),
    ...(t.indexes ?? []).map((i) => ({ name: i.name, path: at(i.name), what: "index" })),
  ];
};

/** Types of one schema: enums, domains, and the row type every table and view has. */
const typesOf = (catalog: Catalog, schema: string): Named[] => [
  ...catalog.enums
    .filter((e) => e.schema === schema)
    .map((e) => ({ name: e.name, path: objectPath(e.schema, e.name), what: "enum" })),
  ...catalog.domains
    .filter((d) => d.schema === schema)
    .map((d) => ({ name: d.name, path: objectPath(d.schema, d.name), what: "domain" })),
  ...catalog.tables
    .filter((t) => t.schema === schema)
    .map((t) => ({ name: t.name, path: objectPath(t.schema, t.name), what: "the row type of table" })),
];

const constraintsOf = (t: Table): Named[] => {
  const at = (name: string) => objectPath(t.schema, t.name, name);
  return [
    ...(t.primaryKey ? [{ name: t.primaryKey.name, path: at(t.primaryKey.name), what: "primary key" }] : []),
    ...(t.uniques ?? []).map((u) => ({ name: u.name, path: at(u.name), what: "unique constraint" })),
    ...(t.checks ?? []).map((c) => ({ name: c.name, path: at(c.name), what: "check constraint" })),
    ...(t.foreignKeys ?? []).map((f) => ({ name: f.name, path: at(f.name), what: "foreign key" })),
    ...(t.exclusions ?? []).map((e) => ({ name: e.name, path: at(e.name), what: "exclusion constraint" })),
  ];
};

export const checkDuplicateNames = (catalog: Catalog): Finding[] => {
  const schemas = new Set([
    ...catalog.schemas.map((s) => s.name),
    ...catalog.tables.map((t) => t.schema),
    ...catalog.views.map((v) => v.schema),
  ]);
  return [
    ...duplicates(
      catalog.schemas.map((s) => ({ name: s.name, path: s.name, what: "schema" })),
      "the database",
    ),
    ...duplicates(
      catalog.extensions.map((e) => ({ name: e.name, path: e.name, what: "extension" })),
      "the database",
    ),
    ...duplicates(
      catalog.roles.map((r) => ({ name: r.name, path: r.name, what: "role" })),
      "the cluster",
    ),
    ...[...schemas].flatMap((s) =>
      duplicates(relationsOf(catalog, s), `schema ${s} (tables, views, sequences and indexes share one namespace)`),
    ),
    ...[...schemas].flatMap((s) => duplicates(typesOf(catalog, s), `schema ${s} (types)`)),
    ...[...bySchema(catalog.collations)].flatMap(([s, list]) =>
      duplicates(
        list.map((c) => ({ name: c.name, path: objectPath(c.schema, c.name), what: "collation" })),
        `schema ${s} (collations)`,
      ),
    ),
    ...duplicates(
      catalog.functions.map((f) => ({ name: functionSignature(f), path: functionSignature(f), what: "function" })),
      "the database (functions are identified by name and argument types)",
    ),
    ...catalog.views.flatMap((v) => {
      const path = objectPath(v.schema, v.name);
      return duplicates(
        (v.columns ?? []).map((c) => ({ name: c.name, path: objectPath(path, c.name), what: "column" })),
        `view ${path} (columns)`,
      );
    }),
    ...catalog.tables.flatMap((t) => {
      const path = objectPath(t.schema, t.name);
      return [
        ...duplicates(
          t.columns.map((c) => ({ name: c.name, path: objectPath(path, c.name), what: "column" })),
          `table ${path} (columns)`,
        ),
        ...duplicates(constraintsOf(t), `table ${path} (constraints)`),
        ...duplicates(
          (t.policies ?? []).map((p) => ({ name: p.name, path: objectPath(path, p.name), what: "policy" })),
          `table ${path} (policies)`,
        ),
        ...duplicates(
          (t.triggers ?? []).map((g) => ({ name: g.name, path: objectPath(path, g.name), what: "trigger" })),
          `table ${path} (triggers)`,
        ),
      ];
    }),
  ];
};

const bytes = (name: string): number => Buffer.byteLength(name, "utf8");

/** Every identifier the catalog declares, with the path that shows where it is. */
const identifiers = (catalog: Catalog): { readonly name: string; readonly path: string }[] => [
  ...catalog.schemas.map((s) => ({ name: s.name, path: s.name })),
  ...catalog.roles.map((r) => ({ name: r.name, path: r.name })),
  ...[...catalog.collations, ...catalog.enums, ...catalog.domains, ...catalog.sequences, ...catalog.functions].map(
    (o) => ({ name: o.name, path: objectPath(o.schema, o.name) }),
  ),
  ...catalog.enums.flatMap((e) => e.values.map((v) => ({ name: v, path: objectPath(e.schema, e.name, v) }))),
  ...catalog.functions.flatMap((f) =>
    f.args.flatMap((a) => (a.name ? [{ name: a.name, path: objectPath(functionSignature(f), a.name) }] : [])),
  ),
  ...catalog.views.flatMap((v) => [
    { name: v.name, path: objectPath(v.schema, v.name) },
    ...(v.indexes ?? []).map((i) => ({ name: i.name, path: objectPath(v.schema, v.name, i.name) })),
  ]),
  ...catalog.tables.flatMap((t) => {
    const path = objectPath(t.schema, t.name);
    return [
      { name: t.name, path },
      ...t.columns.map((c) => ({ name: c.name, path: objectPath(path, c.name) })),
      ...constraintsOf(t),
      ...(t.indexes ?? []).map((i) => ({ name: i.name, path: objectPath(path, i.name) })),
      ...(t.policies ?? []).map((p) => ({ name: p.name, path: objectPath(path, p.name) })),
      ...(t.triggers ?? []).map((g) => ({ name: g.name, path: objectPath(path, g.name) })),
      ...allPartitions(t).map(({ partition, parentPath }) => ({
        name: partition.name,
        path: objectPath(parentPath, partition.name),
      })),
    ];
  }),
];

/** Identifiers that are empty, or longer than PostgreSQL keeps (one pass over every name). */
export const checkIdentifiers = (catalog: Catalog): Finding[] =>
  identifiers(catalog).flatMap(({ name, path }): Finding[] => {
    if (name === "") return [error("empty-name", path || "(catalog)", "an object has an empty name", "give it a name")];
    if (name.length * 3 <= MAX_BYTES) return [];
    const size = bytes(name);
    if (size <= MAX_BYTES) return [];
    return [
      error(
        "identifier-too-long",
        path,
        `identifier "${name}" is ${size} bytes; PostgreSQL truncates names to ${MAX_BYTES} bytes, so the database would not match the declaration`,
        `shorten it to at most ${MAX_BYTES} bytes`,
      ),
    ];
  });
