import type { Catalog } from "@platform/schema";
import { type CommentTarget, commentables, ownerId, targetId, withRenamesApplied } from "./targets.js";

export type CommentChange = {
  readonly kind: "comment.set";
  readonly target: CommentTarget;
  /** omitted: `COMMENT ... IS NULL` */
  readonly comment?: string;
};

/**
 * Comments of every object in `to` that differ from the same object in `from`. An object that is
 * created, or dropped and created again (`recreated`), starts without a comment.
 */
export const diffComments = (from: Catalog, to: Catalog, recreated: ReadonlySet<string>): CommentChange[] => {
  const before = new Map(commentables(withRenamesApplied(from, to)).map((c) => [targetId(c.target), c.comment]));
  return commentables(to).flatMap(({ target, comment }): CommentChange[] => {
    const id = targetId(target);
    const owner = ownerId(target);
    const fresh = recreated.has(id) || (owner !== undefined && recreated.has(owner)) || !before.has(id);
    const previous = fresh ? undefined : before.get(id);
    if (previous === comment) return [];
    return [{ kind: "comment.set", target, ...(comment !== undefined ? { comment } : {}) }];
  });
};
