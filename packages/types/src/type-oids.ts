/**
 * Types whose oids are fixed by PostgreSQL, and the query for the ones an extension or a CREATE TYPE
 * assigns at install time (pgvector's `vector`/`halfvec`, the array types of enums).
 */
export const builtinOids = {
  bytea: 17,
  int8: 20,
  int8Array: 1016,
  interval: 1186,
} as const;

export const dynamicOidsQuery = `
SELECT t.oid::int AS oid, t.typname AS name, 'vector' AS role
  FROM pg_type t WHERE t.typname IN ('vector', 'halfvec') AND t.typtype = 'b'
UNION ALL
SELECT t.typarray::int, t.typname, 'enum-array'
  FROM pg_type t WHERE t.typtype = 'e' AND t.typarray <> 0`;

export interface DynamicOid {
  readonly oid: number;
  readonly name: string;
  readonly role: "vector" | "enum-array";
}
