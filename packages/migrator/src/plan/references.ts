import type { Catalog, Column, QualifiedName } from "@platform/schema";
import { functionSignature } from "@platform/schema";
import { userTypeOf } from "../diff/type-ref.js";

/**
 * Which objects of a catalog a piece of SQL names, as dependency ids. Expressions stay SQL text in the
 * Catalog, so this reads them the cheap way: `name(` is a function call, `'schema.seq'` inside nextval
 * a sequence, `schema.name` a relation. Only names the catalog defines count, so a false match can only
 * add an ordering edge between two objects that exist — never invent one.
 */
export interface References {
  readonly functionsByName: ReadonlyMap<string, readonly string[]>;
  readonly relations: ReadonlySet<string>;
  readonly sequences: ReadonlySet<string>;
  readonly types: ReadonlySet<string>;
  readonly collations: ReadonlySet<string>;
}

export const referencesOf = (catalog: Catalog): References => {
  const functionsByName = new Map<string, string[]>();
  const addFn = (key: string, id: string) => functionsByName.set(key, [...(functionsByName.get(key) ?? []), id]);
  for (const fn of catalog.functions) {
    const id = `function:${functionSignature(fn)}`;
    addFn(`${fn.schema}.${fn.name}`, id);
    addFn(fn.name, id);
  }
  const relations = new Set<string>();
  for (const t of catalog.tables) relations.add(`${t.schema}.${t.name}`);
  for (const v of catalog.views) relations.add(`${v.schema}.${v.name}`);
  return {
    functionsByName,
    relations,
    sequences: new Set(catalog.sequences.map((s) => `${s.schema}.${s.name}`)),
    types: new Set([...catalog.enums, ...catalog.domains].map((t) => `${t.schema}.${t.name}`)),
    collations: new Set(catalog.collations.map((c) => `${c.schema}.${c.name}`)),
  };
};

const IDENT = `(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const CALL = new RegExp(String.raw`(?:(${IDENT})\s*\.\s*)?(${IDENT})\s*\(`, "g");
const QUALIFIED = new RegExp(String.raw`(${IDENT})\s*\.\s*(${IDENT})`, "g");
const NEXTVAL = /nextval\s*\(\s*'([^']+)'/gi;

const unquote = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase());

/** Functions, sequences and (schema-qualified) relations an expression names. */
export const expressionRefs = (refs: References, sql: string | undefined): string[] => {
  // Most expressions (literals, `now()`) name nothing of the catalog: cheap checks skip the scans.
  if (sql === undefined) return [];
  const calls = refs.functionsByName.size > 0 && sql.includes("(");
  const qualified = sql.includes(".");
  const nextval = sql.includes("nextval");
  if (!calls && !qualified && !nextval) return [];
  const out = new Set<string>();
  if (calls) scanCalls(refs, sql, out);
  if (nextval) scanNextval(refs, sql, out);
  if (qualified) scanQualified(refs, sql, out);
  return [...out];
};

const scanCalls = (refs: References, sql: string, out: Set<string>): void => {
  for (const m of sql.matchAll(CALL)) {
    const name = unquote(m[2] as string);
    const key = m[1] !== undefined ? `${unquote(m[1])}.${name}` : name;
    for (const id of refs.functionsByName.get(key) ?? []) out.add(id);
  }
};

const scanNextval = (refs: References, sql: string, out: Set<string>): void => {
  for (const m of sql.matchAll(NEXTVAL)) {
    const [a, b] = (m[1] as string).split(".").map(unquote);
    const key = b === undefined ? `public.${a}` : `${a}.${b}`;
    if (refs.sequences.has(key)) out.add(`sequence:${key}`);
  }
};

const scanQualified = (refs: References, sql: string, out: Set<string>): void => {
  for (const m of sql.matchAll(QUALIFIED)) {
    const key = `${unquote(m[1] as string)}.${unquote(m[2] as string)}`;
    if (refs.relations.has(key)) out.add(`relation:${key}`);
    if (refs.sequences.has(key)) out.add(`sequence:${key}`);
  }
};

/** The user type a type string names (enum or domain of this catalog), as a dependency id. */
export const typeRefs = (refs: References, type: string): string[] => {
  const ref = userTypeOf(type);
  return ref && refs.types.has(`${ref.schema}.${ref.name}`) ? [`type:${ref.schema}.${ref.name}`] : [];
};

export const collationRefs = (refs: References, collation: QualifiedName | undefined): string[] =>
  collation && refs.collations.has(`${collation.schema}.${collation.name}`)
    ? [`collation:${collation.schema}.${collation.name}`]
    : [];

export const columnRefs = (refs: References, column: Column): string[] => [
  ...typeRefs(refs, column.type),
  ...collationRefs(refs, column.collation),
  ...expressionRefs(refs, column.default),
  ...expressionRefs(refs, column.generated),
];
