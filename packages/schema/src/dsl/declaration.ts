/**
 * What every DSL handle has in common: a kind tag (so `defineCatalog` can pick declarations out of a
 * module namespace) and a way to be interpolated into a `sql` template.
 */
import type { QualifiedName } from "../catalog/model.js";

export type DeclarationKind =
  | "extension"
  | "schema"
  | "role"
  | "collation"
  | "function"
  | "enum"
  | "domain"
  | "sequence"
  | "table"
  | "view"
  | "defaultPrivilege";

/** The kind tag of a handle; a symbol so that it never collides with a column called `kind`. */
export const DECLARATION: unique symbol = Symbol.for("@platform/schema/dsl/declaration");

/** How a handle prints inside a `sql` template, and which objects it makes the expression depend on. */
export const TO_SQL: unique symbol = Symbol.for("@platform/schema/dsl/to-sql");

export type SqlReference =
  | { readonly kind: "column"; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: "relation"; readonly schema: string; readonly name: string }
  | { readonly kind: "function"; readonly schema: string; readonly name: string }
  | { readonly kind: "type"; readonly schema: string; readonly name: string };

export interface SqlFragment {
  readonly text: string;
  readonly references: readonly SqlReference[];
}

export interface SqlRenderable {
  readonly [TO_SQL]: () => SqlFragment;
}

export interface Declaration<K extends DeclarationKind = DeclarationKind> {
  readonly [DECLARATION]: K;
}

export const isDeclaration = (value: unknown): value is Declaration =>
  (typeof value === "object" || typeof value === "function") && value !== null && DECLARATION in (value as object);

export const isRenderable = (value: unknown): value is SqlRenderable =>
  (typeof value === "object" || typeof value === "function") && value !== null && TO_SQL in (value as object);

/** Something that names a schema: a `schema(...)` handle or the schema's name. */
export type SchemaLike = string | { readonly name: string; readonly [DECLARATION]: "schema" };

export const schemaName = (schema: SchemaLike): string => (typeof schema === "string" ? schema : schema.name);

/** Something that names a role: a `role(...)` handle, a role name, or `"PUBLIC"`. */
export type RoleLike = string | { readonly name: string; readonly [DECLARATION]: "role" };

export const roleName = (role: RoleLike): string => (typeof role === "string" ? role : role.name);

/** Drop keys whose value is `undefined`, `false` or an empty array, as the Catalog wants optional fields omitted. */
export const compact = <T extends object>(value: T): T => {
  // a loop, not entries/filter/fromEntries: every lowered object passes through here
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v: unknown = value[key];
    if (v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) out[key] = v;
  }
  return out as T;
};
