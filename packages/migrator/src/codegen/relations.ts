import { type Column, compareKeys, objectPath, type RelationShapes, type ViewColumn } from "@platform/schema/shapes";
import type { CodegenIssue } from "./issues.js";
import { relationId } from "./naming.js";
import { type Codec, resolveType, type TypeContext } from "./type-map.js";
import { viewColumns } from "./view-columns.js";

/** Who writes a column: the caller; the database unless told (`Generated`); only the database. */
export type Writability = "writable" | "defaulted" | "always-generated";

export interface TypedColumn {
  readonly name: string;
  readonly text: string;
  readonly helpers: readonly string[];
  readonly nullable: boolean;
  readonly writability: Writability;
  readonly codec?: Codec;
  readonly comment?: string;
}

export interface TypedRelation {
  /** key in `DB`: `auth.users`, or `users` in `public` */
  readonly id: string;
  readonly kind: "table" | "view" | "materialized view";
  readonly columns: readonly TypedColumn[];
  readonly comment?: string;
}

const writability = (column: Column): Writability => {
  if (column.generated !== undefined || column.identity?.generation === "always") return "always-generated";
  if (column.identity || column.default !== undefined || /^(small|big)?serial$/.test(column.type)) return "defaulted";
  return "writable";
};

/** PostgreSQL makes identity, serial and primary-key columns NOT NULL whether or not the declaration says so. */
const impliedNotNull = (column: Column, keyColumns: ReadonlySet<string>): boolean =>
  column.identity !== undefined || /^(small|big)?serial$/.test(column.type) || keyColumns.has(column.name);

const typeColumn = (
  column: Column | ViewColumn,
  path: string,
  ctx: TypeContext,
  mode: Writability | undefined,
): TypedColumn | CodegenIssue => {
  const resolved = resolveType(column.type, ctx);
  if (!resolved.ok) {
    return {
      code: "unknown-type",
      path,
      message: resolved.reason,
      fix: "declare the column with a type packages/migrator/src/codegen/type-map.ts maps, or add a mapping there",
    };
  }
  const { type } = resolved;
  return {
    name: column.name,
    text: type.text,
    helpers: type.helpers,
    nullable: !(column.notNull || type.notNull),
    writability: mode ?? "writable",
    ...(type.codec ? { codec: type.codec } : {}),
    ...(column.comment ? { comment: column.comment } : {}),
  };
};

const isIssue = (x: TypedColumn | CodegenIssue): x is CodegenIssue => "code" in x;

const sortedColumns = (columns: readonly TypedColumn[]): TypedColumn[] =>
  [...columns].sort((a, b) => compareKeys(a.name, b.name));

/**
 * Every table and view of the Catalog with its columns typed. Partitions are not relations of their
 * own (they are nested in their parent and queried through it), so they never appear here.
 */
export const typedRelations = (
  catalog: RelationShapes,
  ctx: TypeContext,
): { readonly relations: readonly TypedRelation[]; readonly issues: readonly CodegenIssue[] } => {
  const relations: TypedRelation[] = [];
  const issues: CodegenIssue[] = [];
  for (const table of catalog.tables) {
    const keyColumns = new Set(table.primaryKey?.columns ?? []);
    const typed = table.columns.map((c) =>
      typeColumn(
        impliedNotNull(c, keyColumns) ? { ...c, notNull: true } : c,
        objectPath(table.schema, table.name, c.name),
        ctx,
        writability(c),
      ),
    );
    issues.push(...typed.filter(isIssue));
    relations.push({
      id: relationId(table.schema, table.name),
      kind: "table",
      columns: sortedColumns(typed.filter((c): c is TypedColumn => !isIssue(c))),
      ...(table.comment ? { comment: table.comment } : {}),
    });
  }
  const columnsOfViews = viewColumns(catalog);
  for (const view of catalog.views) {
    const path = objectPath(view.schema, view.name);
    const kind = view.materialized ? "materialized view" : "view";
    const columns = columnsOfViews.get(view);
    if (!columns?.ok) {
      issues.push({
        code: "view-columns-unknown",
        path,
        message: `the columns of ${kind} ${path} cannot be read from its definition: ${columns?.reason ?? "not found"}`,
        fix: `list the ${kind}'s output columns in its declaration (View.columns: name, type, notNull)`,
      });
      continue;
    }
    const typed = columns.columns.map((c) => typeColumn(c, objectPath(path, c.name), ctx, undefined));
    issues.push(...typed.filter(isIssue));
    relations.push({
      id: relationId(view.schema, view.name),
      kind,
      columns: sortedColumns(typed.filter((c): c is TypedColumn => !isIssue(c))),
      ...(view.comment ? { comment: view.comment } : {}),
    });
  }
  return { relations: [...relations].sort((a, b) => compareKeys(a.id, b.id)), issues };
};
