import type { Sequence } from "@platform/schema";
import { type DiffContext, matchByKey, omit, sameData } from "./context.js";

export type SequenceChange =
  | { readonly kind: "sequence.create"; readonly sequence: Sequence }
  | { readonly kind: "sequence.drop"; readonly sequence: Sequence }
  /** `ALTER SEQUENCE` covers type, bounds, increment, cache, cycle and OWNED BY */
  | { readonly kind: "sequence.alter"; readonly from: Sequence; readonly to: Sequence };

export const diffSequences = ({ from, to }: DiffContext): SequenceChange[] => {
  const { added, removed, kept } = matchByKey(from.sequences, to.sequences, (s) => `${s.schema}.${s.name}`);
  return [
    ...added.map((sequence): SequenceChange => ({ kind: "sequence.create", sequence })),
    ...removed.map((sequence): SequenceChange => ({ kind: "sequence.drop", sequence })),
    ...kept
      .filter(([a, b]) => !sameData(omit(a, "comment", "grants"), omit(b, "comment", "grants")))
      .map(([a, b]): SequenceChange => ({ kind: "sequence.alter", from: a, to: b })),
  ];
};
