import { functionSignature, type QualifiedName } from "@platform/schema";
import type { Change, ChangeKind, ChangeOf, GrantTarget } from "../diff/index.js";
import type { CommentTarget } from "../diff/targets.js";

/** How the database differs from the declarations at one object. */
export type DriftKind =
  /** declared, not in the database */
  | "missing"
  /** in the database, not declared */
  | "unexpected"
  /** in both, different */
  | "changed";

/**
 * One difference between a live database and its declarations, as data. `expected` is what the
 * declarations say, `actual` what the database has (either absent when the object is missing or extra);
 * `fix` is the SQL that brings the database back to the declarations.
 *
 * @example
 *   { code: "column_default_changed", kind: "changed", path: "auth.users.role",
 *     expected: "'member'::auth.user_role", actual: "'admin'::auth.user_role",
 *     message: "column default differs", fix: "ALTER TABLE auth.users ALTER COLUMN role SET DEFAULT ..." }
 */
export interface Drift {
  readonly code: string;
  readonly kind: DriftKind;
  /** the object: `data_platform.text_embeddings.embedding` */
  readonly path: string;
  /** `column`, `index`, `policy`, ... */
  readonly object: string;
  readonly message: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  /** SQL that restores the declared state (from the plan), or what to run */
  readonly fix: string;
}

/** What a change says about drift, before the fix is attached. */
export type DriftCore = Omit<Drift, "fix">;

const q = (n: QualifiedName): string => `${n.schema}.${n.name}`;
const on = (t: QualifiedName, name: string): string => `${q(t)}.${name}`;
const show = (value: unknown): unknown => value;

/** Where index names resolve to their relation (`auth.users_email_idx` → `users`), so index paths read alike. */
export interface DescribeContext {
  readonly indexRelation: ReadonlyMap<string, string>;
}

const targetPath = (t: GrantTarget | CommentTarget, ctx?: DescribeContext): string => {
  switch (t.type) {
    case "extension":
    case "schema":
    case "role":
      return t.name;
    case "function":
      return `${t.schema}.${t.name}(${t.args.join(", ")})`;
    case "column":
    case "constraint":
    case "policy":
    case "trigger":
      return `${t.schema}.${t.table}.${t.name}`;
    case "index": {
      const relation = ctx?.indexRelation.get(`${t.schema}.${t.name}`);
      return relation === undefined ? `${t.schema}.${t.name}` : `${t.schema}.${relation}.${t.name}`;
    }
    default:
      return `${t.schema}.${t.name}`;
  }
};

const missing = (object: string, path: string, expected: unknown): DriftCore => ({
  code: `${object.replaceAll(" ", "_")}_missing`,
  kind: "missing",
  object,
  path,
  message: `${object} is declared but missing from the database`,
  expected,
});

const unexpected = (object: string, path: string, actual: unknown): DriftCore => ({
  code: `${object.replaceAll(" ", "_")}_unexpected`,
  kind: "unexpected",
  object,
  path,
  message: `${object} exists in the database but is not declared`,
  actual,
});

const changed = (
  object: string,
  aspect: string,
  path: string,
  expected: unknown,
  actual: unknown,
  code = `${object.replaceAll(" ", "_")}_${aspect.replaceAll(" ", "_")}_changed`,
): DriftCore => ({
  code,
  kind: "changed",
  object,
  path,
  message: `${object} ${aspect} differs`,
  expected,
  actual,
});

/**
 * Every change of `diff(live, declared)` read as drift: a change that creates something means it is
 * missing from the database, one that drops something means the database has something undeclared,
 * the rest are differences. One entry per change kind, so a new kind does not compile without one.
 */
const describers = {
  "extension.create": (c) => missing("extension", c.extension.name, c.extension),
  "extension.drop": (c) => unexpected("extension", c.extension.name, c.extension),
  "extension.set-schema": (c) => changed("extension", "schema", c.to.name, c.to.schema, c.from.schema),
  "schema.create": (c) => missing("schema", c.schema.name, c.schema),
  "schema.drop": (c) => unexpected("schema", c.schema.name, c.schema),
  "role.create": (c) => missing("role", c.role.name, c.role),
  "role.drop": (c) => unexpected("role", c.role.name, c.role),
  "role.alter": (c) => changed("role", "attributes", c.to.name, c.to, c.from),
  "collation.create": (c) => missing("collation", q(c.collation), c.collation),
  "collation.drop": (c) => unexpected("collation", q(c.collation), c.collation),
  "enum.create": (c) => missing("enum", q(c.enum), c.enum.values),
  "enum.drop": (c) => unexpected("enum", q(c.enum), c.enum.values),
  "enum.add-value": (c) => ({
    ...changed("enum", "values", q(c.enum), c.value, undefined, "enum_value_missing"),
    message: `enum value '${c.value}' is declared but missing from the database`,
  }),
  "enum.rebuild": (c) => changed("enum", "values", q(c.to), c.to.values, c.from.values),
  "domain.create": (c) => missing("domain", q(c.domain), c.domain),
  "domain.drop": (c) => unexpected("domain", q(c.domain), c.domain),
  "domain.alter": (c) => changed("domain", "definition", q(c.to), c.to, c.from),
  "sequence.create": (c) => missing("sequence", q(c.sequence), c.sequence),
  "sequence.drop": (c) => unexpected("sequence", q(c.sequence), c.sequence),
  "sequence.alter": (c) => changed("sequence", "options", q(c.to), c.to, c.from),
  "function.create": (c) => missing("function", functionSignature(c.function), c.function.body),
  "function.drop": (c) => unexpected("function", functionSignature(c.function), c.function.body),
  "function.replace": (c) =>
    changed("function", "definition", functionSignature(c.to), definitionOf(c.to), definitionOf(c.from)),
  "table.create": (c) =>
    missing(
      "table",
      q(c.table),
      c.table.columns.map((col) => col.name),
    ),
  "table.drop": (c) =>
    unexpected(
      "table",
      q(c.table),
      c.table.columns.map((col) => col.name),
    ),
  "table.rename": (c) => ({
    ...changed("table", "name", `${c.schema}.${c.to}`, c.to, c.from),
    message: `table ${c.schema}.${c.from} is declared as ${c.schema}.${c.to}`,
  }),
  "table.set-logged": (c) =>
    changed("table", "persistence", q(c.table), c.unlogged ? "UNLOGGED" : "LOGGED", c.unlogged ? "LOGGED" : "UNLOGGED"),
  "table.set-rls": (c) =>
    changed("table", "row level security", q(c.table), c.to ?? "disabled", c.from ?? "disabled", "table_rls_changed"),
  "column.add": (c) => missing("column", on(c.table, c.column.name), c.column.type),
  "column.drop": (c) => unexpected("column", on(c.table, c.column.name), c.column.type),
  "column.rename": (c) => ({
    ...changed("column", "name", on(c.table, c.to), c.to, c.from),
    message: `column ${on(c.table, c.from)} is declared as ${c.to}`,
  }),
  "column.alter-type": (c) =>
    c.from.type === c.to.type
      ? changed(
          "column",
          "collation",
          on(c.table, c.to.name),
          c.to.collation ?? "default",
          c.from.collation ?? "default",
        )
      : changed("column", "type", on(c.table, c.to.name), c.to.type, c.from.type),
  "column.set-default": (c) => changed("column", "default", on(c.table, c.column), c.default, c.previous),
  "column.set-not-null": (c) =>
    changed(
      "column",
      "NOT NULL",
      on(c.table, c.column),
      c.notNull ? "NOT NULL" : "NULL",
      c.notNull ? "NULL" : "NOT NULL",
      "column_not_null_changed",
    ),
  "column.set-identity": (c) => changed("column", "identity", on(c.table, c.column), c.to, c.from),
  "constraint.add": (c) => missing(constraintObject(c.constraint.type), on(c.table, c.constraint.name), c.constraint),
  "constraint.drop": (c) =>
    unexpected(constraintObject(c.constraint.type), on(c.table, c.constraint.name), c.constraint),
  "index.create": (c) => missing("index", on(c.owner, c.index.name), c.index),
  "index.drop": (c) => unexpected("index", on(c.owner, c.index.name), c.index),
  "index.replace": (c) => changed("index", "definition", on(c.owner, c.to.name), c.to, c.from, "index_changed"),
  "partition.create": (c) => missing("partition", `${c.parent.schema}.${c.partition.name}`, c.partition.bound),
  "partition.drop": (c) => unexpected("partition", `${c.parent.schema}.${c.partition.name}`, c.partition.bound),
  "partition.rebound": (c) =>
    changed("partition", "bound", `${c.parent.schema}.${c.to.name}`, c.to.bound, c.from.bound),
  "partition.set-logged": (c) =>
    changed(
      "partition",
      "persistence",
      `${c.parent.schema}.${c.partition.name}`,
      c.unlogged ? "UNLOGGED" : "LOGGED",
      c.unlogged ? "LOGGED" : "UNLOGGED",
    ),
  "policy.create": (c) => missing("policy", on(c.table, c.policy.name), c.policy),
  "policy.drop": (c) => unexpected("policy", on(c.table, c.policy.name), c.policy),
  "policy.alter": (c) => changed("policy", "definition", on(c.table, c.to.name), c.to, c.from),
  "trigger.create": (c) => missing("trigger", on(c.table, c.trigger.name), c.trigger),
  "trigger.drop": (c) => unexpected("trigger", on(c.table, c.trigger.name), c.trigger),
  "trigger.replace": (c) => changed("trigger", "definition", on(c.table, c.to.name), c.to, c.from),
  "view.create": (c) => missing(viewObject(c.view.materialized), q(c.view), c.view.definition),
  "view.drop": (c) => unexpected(viewObject(c.view.materialized), q(c.view), c.view.definition),
  "view.replace": (c) =>
    changed(viewObject(c.to.materialized), "definition", q(c.to), c.to.definition, c.from.definition),
  "grant.add": (c) => ({
    ...changed("grant", "privileges", targetPath(c.target), show(c.privileges), undefined, "grant_missing"),
    kind: "missing",
    message: `${c.grantee} lacks the declared ${c.privileges.join(", ")}${c.withGrantOption ? " WITH GRANT OPTION" : ""} on ${c.target.type} ${targetPath(c.target)}`,
  }),
  "grant.revoke": (c) => ({
    ...changed("grant", "privileges", targetPath(c.target), undefined, show(c.privileges), "grant_unexpected"),
    kind: "unexpected",
    message: `${c.grantee} holds undeclared ${c.privileges.join(", ")} on ${c.target.type} ${targetPath(c.target)}`,
  }),
  "default-privilege.grant": (c) => ({
    ...missing("default privilege", defaultPrivilegePath(c.privilege), c.privilege),
    message: `default privileges ${c.privilege.privileges.join(", ")} on ${c.privilege.objectType} for ${c.privilege.grantee} are declared but missing`,
  }),
  "default-privilege.revoke": (c) => ({
    ...unexpected("default privilege", defaultPrivilegePath(c.privilege), c.privilege),
    message: `default privileges ${c.privilege.privileges.join(", ")} on ${c.privilege.objectType} for ${c.privilege.grantee} exist but are not declared`,
  }),
  "comment.set": (c, ctx) => changed("comment", "text", targetPath(c.target, ctx), c.comment ?? null, undefined),
} satisfies { [K in ChangeKind]: (change: ChangeOf<K>, ctx?: DescribeContext) => DriftCore };

const constraintObject = (type: string): string =>
  type === "foreign-key" ? "foreign key" : type === "primary-key" ? "primary key" : `${type} constraint`;

const viewObject = (materialized: boolean | undefined): string => (materialized ? "materialized view" : "view");

const definitionOf = (fn: { body: string; [key: string]: unknown }): unknown => fn;

const defaultPrivilegePath = (p: { readonly schema: string; readonly objectType: string; readonly grantee: string }) =>
  `${p.schema}.${p.objectType}.${p.grantee}`;

/** The drift a change stands for (without its fix). */
export const describeChange = (change: Change, ctx?: DescribeContext): DriftCore =>
  (describers[change.kind] as (c: Change, ctx?: DescribeContext) => DriftCore)(change, ctx);
