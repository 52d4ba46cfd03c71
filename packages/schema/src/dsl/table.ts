/**
 * `CREATE TABLE`. `table(schema, name, columns, options)` returns a handle whose properties are the columns
 * (`users.email`), typed by the declared column names, for foreign keys, keys and `sql` templates.
 */
import type { PartitionTemplate, QualifiedName } from "../catalog/model.js";
import { type ColumnBuilder, ColumnRef } from "./column.js";
import type { CheckConstraintSpec, ExclusionSpec, ForeignKeySpec, PrimaryKeySpec, UniqueSpec } from "./constraints.js";
import {
  DECLARATION,
  type Declaration,
  type SchemaLike,
  type SqlFragment,
  type SqlRenderable,
  schemaName,
  TO_SQL,
} from "./declaration.js";
import type { GrantSpec } from "./grant.js";
import type { IndexSpec } from "./indexes.js";
import type { PartitionBySpec, PartitionSpec } from "./partitions.js";
import type { PolicySpec } from "./policy.js";
import { quoteQualified } from "./quote.js";
import type { TriggerSpec } from "./trigger.js";

export type ColumnsShape = Readonly<Record<string, ColumnBuilder>>;

export interface TableOptions {
  readonly comment?: string;
  /** `CREATE UNLOGGED TABLE`: not WAL-logged, emptied after a crash */
  readonly unlogged?: boolean;
  readonly primaryKey?: PrimaryKeySpec;
  readonly uniques?: readonly UniqueSpec[];
  readonly checks?: readonly CheckConstraintSpec[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  readonly exclusions?: readonly ExclusionSpec[];
  readonly indexes?: readonly IndexSpec[];
  readonly partitionBy?: PartitionBySpec;
  /** fixed partitions (and the DEFAULT one); they live in the table's schema */
  readonly partitions?: readonly PartitionSpec[];
  readonly partitionTemplate?: PartitionTemplate;
  readonly rowLevelSecurity?: "enabled" | "forced";
  readonly policies?: readonly PolicySpec[];
  readonly triggers?: readonly TriggerSpec[];
  readonly grants?: readonly GrantSpec[];
  /** rename hint for the diff: the table's previous name in the same schema (diff never guesses renames) */
  readonly renamedFrom?: string;
}

export const TABLE: unique symbol = Symbol.for("@platform/schema/dsl/table");

export interface TableDefinition {
  readonly schema: string;
  readonly name: string;
  readonly columns: ColumnsShape;
  /** evaluated when the catalog is lowered, so it may mention tables declared later */
  readonly options: () => TableOptions;
}

export type TableColumns<C extends ColumnsShape> = { readonly [K in keyof C & string]: ColumnRef<K> };

export type TableHandle<C extends ColumnsShape = ColumnsShape> = TableColumns<C> &
  Declaration<"table"> &
  SqlRenderable & { readonly [TABLE]: TableDefinition };

/** The last argument of `table(...)`: options, or a function of the table handle returning them. */
export type TableOptionsArg<C extends ColumnsShape> = TableOptions | ((t: TableHandle<C>) => TableOptions);

/**
 * @example
 * export const users = table(auth, "users", {
 *   id: uuid().primaryKey().default(sql`public.uuid_generate_v7()`),
 *   email: varchar(255).notNull().unique(),
 *   status: userStatus().notNull().default("active"),
 *   created_at: timestamptz().notNull().default(sql`now()`),
 * }, (t) => ({
 *   comment: "people who sign in",
 *   indexes: [index().on(t.created_at.desc())],
 * }))
 */
export const table = <C extends ColumnsShape>(
  schema: SchemaLike,
  name: string,
  columns: C,
  options: TableOptionsArg<C> = {},
): TableHandle<C> => {
  const qualified: QualifiedName = { schema: schemaName(schema), name };
  const refs = Object.fromEntries(
    Object.entries(columns).map(([column, builder]) => [column, new ColumnRef(qualified, column, builder)]),
  );
  const fragment: SqlFragment = {
    text: quoteQualified(qualified.schema, name),
    references: [{ kind: "relation", ...qualified }],
  };
  let resolved: TableOptions | undefined;
  const handle = {
    ...refs,
    [DECLARATION]: "table" as const,
    [TO_SQL]: () => fragment,
    [TABLE]: {
      ...qualified,
      columns,
      options: () => {
        resolved ??= typeof options === "function" ? options(handle) : options;
        return resolved;
      },
    },
  } as unknown as TableHandle<C>;
  return handle;
};

export const isTable = (value: unknown): value is TableHandle =>
  typeof value === "object" && value !== null && TABLE in value;

/** The qualified name of a table handle (its properties are its columns, so the name lives under a symbol). */
export const tableName = (handle: TableHandle): QualifiedName => ({
  schema: handle[TABLE].schema,
  name: handle[TABLE].name,
});
