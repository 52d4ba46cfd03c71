import type { FunctionDef, QualifiedName } from "./model.js";

/** Human path of an object, as errors and drift reports print it: `data_platform.text_embeddings.embedding`. */
export const objectPath = (...parts: readonly string[]): string => parts.join(".");

export const qualifiedPath = (name: QualifiedName): string => objectPath(name.schema, name.name);

/** Input argument types only, as PostgreSQL identifies a function: `public.json_valid(text)`. */
export const functionSignature = (fn: Pick<FunctionDef, "schema" | "name" | "args">): string => {
  const inputs = fn.args.filter((a) => a.mode !== "out").map((a) => a.type);
  return `${fn.schema}.${fn.name}(${inputs.join(", ")})`;
};

/** Deterministic comparison for identity keys (code-point order, independent of locale). */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A stable sort by a string key; each item's key is computed once, not once per comparison. */
export const sortBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((keyed) => keyed.item);
