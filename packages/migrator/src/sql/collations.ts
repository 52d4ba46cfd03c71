import type { Collation } from "@platform/schema";
import { quoteLiteral, quoteQualified } from "./quote.js";

/**
 * @example
 * createCollation({ schema: "public", name: "nocase", provider: "icu", locale: "und-u-ks-level2", deterministic: false })
 * // CREATE COLLATION public.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
 */
export const createCollation = (collation: Collation): string =>
  `CREATE COLLATION ${quoteQualified(collation)} (provider = ${collation.provider}, locale = ${quoteLiteral(
    collation.locale,
  )}, deterministic = ${collation.deterministic});`;

export const dropCollation = (collation: Pick<Collation, "schema" | "name">): string =>
  `DROP COLLATION ${quoteQualified(collation)};`;
