import type { Extension } from "@platform/schema";
import { type DiffContext, matchByKey } from "./context.js";

export type ExtensionChange =
  | { readonly kind: "extension.create"; readonly extension: Extension }
  | { readonly kind: "extension.drop"; readonly extension: Extension }
  | { readonly kind: "extension.set-schema"; readonly from: Extension; readonly to: Extension };

export const diffExtensions = ({ from, to }: DiffContext): ExtensionChange[] => {
  const { added, removed, kept } = matchByKey(from.extensions, to.extensions, (e) => e.name);
  return [
    ...added.map((extension): ExtensionChange => ({ kind: "extension.create", extension })),
    ...removed.map((extension): ExtensionChange => ({ kind: "extension.drop", extension })),
    ...kept
      .filter(([a, b]) => (a.schema ?? "public") !== (b.schema ?? "public"))
      .map(([a, b]): ExtensionChange => ({ kind: "extension.set-schema", from: a, to: b })),
  ];
};
