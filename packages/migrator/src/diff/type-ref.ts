import type { QualifiedName } from "@platform/schema";

/**
 * The user type a column type names: `auth.user_status[]` → `{ schema: auth, name: user_status }`.
 * Built-in types are unqualified in the Catalog's canonical spelling, so anything unqualified is built in.
 */
export const userTypeOf = (type: string): QualifiedName | undefined => {
  const match = /^("?[^".()[\]]+"?)\.("?[^".()[\]]+"?)/.exec(type.trim());
  if (!match) return undefined;
  const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1");
  return { schema: unquote(match[1] as string), name: unquote(match[2] as string) };
};

export const namesType = (type: string, name: QualifiedName): boolean => {
  const ref = userTypeOf(type);
  return ref !== undefined && ref.schema === name.schema && ref.name === name.name;
};
