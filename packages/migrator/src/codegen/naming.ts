/**
 * TypeScript names for relations and enums, spelled the way kysely-codegen spells them so a service
 * can move between the two without renaming: the id is `table` in `public` and `schema.table`
 * elsewhere; characters that are not word characters become `_`; then Kysely's camel-casing
 * (`auth_users` → `authUsers`) with the first letter upper-cased (`AuthUsers`); a name that is
 * already taken gets a numeric suffix (`Users2`), a leading digit gets `_`.
 */

/** The key of a relation in `DB` and of an enum symbol: unqualified in `public`, as Kysely expects. */
export const relationId = (schema: string, name: string): string => (schema === "public" ? name : `${schema}.${name}`);

const camelCase = (text: string): string => {
  let out = text[0] ?? "";
  for (let i = 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char !== "_") out += text[i - 1] === "_" ? char.toUpperCase() : char;
  }
  return out;
};

const pascalCase = (id: string): string => {
  const camel = camelCase(id.replaceAll(/[^\w$]/g, "_"));
  return `${camel.slice(0, 1).toUpperCase()}${camel.slice(1)}`;
};

/**
 * Assigns symbol names to symbols in the order given (callers sort them, so names are deterministic),
 * never reusing a name in `reserved` (the helper types the file declares). `key` tells apart an enum
 * and a table that share an id.
 */
export const assignSymbolNames = (
  symbols: readonly { readonly key: string; readonly id: string }[],
  reserved: ReadonlySet<string>,
): ReadonlyMap<string, string> => {
  const taken = new Set(reserved);
  const names = new Map<string, string>();
  for (const { key, id } of symbols) {
    const base = pascalCase(id);
    let name = base;
    for (let suffix = 2; taken.has(name); suffix++) name = `${base}${suffix}`;
    if (/^\d/.test(name)) name = `_${name}`;
    taken.add(name);
    names.set(key, name);
  }
  return names;
};

const identifierPattern = /^[A-Za-z_$][\w$]*$/;

/** A property key as it must be written in TypeScript: bare when it is an identifier, quoted otherwise. */
export const propertyKey = (name: string): string => (identifierPattern.test(name) ? name : JSON.stringify(name));
