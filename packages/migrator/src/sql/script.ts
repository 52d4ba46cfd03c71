import { type Catalog, type FunctionDef, functionSignature, qualifiedPath, sortBy, type Table } from "@platform/schema";
import { createCollation } from "./collations.js";
import { collectComments, commentOn } from "./comments.js";
import { createDomain } from "./domains.js";
import { createEnum } from "./enums.js";
import { createExtension } from "./extensions.js";
import { addForeignKey } from "./foreign-keys.js";
import { createFunction } from "./functions.js";
import { grant, grantDefaultPrivilege } from "./grants.js";
import { createIndex } from "./indexes.js";
import { topologicalSort } from "./order.js";
import { createPartitionTree } from "./partitions.js";
import { createPolicy, rowLevelSecurity } from "./policies.js";
import { typeName } from "./quote.js";
import { createRole, grantRoleMembership } from "./roles.js";
import { createSchema } from "./schemas.js";
import { createSequence, setSequenceOwner } from "./sequences.js";
import { createTable } from "./tables.js";
import { createTrigger } from "./triggers.js";
import { createViewWithIndexes, orderViews } from "./views.js";

/** A titled group of statements; the script prints it as `-- <title>` and one statement per line. */
export interface Section {
  readonly title: string;
  readonly statements: readonly string[];
}

const byPath = <T extends { readonly schema: string; readonly name: string }>(items: readonly T[]): T[] =>
  sortBy(items, qualifiedPath);

/** Domains may be declared over other domains: those come first. */
const orderDomains = (catalog: Catalog) =>
  topologicalSort(byPath(catalog.domains), qualifiedPath, (domain) => {
    const base = typeName(domain.type.replace(/(\[\])+$/, ""));
    return base ? [qualifiedPath(base)] : [];
  });

const roles = (catalog: Catalog): string[] => {
  const sorted = sortBy(catalog.roles, (r) => r.name);
  return [
    ...sorted.map(createRole),
    ...sorted.flatMap((role) =>
      [...(role.memberOf ?? [])].sort().map((group) => grantRoleMembership(role.name, group)),
    ),
  ];
};

/**
 * A function whose arguments or result use a table's row type (`RETURNS SETOF auth.users`) can only be
 * created once that table exists; every other function is created before the tables, whose defaults,
 * checks and generated columns may call it.
 */
const usesTableRowType = (catalog: Catalog) => {
  const tableKeys = new Set(catalog.tables.map(qualifiedPath));
  const names = (type: string) => {
    const name = typeName(type.replace(/^setof\s+/i, ""));
    return name !== undefined && tableKeys.has(qualifiedPath(name));
  };
  return (fn: FunctionDef): boolean => names(fn.returns) || fn.args.some((arg) => names(arg.type));
};

/**
 * SQL-language function bodies are checked at creation by default, and may read tables that are
 * created later in the script: like pg_dump, turn the check off, for the functions only.
 */
const createFunctions = (functions: readonly FunctionDef[]): string[] =>
  functions.length === 0
    ? []
    : [
        "SET check_function_bodies = false;",
        ...sortBy(functions, functionSignature).map((fn) => createFunction(fn)),
        "RESET check_function_bodies;",
      ];

const functions = (catalog: Catalog): string[] => {
  const late = usesTableRowType(catalog);
  return createFunctions(catalog.functions.filter((fn) => !late(fn)));
};

const functionsOnRowTypes = (catalog: Catalog): string[] => {
  const late = usesTableRowType(catalog);
  return createFunctions(catalog.functions.filter(late));
};

const tables = (catalog: Catalog): Table[] => byPath(catalog.tables);

const indexes = (catalog: Catalog): string[] =>
  tables(catalog).flatMap((table) =>
    sortBy(table.indexes ?? [], (i) => i.name).map((index) => createIndex(table, index)),
  );

const foreignKeys = (catalog: Catalog): string[] =>
  tables(catalog).flatMap((table) =>
    sortBy(table.foreignKeys ?? [], (fk) => fk.name).map((fk) => addForeignKey(table, fk)),
  );

const views = (catalog: Catalog): string[] => orderViews(byPath(catalog.views)).flatMap(createViewWithIndexes);

const triggers = (catalog: Catalog): string[] =>
  tables(catalog).flatMap((table) => sortBy(table.triggers ?? [], (t) => t.name).map((t) => createTrigger(table, t)));

const security = (catalog: Catalog): string[] =>
  tables(catalog).flatMap((table) => [
    ...rowLevelSecurity(table),
    ...sortBy(table.policies ?? [], (p) => p.name).map((policy) => createPolicy(table, policy)),
  ]);

const grants = (catalog: Catalog): string[] => {
  const byGrantee = <T extends { readonly grantee: string }>(items: readonly T[] | undefined): T[] =>
    sortBy(items ?? [], (g) => g.grantee);
  return [
    ...sortBy(catalog.schemas, (s) => s.name).flatMap((s) =>
      byGrantee(s.grants).map((g) => grant({ kind: "schema", name: s.name }, g)),
    ),
    ...byPath(catalog.sequences).flatMap((s) =>
      byGrantee(s.grants).map((g) => grant({ kind: "sequence", sequence: s }, g)),
    ),
    ...sortBy(catalog.functions, functionSignature).flatMap((fn) =>
      byGrantee(fn.grants).map((g) => grant({ kind: "function", fn }, g)),
    ),
    ...tables(catalog).flatMap((t) => byGrantee(t.grants).map((g) => grant({ kind: "table", table: t }, g))),
    ...byPath(catalog.views).flatMap((v) => byGrantee(v.grants).map((g) => grant({ kind: "table", table: v }, g))),
    ...sortBy(catalog.defaultPrivileges, (d) =>
      [d.forRole ?? "", d.schema, d.objectType, d.grantee].join("\u0000"),
    ).map(grantDefaultPrivilege),
  ];
};

/**
 * The sections of the create script, in creation order. Schemas come before extensions because
 * `CREATE EXTENSION ... WITH SCHEMA` needs its schema to exist.
 */
export const createScriptSections = (catalog: Catalog): Section[] =>
  [
    { title: "schemas", statements: sortBy(catalog.schemas, (s) => s.name).map(createSchema) },
    { title: "extensions", statements: sortBy(catalog.extensions, (e) => e.name).map(createExtension) },
    { title: "roles", statements: roles(catalog) },
    { title: "collations", statements: byPath(catalog.collations).map(createCollation) },
    { title: "enums", statements: byPath(catalog.enums).map(createEnum) },
    { title: "domains", statements: orderDomains(catalog).map(createDomain) },
    { title: "sequences", statements: byPath(catalog.sequences).map(createSequence) },
    { title: "functions", statements: functions(catalog) },
    { title: "tables", statements: tables(catalog).map(createTable) },
    { title: "functions on table row types", statements: functionsOnRowTypes(catalog) },
    { title: "partitions", statements: tables(catalog).flatMap(createPartitionTree) },
    {
      title: "sequence ownership",
      statements: byPath(catalog.sequences)
        .filter((s) => s.ownedBy)
        .map(setSequenceOwner),
    },
    { title: "indexes", statements: indexes(catalog) },
    { title: "foreign keys", statements: foreignKeys(catalog) },
    { title: "views", statements: views(catalog) },
    { title: "triggers", statements: triggers(catalog) },
    { title: "row level security", statements: security(catalog) },
    { title: "grants", statements: grants(catalog) },
    { title: "comments", statements: collectComments(catalog).map(({ target, text }) => commentOn(target, text)) },
  ].filter((section) => section.statements.length > 0);

/** `-- title`, the statements one per line, sections separated by a blank line; ends with a newline. */
export const renderSections = (sections: readonly Section[]): string =>
  sections.map((section) => `-- ${section.title}\n${section.statements.map((s) => `${s}\n`).join("")}`).join("\n");

/**
 * One ordered, deterministic script that creates `catalog` in an empty database: the same Catalog
 * always gives byte-identical SQL. Partition templates add nothing (rolling partitions are created by
 * an operational command).
 *
 * @example
 * await db.exec(emitCreateScript(catalog))
 */
export const emitCreateScript = (catalog: Catalog): string => renderSections(createScriptSections(catalog));
