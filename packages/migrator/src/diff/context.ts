import type { Catalog } from "@platform/schema";
import { compareKeys } from "@platform/schema";

/**
 * What every per-kind diff receives. `sameExpression` decides when two SQL expressions (defaults,
 * checks, policy predicates, view definitions) are equal; the default only ignores whitespace, and
 * callers comparing against an introspected database pass the normaliser's comparison instead.
 */
export interface DiffContext {
  readonly from: Catalog;
  readonly to: Catalog;
  readonly sameExpression: (a: string | undefined, b: string | undefined) => boolean;
}

export interface DiffOptions {
  readonly sameExpression?: (a: string | undefined, b: string | undefined) => boolean;
}

const squash = (sql: string): string => sql.replace(/\s+/g, " ").trim();

export const whitespaceInsensitive = (a: string | undefined, b: string | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && squash(a) === squash(b));

/** `a` and `b` as maps by identity key, iterated in key order so every diff is deterministic. */
export const matchByKey = <T>(
  from: readonly T[],
  to: readonly T[],
  key: (item: T) => string,
): { readonly added: T[]; readonly removed: T[]; readonly kept: Array<readonly [T, T]> } => {
  const before = new Map(from.map((item) => [key(item), item]));
  const after = new Map(to.map((item) => [key(item), item]));
  const added: T[] = [];
  const removed: T[] = [];
  const kept: Array<readonly [T, T]> = [];
  for (const k of [...after.keys()].sort(compareKeys)) {
    const next = after.get(k) as T;
    const prev = before.get(k);
    if (prev === undefined) added.push(next);
    else kept.push([prev, next]);
  }
  for (const k of [...before.keys()].sort(compareKeys)) {
    if (!after.has(k)) removed.push(before.get(k) as T);
  }
  return { added, removed, kept };
};

/**
 * Structural equality of plain JSON data: key order and keys holding `undefined` do not matter.
 * Hand-written rather than comparing serialisations: diff calls it for every kept object.
 */
export const sameData = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined++;
    if (!sameData(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
};

/** JSON with object keys sorted at every level and `undefined` dropped: one text per value. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareKeys);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
};

/** `value` without the listed keys: compare two objects on everything except what another module diffs. */
export const omit = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...value } as Record<string, unknown>;
  for (const k of keys) delete copy[k as string];
  return copy as Omit<T, K>;
};
