import type { CommentTarget } from "../diff/index.js";
import { functionIdentity } from "../sql/functions.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "../sql/quote.js";

/** `TABLE auth.users`, `COLUMN auth.users.email`, `CONSTRAINT users_pkey ON auth.users` */
export const commentTargetSql = (t: CommentTarget): string => {
  switch (t.type) {
    case "extension":
    case "schema":
    case "role":
      return `${t.type.toUpperCase()} ${quoteIdent(t.name)}`;
    case "collation":
    case "type":
    case "domain":
    case "sequence":
    case "table":
    case "view":
    case "materialized view":
    case "index":
      return `${t.type.toUpperCase()} ${quoteQualified(t)}`;
    case "function":
      return `FUNCTION ${functionIdentity({ schema: t.schema, name: t.name, args: t.args.map((type) => ({ type })) })}`;
    case "column":
      return `COLUMN ${quoteQualified({ schema: t.schema, name: t.table })}.${quoteIdent(t.name)}`;
    case "constraint":
    case "policy":
    case "trigger":
      return `${t.type.toUpperCase()} ${quoteIdent(t.name)} ON ${quoteQualified({ schema: t.schema, name: t.table })}`;
  }
};

export const commentOn = (target: CommentTarget, comment: string | undefined): string =>
  `COMMENT ON ${commentTargetSql(target)} IS ${comment === undefined ? "NULL" : quoteLiteral(comment)};`;
