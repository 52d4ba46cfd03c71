import type { Catalog } from "@platform/schema";
import {
  type Commentable,
  type CommentTarget,
  commentables,
  ownerId,
  targetId,
  withRenamesApplied,
} from "./targets.js";

export type CommentChange = {
  readonly kind: "comment.set";
  readonly target: CommentTarget;
  /** omitted: `COMMENT ... IS NULL` */
  readonly comment?: string;
};

/**
 * Comments of every object in `to` that differ from the same object in `from`. An object that is
 * created, or dropped and created again (`recreated`), starts without a comment.
 *
 * Only objects that have a comment on either side can differ. When every commented object of `from`
 * still has a comment in `to`, the commented objects of `to` are all there is to compare; otherwise
 * (a comment removed, a commented object dropped) every object of `to` is looked at.
 */
export const diffComments = (from: Catalog, to: Catalog, recreated: ReadonlySet<string>): CommentChange[] => {
  const before = new Map(commentedOf(withRenamesApplied(from, to)).map((c) => [c.id, c.comment]));
  const commented = commentedOf(to);
  const stillCommented = new Set(commented.map((c) => c.id));
  const candidates = [...before.keys()].every((id) => stillCommented.has(id))
    ? commented
    : commentables(to).map((c) => ({ ...c, id: targetId(c.target) }));
  return candidates.flatMap(({ target, comment, id }): CommentChange[] => {
    const owner = ownerId(target);
    const fresh = recreated.has(id) || (owner !== undefined && recreated.has(owner));
    const previous = fresh ? undefined : before.get(id);
    if (previous === comment) return [];
    return [{ kind: "comment.set", target, ...(comment !== undefined ? { comment } : {}) }];
  });
};

interface Commented extends Commentable {
  readonly id: string;
}

/** The commented objects of a catalog, once per catalog (generate diffs the same two forward and back). */
const commentedOf = (catalog: Catalog): readonly Commented[] => {
  const known = commented.get(catalog);
  if (known !== undefined) return known;
  const list = commentables(catalog, true).map((c) => ({ ...c, id: targetId(c.target) }));
  commented.set(catalog, list);
  return list;
};

const commented = new WeakMap<Catalog, readonly Commented[]>();
