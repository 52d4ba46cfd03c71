/** `CREATE COLLATION`, e.g. the case-insensitive ICU collation `nocase`. */
import type { Collation } from "../catalog/model.js";
import { compact, DECLARATION, type Declaration, type SchemaLike, schemaName } from "./declaration.js";

export interface CollationOptions {
  readonly provider: Collation["provider"];
  readonly locale: string;
  /** default true; case-insensitive ICU collations are nondeterministic */
  readonly deterministic?: boolean;
  readonly comment?: string;
}

export interface CollationHandle extends Declaration<"collation"> {
  readonly schema: string;
  readonly name: string;
  readonly options: CollationOptions;
}

/**
 * @example
 * export const nocase = collation("public", "nocase", { provider: "icu", locale: "und-u-ks-level2", deterministic: false })
 * email: text().collate(nocase)
 */
export const collation = (schema: SchemaLike, name: string, options: CollationOptions): CollationHandle => ({
  [DECLARATION]: "collation",
  schema: schemaName(schema),
  name,
  options,
});

export const lowerCollation = (handle: CollationHandle): Collation => ({
  schema: handle.schema,
  name: handle.name,
  provider: handle.options.provider,
  locale: handle.options.locale,
  // required in the model, so not dropped when false
  deterministic: handle.options.deterministic ?? true,
  ...compact({ comment: handle.options.comment }),
});
