import type { Schema } from "@platform/schema";
import { type DiffContext, matchByKey } from "./context.js";

export type SchemaChange =
  | { readonly kind: "schema.create"; readonly schema: Schema }
  | { readonly kind: "schema.drop"; readonly schema: Schema };

/** `public` exists in every database: it is never created or dropped, only its comment and grants change. */
const managed = (s: Schema): boolean => s.name !== "public";

export const diffSchemas = ({ from, to }: DiffContext): SchemaChange[] => {
  const { added, removed } = matchByKey(from.schemas.filter(managed), to.schemas.filter(managed), (s) => s.name);
  return [
    ...added.map((schema): SchemaChange => ({ kind: "schema.create", schema })),
    ...removed.map((schema): SchemaChange => ({ kind: "schema.drop", schema })),
  ];
};
