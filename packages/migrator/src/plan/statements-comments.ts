import type { CommentTarget } from "../diff/index.js";
import { type CommentTarget as SqlCommentTarget, commentOn as sqlCommentOn } from "../sql/comments.js";

/** The diff's comment target as the SQL emitter names it. */
const sqlTarget = (t: CommentTarget): SqlCommentTarget => {
  switch (t.type) {
    case "extension":
    case "schema":
    case "role":
      return { kind: t.type, name: t.name };
    case "collation":
    case "type":
    case "domain":
    case "sequence":
    case "table":
    case "view":
    case "materialized view":
    case "index":
      return { kind: t.type, object: { schema: t.schema, name: t.name } };
    case "function":
      return { kind: "function", fn: { schema: t.schema, name: t.name, args: t.args.map((type) => ({ type })) } };
    case "column":
      return { kind: "column", table: { schema: t.schema, name: t.table }, column: t.name };
    case "constraint":
    case "policy":
    case "trigger":
      return { kind: t.type, table: { schema: t.schema, name: t.table }, name: t.name };
  }
};

export const commentOn = (target: CommentTarget, comment: string | undefined): string =>
  sqlCommentOn(sqlTarget(target), comment);
