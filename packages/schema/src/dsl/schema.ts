/** `CREATE SCHEMA`. `public` exists in every database and need not be declared. */
import type { Schema } from "../catalog/model.js";
import { compact, DECLARATION, type Declaration } from "./declaration.js";
import { type GrantSpec, lowerGrants } from "./grant.js";

export interface SchemaOptions {
  readonly comment?: string;
  readonly grants?: readonly GrantSpec[];
}

export interface SchemaHandle extends Declaration<"schema"> {
  readonly name: string;
  readonly options: SchemaOptions;
}

/** @example export const auth = schema("auth", { comment: "users and groups", grants: [grant(appRole, ["USAGE"])] }) */
export const schema = (name: string, options: SchemaOptions = {}): SchemaHandle => ({
  [DECLARATION]: "schema",
  name,
  options,
});

export const lowerSchema = (handle: SchemaHandle): Schema =>
  compact({ name: handle.name, comment: handle.options.comment, grants: lowerGrants(handle.options.grants) });
