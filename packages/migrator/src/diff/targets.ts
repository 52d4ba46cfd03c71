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

/** Every object of the catalog that can carry a comment, with its comment (or undefined). */
export const commentables = (c: Catalog): Commentable[] => {
  const out: Commentable[] = [];
  const add = (target: CommentTarget, comment: string | undefined) => out.push({ target, comment });
  for (const x of c.extensions) add({ type: "extension", name: x.name }, x.comment);
  for (const x of c.schemas) add({ type: "schema", name: x.name }, x.comment);
  for (const x of c.roles) add({ type: "role", name: x.name }, x.comment);
  for (const x of c.collations) add({ type: "collation", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.enums) add({ type: "type", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.domains) add({ type: "domain", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.sequences) add({ type: "sequence", schema: x.schema, name: x.name }, x.comment);
  for (const x of c.functions)
    add({ type: "function", schema: x.schema, name: x.name, args: inputTypes(x) }, x.comment);
  for (const t of c.tables) tableCommentables(t, add);
  for (const v of c.views) {
    add({ type: v.materialized ? "materialized view" : "view", schema: v.schema, name: v.name }, v.comment);
    for (const i of v.indexes ?? []) add({ type: "index", schema: v.schema, name: i.name }, i.comment);
  }
  return out;
};

const tableCommentables = (t: Table, add: (target: CommentTarget, comment: string | undefined) => void) => {
  const on = { schema: t.schema, table: t.name };
  add({ type: "table", schema: t.schema, name: t.name }, t.comment);
  for (const x of t.columns) add({ type: "column", ...on, name: x.name }, x.comment);
  const constraints = [
    ...(t.primaryKey ? [t.primaryKey] : []),
    ...(t.uniques ?? []),
    ...(t.checks ?? []),
    ...(t.foreignKeys ?? []),
    ...(t.exclusions ?? []),
  ];
  for (const x of constraints) add({ type: "constraint", ...on, name: x.name }, x.comment);
  for (const x of t.indexes ?? []) add({ type: "index", schema: t.schema, name: x.name }, x.comment);
  for (const x of t.policies ?? []) add({ type: "policy", ...on, name: x.name }, x.comment);
  for (const x of t.triggers ?? []) add({ type: "trigger", ...on, name: x.name }, x.comment);
  const partitions = (list: readonly Partition[] | undefined) => {
    for (const p of list ?? []) {
      add({ type: "table", schema: t.schema, name: p.name }, p.comment);
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
