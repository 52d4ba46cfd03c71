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

/** Structural equality of plain JSON data, independent of key order. */
export const sameData = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([x], [y]) => compareKeys(x, y));
      return Object.fromEntries(entries);
    }
    return v;
  });

/** `value` without the listed keys: compare two objects on everything except what another module diffs. */
export const omit = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...value } as Record<string, unknown>;
  for (const k of keys) delete copy[k as string];
  return copy as Omit<T, K>;
};
