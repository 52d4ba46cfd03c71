/** `CREATE EXTENSION`. Types an extension provides (`vector`) are qualified with its schema when lowered. */
import type { Extension } from "../catalog/model.js";
import { compact, DECLARATION, type Declaration, type SchemaLike, schemaName } from "./declaration.js";

export interface ExtensionHandle extends Declaration<"extension"> {
  readonly name: string;
  readonly schema?: string;
  readonly comment?: string;
}

/** @example export const pgvector = extension("vector", { schema: "public" }) */
export const extension = (
  name: string,
  options: { readonly schema?: SchemaLike; readonly comment?: string } = {},
): ExtensionHandle => ({
  [DECLARATION]: "extension",
  name,
  ...(options.schema !== undefined ? { schema: schemaName(options.schema) } : {}),
  ...(options.comment !== undefined ? { comment: options.comment } : {}),
});

export const lowerExtension = (handle: ExtensionHandle): Extension =>
  compact({ name: handle.name, schema: handle.schema, comment: handle.comment });
