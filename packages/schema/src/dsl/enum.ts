/** `CREATE TYPE ... AS ENUM`. The handle is also the column factory: `status: userStatus().notNull()`. */
import type { EnumType } from "../catalog/model.js";
import { type ColumnBuilder, column } from "./column.js";
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
import { quoteQualified } from "./quote.js";

export interface EnumHandle<Values extends readonly string[] = readonly string[]>
  extends Declaration<"enum">,
    SqlRenderable {
  (): ColumnBuilder;
  readonly schema: string;
  readonly enumName: string;
  readonly values: Values;
  readonly comment?: string;
}

/**
 * Values keep their declared order (it is the sort order of the type).
 * @example
 * export const userStatus = enumType(auth, "user_status", ["active", "disabled", "deleted"])
 * status: userStatus().notNull().default("active")
 */
export const enumType = <const Values extends readonly string[]>(
  schema: SchemaLike,
  name: string,
  values: Values,
  options: { readonly comment?: string } = {},
): EnumHandle<Values> => {
  const qualified = { schema: schemaName(schema), name };
  const fragment: SqlFragment = {
    text: quoteQualified(qualified.schema, name),
    references: [{ kind: "type", ...qualified }],
  };
  const factory = (): ColumnBuilder => column({ kind: "user", ...qualified, arrayDims: 0 });
  // `name` of a function is read-only, hence `enumName`
  return Object.assign(factory, {
    [DECLARATION]: "enum" as const,
    schema: qualified.schema,
    enumName: name,
    values,
    ...(options.comment !== undefined ? { comment: options.comment } : {}),
    [TO_SQL]: () => fragment,
  });
};

export const lowerEnum = (handle: EnumHandle): EnumType => ({
  schema: handle.schema,
  name: handle.enumName,
  values: [...handle.values],
  ...compact({ comment: handle.comment }),
});
