import { type CheckConstraint, type Domain, type QualifiedName, sortBy } from "@platform/schema";
import { quoteIdent, quoteQualified, renderType } from "./quote.js";

const domainCheck = (check: CheckConstraint): string =>
  `CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`;

/**
 * Checks are emitted in name order, so the same domain always gives the same statement.
 *
 * @example
 * createDomain({ schema: "public", name: "email", type: "text", checks: [{ name: "email_at", expression: "VALUE ~ '@'" }] })
 * // CREATE DOMAIN public.email AS text CONSTRAINT email_at CHECK (VALUE ~ '@');
 */
export const createDomain = (domain: Domain): string => {
  const parts = [
    `CREATE DOMAIN ${quoteQualified(domain)} AS ${renderType(domain.type)}`,
    ...(domain.collation ? [`COLLATE ${quoteQualified(domain.collation)}`] : []),
    ...(domain.default !== undefined ? [`DEFAULT ${domain.default}`] : []),
    ...(domain.notNull ? ["NOT NULL"] : []),
    ...sortBy(domain.checks ?? [], (c) => c.name).map(domainCheck),
  ];
  return `${parts.join(" ")};`;
};

export const dropDomain = (domain: QualifiedName): string => `DROP DOMAIN ${quoteQualified(domain)};`;

export const setDomainDefault = (domain: QualifiedName, expression: string | undefined): string =>
  expression === undefined
    ? `ALTER DOMAIN ${quoteQualified(domain)} DROP DEFAULT;`
    : `ALTER DOMAIN ${quoteQualified(domain)} SET DEFAULT ${expression};`;

export const setDomainNotNull = (domain: QualifiedName, notNull: boolean): string =>
  `ALTER DOMAIN ${quoteQualified(domain)} ${notNull ? "SET" : "DROP"} NOT NULL;`;

/** `notValid` skips checking existing values (validate later with `validateDomainConstraint`). */
export const addDomainCheck = (
  domain: QualifiedName,
  check: CheckConstraint,
  options: { readonly notValid?: boolean } = {},
): string => `ALTER DOMAIN ${quoteQualified(domain)} ADD ${domainCheck(check)}${options.notValid ? " NOT VALID" : ""};`;

export const validateDomainConstraint = (domain: QualifiedName, name: string): string =>
  `ALTER DOMAIN ${quoteQualified(domain)} VALIDATE CONSTRAINT ${quoteIdent(name)};`;

export const dropDomainConstraint = (domain: QualifiedName, name: string): string =>
  `ALTER DOMAIN ${quoteQualified(domain)} DROP CONSTRAINT ${quoteIdent(name)};`;
