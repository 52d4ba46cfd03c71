/**
 * Collecting declarations: every handle reachable from the inputs (modules, arrays, objects), grouped by
 * kind, and what lowering needs to know about them all. Shared by `lowerDeclarations` (the whole Catalog)
 * and `lowerRelationShapes` (what the types need), which must not pull in each other's dependencies.
 */
import type { CollationHandle } from "./collation.js";
import { DECLARATION, type Declaration, type DeclarationKind, isDeclaration } from "./declaration.js";
import type { DomainHandle } from "./domain.js";
import type { EnumHandle } from "./enum.js";
import type { ExtensionHandle } from "./extension.js";
import type { FunctionHandle } from "./function.js";
import type { DefaultPrivilegesHandle } from "./grant.js";
import type { LowerContext } from "./lower-context.js";
import type { RoleHandle } from "./role.js";
import type { SchemaHandle } from "./schema.js";
import type { SequenceHandle } from "./sequence.js";
import type { TableHandle } from "./table.js";
import type { ViewHandle } from "./view.js";

/** Declarations, arrays of them, or objects holding them (`import * as auth from "./auth.js"`). */
export type DeclarationInput = Declaration | readonly DeclarationInput[] | { readonly [key: string]: unknown };

/** Declarations by kind, each list in first-seen order. */
export interface DeclarationsByKind {
  readonly extension: ExtensionHandle[];
  readonly schema: SchemaHandle[];
  readonly role: RoleHandle[];
  readonly collation: CollationHandle[];
  readonly function: FunctionHandle[];
  readonly enum: EnumHandle[];
  readonly domain: DomainHandle[];
  readonly sequence: SequenceHandle[];
  readonly table: TableHandle[];
  readonly view: ViewHandle[];
  readonly defaultPrivilege: DefaultPrivilegesHandle[];
}

/** Every declaration reachable from the inputs, each once, in first-seen order. */
export const collectDeclarations = (inputs: readonly unknown[]): Declaration[] => {
  const seen = new Set<unknown>();
  const out: Declaration[] = [];
  const visit = (value: unknown): void => {
    if (value === null || seen.has(value)) return;
    if (isDeclaration(value)) {
      seen.add(value);
      out.push(value);
    } else if (Array.isArray(value)) {
      seen.add(value);
      value.forEach(visit);
    } else if (typeof value === "object") {
      seen.add(value);
      Object.values(value as object).forEach(visit);
    }
  };
  inputs.forEach(visit);
  return out;
};

/** Every declaration reachable from the inputs, grouped by kind. */
export const groupDeclarations = (inputs: readonly unknown[]): DeclarationsByKind => group(collectDeclarations(inputs));

const group = (declarations: readonly Declaration[]): DeclarationsByKind => {
  const collected: { [K in DeclarationKind]: Declaration[] } = {
    extension: [],
    schema: [],
    role: [],
    collation: [],
    function: [],
    enum: [],
    domain: [],
    sequence: [],
    table: [],
    view: [],
    defaultPrivilege: [],
  };
  for (const d of declarations) collected[d[DECLARATION]].push(d);
  return collected as unknown as DeclarationsByKind;
};

/** The sort key of schema objects: (schema, name) in code-point order. */
export const qualifiedKey = (o: { readonly schema: string; readonly name: string }): string =>
  `${o.schema}\u0000${o.name}`;

/** Where each declared extension lives, for lowering types such as `vector(1536)`. */
export const lowerContextOf = (d: DeclarationsByKind): LowerContext => {
  const extensionSchemas = new Map(d.extension.map((e) => [e.name, e.schema ?? "public"]));
  return { extensionSchema: (name) => extensionSchemas.get(name) ?? "public" };
};
