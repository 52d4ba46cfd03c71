/**
 * Views and materialized views. Relations interpolated into the definition (`${users}`) become its
 * `dependsOn`, which orders creation.
 */
import type { View } from "../catalog/model.js";
import type { ColumnBuilder } from "./column.js";
import {
  compact,
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
import { quoteQualified } from "./quote.js";
import type { SqlExpression } from "./sql.js";

export interface ViewOptions {
  /**
   * The output columns, in order, typed like table columns (`{ day: date().notNull(), n: bigint() }`).
   * PostgreSQL derives them from the SELECT; declaring them lets `migrate types` work without a database.
   */
  readonly columns?: Readonly<Record<string, ColumnBuilder>>;
  readonly comment?: string;
  readonly grants?: readonly GrantSpec[];
  /** materialized views only; keys name the view's output columns as strings: `index().on("day")` */
  readonly indexes?: readonly IndexSpec[];
}

export interface ViewHandle extends Declaration<"view">, SqlRenderable {
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  readonly definition: SqlExpression;
  readonly options: ViewOptions;
}

const make = (
  schema: SchemaLike,
  name: string,
  definition: SqlExpression,
  materialized: boolean,
  options: ViewOptions,
): ViewHandle => {
  const qualified = { schema: schemaName(schema), name };
  const fragment: SqlFragment = {
    text: quoteQualified(qualified.schema, name),
    references: [{ kind: "relation", ...qualified }],
  };
  return { [DECLARATION]: "view", ...qualified, materialized, definition, options, [TO_SQL]: () => fragment };
};

/** @example export const activeUsers = view(auth, "active_users", sql`SELECT id, email FROM ${users} WHERE status = 'active'`) */
export const view = (
  schema: SchemaLike,
  name: string,
  definition: SqlExpression,
  options: Omit<ViewOptions, "indexes"> = {},
): ViewHandle => make(schema, name, definition, false, options);

/**
 * @example
 * export const dailyStats = materializedView(monitoring, "daily_stats",
 *   sql`SELECT date_trunc('day', ts) AS day, count(*) AS n FROM ${metrics} GROUP BY 1`,
 *   { indexes: [uniqueIndex().on("day")] })
 */
export const materializedView = (
  schema: SchemaLike,
  name: string,
  definition: SqlExpression,
  options: ViewOptions = {},
): ViewHandle => make(schema, name, definition, true, options);

export const viewBase = (handle: ViewHandle): Pick<View, "schema" | "name" | "definition"> & Partial<View> => {
  const seen = new Set<string>();
  const dependsOn = handle.definition.references.flatMap((r) => {
    if (r.kind !== "relation") return [];
    const key = `${r.schema}\u0000${r.name}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ schema: r.schema, name: r.name }];
  });
  return {
    schema: handle.schema,
    name: handle.name,
    ...compact({ materialized: handle.materialized }),
    definition: handle.definition.text.trim().replace(/;\s*$/, ""),
    ...compact({ dependsOn: dependsOn.sort((a, b) => cmp(`${a.schema}.${a.name}`, `${b.schema}.${b.name}`)) }),
  };
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
