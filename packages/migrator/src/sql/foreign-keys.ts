import type { ForeignKey, QualifiedName, ReferentialAction } from "@platform/schema";
import { quoteIdent, quoteIdentList, quoteQualified } from "./quote.js";
import { deferrableClause } from "./tables.js";

/** NO ACTION is PostgreSQL's default and is not written. */
const ACTION = {
  "no action": "",
  restrict: "RESTRICT",
  cascade: "CASCADE",
  "set null": "SET NULL",
  "set default": "SET DEFAULT",
} as const satisfies Record<ReferentialAction, string>;

const actionClause = (on: "DELETE" | "UPDATE", action: ReferentialAction | undefined): string => {
  const written = ACTION[action ?? "no action"];
  return written === "" ? "" : ` ON ${on} ${written}`;
};

/** `CONSTRAINT name FOREIGN KEY (...) REFERENCES schema.table (...) ...` */
export const foreignKeyClause = (fk: ForeignKey): string =>
  `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${quoteIdentList(fk.columns)}) REFERENCES ${quoteQualified({
    schema: fk.references.schema,
    name: fk.references.table,
  })} (${quoteIdentList(fk.references.columns)})${fk.match === "full" ? " MATCH FULL" : ""}${actionClause(
    "UPDATE",
    fk.onUpdate,
  )}${actionClause("DELETE", fk.onDelete)}${deferrableClause(fk.deferrable)}`;

/**
 * Foreign keys are added after every table exists, so tables can be created in any order (and may
 * reference each other). `notValid` skips checking existing rows: on a table that has data, add it
 * NOT VALID and `validateConstraint` in a later step.
 *
 * @example
 * addForeignKey({ schema: "auth", name: "users" }, { name: "users_group_fk", columns: ["group_id"], references: { schema: "auth", table: "groups", columns: ["id"] }, onDelete: "set null" })
 * // ALTER TABLE auth.users ADD CONSTRAINT users_group_fk FOREIGN KEY (group_id) REFERENCES auth.groups (id) ON DELETE SET NULL;
 */
export const addForeignKey = (
  table: QualifiedName,
  fk: ForeignKey,
  options: { readonly notValid?: boolean } = {},
): string => `ALTER TABLE ${quoteQualified(table)} ADD ${foreignKeyClause(fk)}${options.notValid ? " NOT VALID" : ""};`;

export { dropConstraint as dropForeignKey, validateConstraint } from "./tables.js";
