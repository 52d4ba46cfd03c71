/** `CREATE DOMAIN`. The handle is also the column factory: `email: emailAddress().notNull()`. */
import type { Domain } from "../catalog/model.js";
import { type CollationLike, type ColumnBuilder, column } from "./column.js";
import {
  compact,
  DECLARATION,
  type Declaration,
  type SchemaLike,
  type SqlFragment,
  type SqlRenderable,
  schemaName,
  TO_SQL,
} from "./declaration.js";
import { lowerTypeLike, type TypeLike } from "./function.js";
import { type Literal, lowerLiteral } from "./literal.js";
import type { LowerContext } from "./lower-context.js";
import { makeObjectName } from "./names.js";
import { quoteQualified } from "./quote.js";
import { isSqlExpression, type SqlExpression } from "./sql.js";

export interface DomainOptions {
  readonly notNull?: boolean;
  readonly default?: SqlExpression | Literal;
  readonly collation?: CollationLike;
  /** `VALUE` names the value: `sql\`VALUE ~ '@'\``; unnamed checks are `<domain>_check` as PostgreSQL names them */
  readonly checks?: readonly (SqlExpression | { readonly name: string; readonly expression: SqlExpression })[];
  readonly comment?: string;
}

export interface DomainHandle extends Declaration<"domain">, SqlRenderable {
  (): ColumnBuilder;
  readonly schema: string;
  readonly domainName: string;
  readonly type: TypeLike;
  readonly options: DomainOptions;
}

/**
 * @example
 * export const emailAddress = domain(auth, "email_address", "text", { checks: [sql`VALUE ~ '^[^@]+@[^@]+$'`] })
 */
export const domain = (schema: SchemaLike, name: string, type: TypeLike, options: DomainOptions = {}): DomainHandle => {
  const qualified = { schema: schemaName(schema), name };
  const fragment: SqlFragment = {
    text: quoteQualified(qualified.schema, name),
    references: [{ kind: "type", ...qualified }],
  };
  const factory = (): ColumnBuilder => column({ kind: "user", ...qualified, arrayDims: 0 });
  return Object.assign(factory, {
    [DECLARATION]: "domain" as const,
    schema: qualified.schema,
    domainName: name,
    type,
    options,
    [TO_SQL]: () => fragment,
  });
};

export const lowerDomain = (handle: DomainHandle, context: LowerContext): Domain => {
  const type = lowerTypeLike(handle.type, context);
  const o = handle.options;
  const taken = new Set<string>();
  const checks = (o.checks ?? []).map((c) => {
    const named = isSqlExpression(c) ? { expression: c } : c;
    let name = "name" in named ? named.name : makeObjectName(handle.domainName, undefined, "check");
    for (let pass = 1; taken.has(name); pass++) name = makeObjectName(handle.domainName, undefined, `check${pass}`);
    taken.add(name);
    return { name, expression: named.expression.text };
  });
  return {
    schema: handle.schema,
    name: handle.domainName,
    type,
    ...compact({
      notNull: o.notNull,
      default:
        o.default === undefined
          ? undefined
          : isSqlExpression(o.default)
            ? o.default.text
            : lowerLiteral(o.default, type),
      collation: o.collation ? { schema: o.collation.schema, name: o.collation.name } : undefined,
      checks: [...checks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      comment: o.comment,
    }),
  };
};
