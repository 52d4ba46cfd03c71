import {
  type CheckConstraint,
  type Column,
  type Deferrable,
  type ExclusionConstraint,
  type PartitionBy,
  type PrimaryKey,
  type QualifiedName,
  sortBy,
  type Table,
  type UniqueConstraint,
} from "@platform/schema";
import { quoteIdent, quoteIdentList, quoteQualified, renderMaybeQualified, renderType } from "./quote.js";

const DEFERRABLE = {
  "not deferrable": "",
  "deferrable initially immediate": " DEFERRABLE INITIALLY IMMEDIATE",
  "deferrable initially deferred": " DEFERRABLE INITIALLY DEFERRED",
} as const satisfies Record<Deferrable, string>;

/** ` DEFERRABLE INITIALLY DEFERRED`, or nothing for the default (not deferrable). */
export const deferrableClause = (deferrable: Deferrable | undefined): string =>
  DEFERRABLE[deferrable ?? "not deferrable"];

const includeClause = (include: readonly string[] | undefined): string =>
  include && include.length > 0 ? ` INCLUDE (${quoteIdentList(include)})` : "";

const identityClause = (identity: NonNullable<Column["identity"]>): string => {
  const options = [
    ...(identity.start !== undefined ? [`START WITH ${identity.start}`] : []),
    ...(identity.increment !== undefined ? [`INCREMENT BY ${identity.increment}`] : []),
  ];
  return `GENERATED ${identity.generation.toUpperCase()} AS IDENTITY${options.length > 0 ? ` (${options.join(" ")})` : ""}`;
};

/**
 * One column as CREATE TABLE and ADD COLUMN write it.
 *
 * @example
 * columnDefinition({ name: "email", type: "text", notNull: true, collation: { schema: "public", name: "nocase" } })
 * // email text COLLATE public.nocase NOT NULL
 */
export const columnDefinition = (column: Column): string => {
  // Parts joined once: the text stays one flat string (kept until the file is written), not a chain.
  const parts = [quoteIdent(column.name), renderType(column.type)];
  if (column.collation) parts.push(`COLLATE ${quoteQualified(column.collation)}`);
  if (column.identity) parts.push(identityClause(column.identity));
  if (column.generated !== undefined) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.notNull) parts.push("NOT NULL");
  return parts.join(" ");
};

export const primaryKeyClause = (pk: PrimaryKey): string =>
  `CONSTRAINT ${quoteIdent(pk.name)} PRIMARY KEY (${quoteIdentList(pk.columns)})${includeClause(pk.include)}`;

export const uniqueClause = (unique: UniqueConstraint): string =>
  `CONSTRAINT ${quoteIdent(unique.name)} UNIQUE${unique.nullsNotDistinct ? " NULLS NOT DISTINCT" : ""} (${quoteIdentList(
    unique.columns,
  )})${includeClause(unique.include)}${deferrableClause(unique.deferrable)}`;

export const checkClause = (check: CheckConstraint): string =>
  `CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})${check.noInherit ? " NO INHERIT" : ""}`;

export const exclusionClause = (exclusion: ExclusionConstraint): string => {
  const elements = exclusion.elements.map((element) => {
    const key = element.column !== undefined ? quoteIdent(element.column) : `(${element.expression})`;
    const opclass = element.opclass !== undefined ? ` ${renderMaybeQualified(element.opclass)}` : "";
    return `${key}${opclass} WITH ${element.operator}`;
  });
  return `CONSTRAINT ${quoteIdent(exclusion.name)} EXCLUDE USING ${exclusion.using} (${elements.join(", ")})${
    exclusion.where !== undefined ? ` WHERE (${exclusion.where})` : ""
  }${deferrableClause(exclusion.deferrable)}`;
};

/** `PARTITION BY RANGE (created_at)`, `PARTITION BY LIST ((lower(region)) COLLATE "C")` */
export const partitionByClause = (partitionBy: PartitionBy): string => {
  const keys = partitionBy.keys.map((key) =>
    [
      key.column !== undefined ? quoteIdent(key.column) : `(${key.expression})`,
      ...(key.collation ? [`COLLATE ${quoteQualified(key.collation)}`] : []),
      ...(key.opclass !== undefined ? [renderMaybeQualified(key.opclass)] : []),
    ].join(" "),
  );
  return `PARTITION BY ${partitionBy.strategy.toUpperCase()} (${keys.join(", ")})`;
};

/**
 * The constraints CREATE TABLE writes inline: primary key, then unique, check and exclusion
 * constraints, each kind in name order. Foreign keys are not among them: they are added once every
 * table exists (`addForeignKey`).
 */
const inlineConstraints = (table: Table): string[] => {
  const out = table.primaryKey ? [primaryKeyClause(table.primaryKey)] : [];
  if (table.uniques && table.uniques.length > 0) out.push(...sortBy(table.uniques, (u) => u.name).map(uniqueClause));
  if (table.checks && table.checks.length > 0) out.push(...sortBy(table.checks, (c) => c.name).map(checkClause));
  if (table.exclusions && table.exclusions.length > 0) {
    out.push(...sortBy(table.exclusions, (e) => e.name).map(exclusionClause));
  }
  return out;
};

/**
 * CREATE TABLE with its columns (declared order) and inline constraints. Partitions, indexes, foreign
 * keys, RLS, triggers, grants and comments have their own statements.
 *
 * @example
 * createTable({ schema: "auth", name: "groups", columns: [{ name: "id", type: "bigserial" }], primaryKey: { name: "groups_pkey", columns: ["id"] } })
 * // CREATE TABLE auth.groups (
 * //   id bigserial,
 * //   CONSTRAINT groups_pkey PRIMARY KEY (id)
 * // );
 */
export const createTable = (table: Table): string => {
  const body = table.columns.map(columnDefinition);
  body.push(...inlineConstraints(table));
  return [
    `CREATE ${table.unlogged ? "UNLOGGED " : ""}TABLE ${quoteQualified(table)} (`,
    body.length > 0 ? `\n  ${body.join(",\n  ")}\n` : "",
    ")",
    table.partitionBy ? ` ${partitionByClause(table.partitionBy)}` : "",
    ";",
  ].join("");
};

export const dropTable = (table: QualifiedName): string => `DROP TABLE ${quoteQualified(table)};`;

export const renameTable = (table: QualifiedName, to: string): string =>
  `ALTER TABLE ${quoteQualified(table)} RENAME TO ${quoteIdent(to)};`;

export const setTableLogged = (table: QualifiedName, logged: boolean): string =>
  `ALTER TABLE ${quoteQualified(table)} SET ${logged ? "LOGGED" : "UNLOGGED"};`;

const alterTable = (table: QualifiedName, action: string): string => `ALTER TABLE ${quoteQualified(table)} ${action};`;

export const addColumn = (table: QualifiedName, column: Column): string =>
  alterTable(table, `ADD COLUMN ${columnDefinition(column)}`);

export const dropColumn = (table: QualifiedName, column: string): string =>
  alterTable(table, `DROP COLUMN ${quoteIdent(column)}`);

export const renameColumn = (table: QualifiedName, from: string, to: string): string =>
  alterTable(table, `RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`);

/** `using` is the conversion expression for values that have no assignment cast (`status::text::int`). */
export const alterColumnType = (
  table: QualifiedName,
  column: Pick<Column, "name" | "type" | "collation">,
  options: { readonly using?: string } = {},
): string =>
  alterTable(
    table,
    `ALTER COLUMN ${quoteIdent(column.name)} TYPE ${renderType(column.type)}${
      column.collation ? ` COLLATE ${quoteQualified(column.collation)}` : ""
    }${options.using !== undefined ? ` USING ${options.using}` : ""}`,
  );

export const setColumnDefault = (table: QualifiedName, column: string, expression: string | undefined): string =>
  alterTable(
    table,
    `ALTER COLUMN ${quoteIdent(column)} ${expression === undefined ? "DROP DEFAULT" : `SET DEFAULT ${expression}`}`,
  );

export const setColumnNotNull = (table: QualifiedName, column: string, notNull: boolean): string =>
  alterTable(table, `ALTER COLUMN ${quoteIdent(column)} ${notNull ? "SET" : "DROP"} NOT NULL`);

export const dropColumnIdentity = (table: QualifiedName, column: string): string =>
  alterTable(table, `ALTER COLUMN ${quoteIdent(column)} DROP IDENTITY`);

export const addColumnIdentity = (table: QualifiedName, column: string, identity: NonNullable<Column["identity"]>) =>
  alterTable(table, `ALTER COLUMN ${quoteIdent(column)} ADD ${identityClause(identity)}`);

export const addPrimaryKey = (table: QualifiedName, pk: PrimaryKey): string =>
  alterTable(table, `ADD ${primaryKeyClause(pk)}`);

export const addUnique = (table: QualifiedName, unique: UniqueConstraint): string =>
  alterTable(table, `ADD ${uniqueClause(unique)}`);

/** `notValid` skips checking existing rows; `validateConstraint` checks them later under a weaker lock. */
export const addCheck = (
  table: QualifiedName,
  check: CheckConstraint,
  options: { readonly notValid?: boolean } = {},
): string => alterTable(table, `ADD ${checkClause(check)}${options.notValid ? " NOT VALID" : ""}`);

export const addExclusion = (table: QualifiedName, exclusion: ExclusionConstraint): string =>
  alterTable(table, `ADD ${exclusionClause(exclusion)}`);

export const validateConstraint = (table: QualifiedName, name: string): string =>
  alterTable(table, `VALIDATE CONSTRAINT ${quoteIdent(name)}`);

export const dropConstraint = (table: QualifiedName, name: string): string =>
  alterTable(table, `DROP CONSTRAINT ${quoteIdent(name)}`);

/**
 * Turns a unique index built beforehand (e.g. `CREATE UNIQUE INDEX CONCURRENTLY`) into a primary key or
 * unique constraint of the same name: the lock-safe way to add either to a table that has rows.
 */
export const addConstraintUsingIndex = (
  table: QualifiedName,
  constraint: { readonly kind: "primary key" | "unique"; readonly name: string; readonly deferrable?: Deferrable },
): string =>
  alterTable(
    table,
    `ADD CONSTRAINT ${quoteIdent(constraint.name)} ${constraint.kind.toUpperCase()} USING INDEX ${quoteIdent(
      constraint.name,
    )}${deferrableClause(constraint.deferrable)}`,
  );
