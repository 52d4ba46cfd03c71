import type { EnumType, QualifiedName } from "@platform/schema";
import { quoteIdent, quoteLiteral, quoteQualified } from "./quote.js";

/** `CREATE TYPE auth.user_status AS ENUM ('active', 'disabled');` */
export const createEnum = (type: EnumType): string =>
  `CREATE TYPE ${quoteQualified(type)} AS ENUM (${type.values.map(quoteLiteral).join(", ")});`;

export const dropEnum = (type: QualifiedName): string => `DROP TYPE ${quoteQualified(type)};`;

/** A new label, placed relative to an existing one (at the end when no position is given). */
export const addEnumValue = (
  type: QualifiedName,
  value: string,
  position?: { readonly before: string } | { readonly after: string },
): string => {
  const where =
    position === undefined
      ? ""
      : "before" in position
        ? ` BEFORE ${quoteLiteral(position.before)}`
        : ` AFTER ${quoteLiteral(position.after)}`;
  return `ALTER TYPE ${quoteQualified(type)} ADD VALUE ${quoteLiteral(value)}${where};`;
};

export const renameEnumValue = (type: QualifiedName, from: string, to: string): string =>
  `ALTER TYPE ${quoteQualified(type)} RENAME VALUE ${quoteLiteral(from)} TO ${quoteLiteral(to)};`;

/** Renames an enum (or any type) within its schema, e.g. to set the old one aside while a new one replaces it. */
export const renameType = (type: QualifiedName, to: string): string =>
  `ALTER TYPE ${quoteQualified(type)} RENAME TO ${quoteIdent(to)};`;
