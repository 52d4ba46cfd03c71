/**
 * `lowerRelationShapes(...)`: the part of the Catalog that says what rows look like — tables with their
 * columns, primary key columns and comment; views and materialized views with their definition, declared
 * columns and comment; the enums and domains columns are typed with. What `migrate types` generates the
 * Kysely types from.
 *
 * Why a second entry into the DSL: `lowerDeclarations` also names every constraint and index the way
 * PostgreSQL would, lowers grants, policies, triggers and partitions, checks what `sql` templates mention
 * and validates the whole Catalog. The types need none of it, and in a short-lived `migrate types` that
 * work was most of the run. The shapes come from the same lowering functions (`lowerColumns`,
 * `primaryKeyColumns`, `lowerViewColumns`, `lowerEnum`, `lowerDomain`), so they equal the full Catalog's
 * (test/relation-shapes.test.ts). Declarations are not validated here: `defineCatalog` does that.
 *
 * @example
 * import * as auth from "./auth.js";
 * const shapes = lowerRelationShapes(auth); // shapes.tables[0].columns …
 */

import { sortBy } from "../catalog/identity.js";
import type { Domain, EnumType, PrimaryKey, Table, View } from "../catalog/model.js";
import { type DeclarationInput, groupDeclarations, lowerContextOf, qualifiedKey } from "./collect.js";
import { lowerDomain } from "./domain.js";
import { lowerEnum } from "./enum.js";
import { columnRefs, lowerColumns, primaryKeyColumns } from "./lower-table.js";
import { lowerViewColumns } from "./lower-view.js";
import { TABLE } from "./table.js";
import { viewBase } from "./view.js";

export type TableShape = Pick<Table, "schema" | "name" | "columns" | "comment"> & {
  readonly primaryKey?: Pick<PrimaryKey, "columns">;
};

export type ViewShape = Pick<View, "schema" | "name" | "materialized" | "definition" | "columns" | "comment">;

/** Row shapes of a database. A whole `Catalog` is one too (it has every field these name), so code that takes shapes takes a Catalog. */
export interface RelationShapes {
  readonly tables: readonly TableShape[];
  readonly views: readonly ViewShape[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly Domain[];
}

/** Shapes of the tables, views, enums and domains the inputs declare, in the Catalog's order. */
export const lowerRelationShapes = (...inputs: readonly DeclarationInput[]): RelationShapes => {
  const d = groupDeclarations(inputs);
  const context = lowerContextOf(d);
  const tables = d.table.map((handle): TableShape => {
    const def = handle[TABLE];
    const options = def.options();
    const columns = columnRefs(handle);
    const keyColumns = primaryKeyColumns(columns, options);
    return {
      schema: def.schema,
      name: def.name,
      columns: lowerColumns(columns, keyColumns, context),
      ...(keyColumns ? { primaryKey: { columns: keyColumns } } : {}),
      ...(options.comment !== undefined ? { comment: options.comment } : {}),
    };
  });
  const views = d.view.map((v): ViewShape => {
    const { dependsOn: _dependsOn, ...head } = viewBase(v);
    const columns = lowerViewColumns(v, context);
    return {
      ...head,
      ...(columns.length > 0 ? { columns } : {}),
      ...(v.options.comment !== undefined ? { comment: v.options.comment } : {}),
    };
  });
  return {
    tables: sortBy(tables, qualifiedKey),
    views: sortBy(views, qualifiedKey),
    enums: sortBy(d.enum.map(lowerEnum), qualifiedKey),
    domains: sortBy(
      d.domain.map((x) => lowerDomain(x, context)),
      qualifiedKey,
    ),
  };
};
