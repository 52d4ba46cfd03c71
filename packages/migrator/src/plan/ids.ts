import type { QualifiedName } from "@platform/schema";

/** Dependency ids shared by every planner (the same identities `diff/subject.ts` gives changes). */
export const ANY_EXTENSION = "extension:*";
export const rel = (n: QualifiedName): string => `relation:${n.schema}.${n.name}`;
export const schemaId = (schema: string): string => `schema:${schema}`;
export const roleId = (role: string): string => `role:${role}`;
export const columnId = (t: QualifiedName, column: string): string => `column:${t.schema}.${t.name}.${column}`;
export const constraintId = (t: QualifiedName, name: string): string => `constraint:${t.schema}.${t.name}.${name}`;
export const indexId = (schema: string, name: string): string => `index:${schema}.${name}`;
export const typeId = (n: QualifiedName): string => `type:${n.schema}.${n.name}`;
/** the column shapes of a relation change: views reading it are dropped before and created after */
export const reshapeId = (t: QualifiedName): string => `reshape:${t.schema}.${t.name}`;

export const path = (...parts: readonly string[]): string => parts.join(".");
export const qpath = (n: QualifiedName): string => `${n.schema}.${n.name}`;
