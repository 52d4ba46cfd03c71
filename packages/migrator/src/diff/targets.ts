import type { Catalog, FunctionDef, Grant, Partition, Table } from "@platform/schema";
import { matchColumns } from "./columns.js";
import { matchTables } from "./tables.js";

/** An object that can carry a comment, as `COMMENT ON <target>` names it. */
export type CommentTarget =
  | { readonly type: "extension" | "schema" | "role"; readonly name: string }
  | {
      readonly type: "collation" | "type" | "domain" | "sequence" | "table" | "view" | "materialized view" | "index";
      readonly schema: string;
      readonly name: string;
    }
  | { readonly type: "function"; readonly schema: string; readonly name: string; readonly args: readonly string[] }
  | {
      readonly type: "column" | "constraint" | "policy" | "trigger";
      readonly schema: string;
      readonly table: string;
      readonly name: string;
    };

/** An object privileges are granted on: tables, views and materialized views are all `TABLE`. */
export type GrantTarget =
  | { readonly type: "schema"; readonly name: string }
  | { readonly type: "table" | "sequence"; readonly schema: string; readonly name: string }
  | { readonly type: "function"; readonly schema: string; readonly name: string; readonly args: readonly string[] };

/**
 * Identity of a target, shared with the plan's dependency ids (`relation:` for anything in the table
 * namespace, `type:` for enums and domains), so a comment or grant can wait for its object.
 */
export const targetId = (t: CommentTarget | GrantTarget): string => {
  switch (t.type) {
    case "extension":
    case "schema":
    case "role":
      return `${t.type}:${t.name}`;
    case "collation":
    case "sequence":
    case "index":
      return `${t.type}:${t.schema}.${t.name}`;
    case "type":
    case "domain":
      return `type:${t.schema}.${t.name}`;
    case "table":
    case "view":
    case "materialized view":
      return `relation:${t.schema}.${t.name}`;
    case "function":
      return `function:${t.schema}.${t.name}(${t.args.join(", ")})`;
    case "column":
    case "constraint":
    case "policy":
    case "trigger":
      return `${t.type}:${t.schema}.${t.table}.${t.name}`;
  }
};

/** The relation a table-scoped target lives on, when it has one. */
export const ownerId = (t: CommentTarget): string | undefined =>
  "table" in t ? `relation:${t.schema}.${t.table}` : undefined;

const inputTypes = (fn: FunctionDef) => fn.args.filter((a) => a.mode !== "out").map((a) => a.type);

export interface Commentable {
  readonly target: CommentTarget;
  readonly comment: string | undefined;
}

/**
 * Every object of the catalog that can carry a comment, with its comment (or undefined); with
 * `commentedOnly`, just those that have one (most objects have none: skipping them early is what
 * keeps diffing comments cheap).
 */
export const commentables = (c: Catalog, commentedOnly = false): Commentable[] => {
  const out: Commentable[] = [];
  const add = (target: CommentTarget, comment: string | undefined) => out.push({ target, comment });
  const wanted = (x: { readonly comment?: string | undefined }) => !commentedOnly || x.comment !== undefined;
  for (const x of c.extensions) if (wanted(x)) add({ type: "extension", name: x.name }, x.comment);
  for (const x of c.schemas) if (wanted(x)) add({ type: "schema", name: x.name }, x.comment);
  for (const x of c.roles) if (wanted(x)) add({ type: "role", name: x.name }, x.comment);
  for (const x of c.collations) {
    if (wanted(x)) add({ type: "collation", schema: x.schema, name: x.name }, x.comment);
  }
  for (const x of c.enums) if (wanted(x)) add({ type: "type", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.domains) if (wanted(x)) add({ type: "domain", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.sequences) if (wanted(x)) add({ type: "sequence", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.functions) {
    if (wanted(x)) add({ type: "function", schema: x.schema, name: x.name, args: inputTypes(x) }, x.comment);
  }
  for (const t of c.tables) tableCommentables(t, add, wanted);
  for (const v of c.views) {
    if (wanted(v)) {
      add({ type: v.materialized ? "materialized view" : "view", schema: v.schema, name: v.name }, v.comment);
    }
    for (const i of v.indexes ?? []) if (wanted(i)) add({ type: "index", schema: v.schema, name: i.name }, i.comment);
  }
  return out;
};

const tableCommentables = (
  t: Table,
  add: (target: CommentTarget, comment: string | undefined) => void,
  wanted: (x: { readonly comment?: string | undefined }) => boolean,
) => {
  if (wanted(t)) add({ type: "table", schema: t.schema, name: t.name }, t.comment);
  const on = (type: "column" | "constraint" | "policy" | "trigger", name: string): CommentTarget => ({
    type,
    schema: t.schema,
    table: t.name,
    name,
  });
  for (const x of t.columns) if (wanted(x)) add(on("column", x.name), x.comment);
  if (t.primaryKey && wanted(t.primaryKey)) add(on("constraint", t.primaryKey.name), t.primaryKey.comment);
  for (const list of [t.uniques, t.checks, t.foreignKeys, t.exclusions]) {
    for (const x of list ?? []) if (wanted(x)) add(on("constraint", x.name), x.comment);
  }
  for (const x of t.indexes ?? []) if (wanted(x)) add({ type: "index", schema: t.schema, name: x.name }, x.comment);
  for (const x of t.policies ?? []) if (wanted(x)) add(on("policy", x.name), x.comment);
  for (const x of t.triggers ?? []) if (wanted(x)) add(on("trigger", x.name), x.comment);
  const partitions = (list: readonly Partition[] | undefined) => {
    for (const p of list ?? []) {
      if (wanted(p)) add({ type: "table", schema: t.schema, name: p.name }, p.comment);
      partitions(p.partitions);
    }
  };
  partitions(t.partitions);
};

export interface Grantable {
  readonly target: GrantTarget;
  readonly grants: readonly Grant[];
}

export const grantables = (c: Catalog): Grantable[] => [
  ...c.schemas.map((x) => ({ target: { type: "schema" as const, name: x.name }, grants: x.grants ?? [] })),
  ...c.sequences.map((x) => ({
    target: { type: "sequence" as const, schema: x.schema, name: x.name },
    grants: x.grants ?? [],
  })),
  ...c.functions.map((x) => ({
    target: { type: "function" as const, schema: x.schema, name: x.name, args: inputTypes(x) },
    grants: x.grants ?? [],
  })),
  ...[...c.tables, ...c.views].map((x) => ({
    target: { type: "table" as const, schema: x.schema, name: x.name },
    grants: x.grants ?? [],
  })),
];

/**
 * The old catalog with the declared renames applied (tables and columns carry their new names), so
 * comments and grants of a renamed object are compared with the object's own, not re-created.
 */
export const withRenamesApplied = (from: Catalog, to: Catalog): Catalog => {
  const hinted = to.tables.some(
    (t) => t.renamedFrom !== undefined || t.columns.some((c) => c.renamedFrom !== undefined),
  );
  if (!hinted) return from;
  const { kept } = matchTables(from.tables, to.tables);
  const renamed = new Map<Table, Table>();
  for (const [a, b] of kept) {
    const columns = new Map(matchColumns(a, b).kept.map(([x, y]) => [x, y.name]));
    renamed.set(a, { ...a, name: b.name, columns: a.columns.map((c) => ({ ...c, name: columns.get(c) ?? c.name })) });
  }
  return { ...from, tables: from.tables.map((t) => renamed.get(t) ?? t) };
};
