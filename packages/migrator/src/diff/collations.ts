import type { Collation } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

export type CollationChange =
  | { readonly kind: "collation.create"; readonly collation: Collation }
  | { readonly kind: "collation.drop"; readonly collation: Collation };

/** A collation cannot be altered: a changed one is dropped and created again (columns using it block the drop). */
export const diffCollations = ({ from, to }: DiffContext): CollationChange[] => {
  const { added, removed, kept } = matchByKey(from.collations, to.collations, (c) => `${c.schema}.${c.name}`);
  const changed = kept.filter(([a, b]) => !sameData(omit(a, "comment"), omit(b, "comment")));
  return [
    ...[...removed, ...changed.map(([a]) => a)].map(
      (collation): CollationChange => ({ kind: "collation.drop", collation }),
    ),
    ...[...added, ...changed.map(([, b]) => b)].map(
      (collation): CollationChange => ({ kind: "collation.create", collation }),
    ),
  ];
};
