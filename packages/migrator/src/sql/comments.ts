import {
  type Catalog,
  type FunctionDef,
  functionSignature,
  type Partition,
  type QualifiedName,
  qualifiedPath,
  sortBy,
  type Table,
  type View,
} from "@platform/schema";
import { functionIdentity } from "./functions.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "./quote.js";

/** Everything the Catalog can carry a comment on. Constraints, triggers and policies are named within their table. */
export type CommentTarget =
  | { readonly kind: "extension"; readonly name: string }
  | { readonly kind: "schema"; readonly name: string }
  | { readonly kind: "role"; readonly name: string }
  | { readonly kind: "collation"; readonly object: QualifiedName }
  | { readonly kind: "type"; readonly object: QualifiedName }
  | { readonly kind: "domain"; readonly object: QualifiedName }
  | { readonly kind: "domain constraint"; readonly domain: QualifiedName; readonly name: string }
  | { readonly kind: "sequence"; readonly object: QualifiedName }
  | { readonly kind: "function"; readonly fn: Pick<FunctionDef, "schema" | "name" | "args"> }
  | { readonly kind: "table"; readonly object: QualifiedName }
  | { readonly kind: "column"; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: "constraint"; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: "index"; readonly object: QualifiedName }
  | { readonly kind: "trigger"; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: "policy"; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: "view"; readonly object: QualifiedName }
  | { readonly kind: "materialized view"; readonly object: QualifiedName };

type On<K extends CommentTarget["kind"]> = (target: Extract<CommentTarget, { kind: K }>) => string;

const ON = {
  extension: (t) => `EXTENSION ${quoteIdent(t.name)}`,
  schema: (t) => `SCHEMA ${quoteIdent(t.name)}`,
  role: (t) => `ROLE ${quoteIdent(t.name)}`,
  collation: (t) => `COLLATION ${quoteQualified(t.object)}`,
  type: (t) => `TYPE ${quoteQualified(t.object)}`,
  domain: (t) => `DOMAIN ${quoteQualified(t.object)}`,
  "domain constraint": (t) => `CONSTRAINT ${quoteIdent(t.name)} ON DOMAIN ${quoteQualified(t.domain)}`,
  sequence: (t) => `SEQUENCE ${quoteQualified(t.object)}`,
  function: (t) => `FUNCTION ${functionIdentity(t.fn)}`,
  table: (t) => `TABLE ${quoteQualified(t.object)}`,
  column: (t) => `COLUMN ${quoteQualified(t.table)}.${quoteIdent(t.column)}`,
  constraint: (t) => `CONSTRAINT ${quoteIdent(t.name)} ON ${quoteQualified(t.table)}`,
  index: (t) => `INDEX ${quoteQualified(t.object)}`,
  trigger: (t) => `TRIGGER ${quoteIdent(t.name)} ON ${quoteQualified(t.table)}`,
  policy: (t) => `POLICY ${quoteIdent(t.name)} ON ${quoteQualified(t.table)}`,
  view: (t) => `VIEW ${quoteQualified(t.object)}`,
  "materialized view": (t) => `MATERIALIZED VIEW ${quoteQualified(t.object)}`,
} as const satisfies { [K in CommentTarget["kind"]]: On<K> };

/**
 * `text` undefined removes the comment (`IS NULL`).
 *
 * @example
 * commentOn({ kind: "column", table: { schema: "auth", name: "users" }, column: "email" }, "login e-mail")
 * // COMMENT ON COLUMN auth.users.email IS 'login e-mail';
 */
export const commentOn = (target: CommentTarget, text: string | undefined): string =>
  `COMMENT ON ${(ON[target.kind] as (t: CommentTarget) => string)(target)} IS ${
    text === undefined ? "NULL" : quoteLiteral(text)
  };`;

/** A comment the Catalog declares, on its object. */
export interface DeclaredComment {
  readonly target: CommentTarget;
  readonly text: string;
}

type Commented = { readonly comment?: string | undefined };

const declared = (target: CommentTarget, item: Commented): DeclaredComment[] =>
  item.comment === undefined ? [] : [{ target, text: item.comment }];

const byName = <T extends { readonly name: string }>(items: readonly T[] | undefined): T[] =>
  sortBy(items ?? [], (i) => i.name);
const byPath = <T extends QualifiedName>(items: readonly T[]): T[] => sortBy(items, qualifiedPath);

const partitionComments = (parent: QualifiedName, partitions: readonly Partition[] | undefined): DeclaredComment[] =>
  byName(partitions).flatMap((p) => {
    const object = { schema: parent.schema, name: p.name };
    return [...declared({ kind: "table", object }, p), ...partitionComments(object, p.partitions)];
  });

const tableComments = (table: Table): DeclaredComment[] => {
  const constraint = (item: { readonly name: string; readonly comment?: string | undefined }) =>
    declared({ kind: "constraint", table, name: item.name }, item);
  return [
    ...declared({ kind: "table", object: table }, table),
    ...table.columns.flatMap((c) => declared({ kind: "column", table, column: c.name }, c)),
    ...(table.primaryKey ? constraint(table.primaryKey) : []),
    ...byName(table.uniques).flatMap(constraint),
    ...byName(table.checks).flatMap(constraint),
    ...byName(table.exclusions).flatMap(constraint),
    ...byName(table.foreignKeys).flatMap(constraint),
    ...byName(table.indexes).flatMap((i) =>
      declared({ kind: "index", object: { schema: table.schema, name: i.name } }, i),
    ),
    ...byName(table.triggers).flatMap((t) => declared({ kind: "trigger", table, name: t.name }, t)),
    ...byName(table.policies).flatMap((p) => declared({ kind: "policy", table, name: p.name }, p)),
    ...partitionComments(table, table.partitions),
  ];
};

const viewComments = (view: View): DeclaredComment[] => [
  ...declared({ kind: view.materialized ? "materialized view" : "view", object: view }, view),
  ...(view.columns ?? []).flatMap((c) => declared({ kind: "column", table: view, column: c.name }, c)),
  ...byName(view.indexes).flatMap((i) => declared({ kind: "index", object: { schema: view.schema, name: i.name } }, i)),
];

/** Every comment the Catalog declares, object kind by kind in creation order, each kind sorted by identity. */
export const collectComments = (catalog: Catalog): DeclaredComment[] => [
  ...byName(catalog.extensions).flatMap((e) => declared({ kind: "extension", name: e.name }, e)),
  ...byName(catalog.schemas).flatMap((s) => declared({ kind: "schema", name: s.name }, s)),
  ...byName(catalog.roles).flatMap((r) => declared({ kind: "role", name: r.name }, r)),
  ...byPath(catalog.collations).flatMap((c) => declared({ kind: "collation", object: c }, c)),
  ...byPath(catalog.enums).flatMap((e) => declared({ kind: "type", object: e }, e)),
  ...byPath(catalog.domains).flatMap((d) => [
    ...declared({ kind: "domain", object: d }, d),
    ...byName(d.checks).flatMap((c) => declared({ kind: "domain constraint", domain: d, name: c.name }, c)),
  ]),
  ...byPath(catalog.sequences).flatMap((s) => declared({ kind: "sequence", object: s }, s)),
  ...sortBy(catalog.functions, functionSignature).flatMap((fn) => declared({ kind: "function", fn }, fn)),
  ...byPath(catalog.tables).flatMap(tableComments),
  ...byPath(catalog.views).flatMap(viewComments),
];
