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
 *
 * Objects found equal are remembered (Catalog values are immutable): generate diffs the same pair of
 * catalogs twice, forward and reversed for the down sections, and the second time every unchanged
 * table is settled by one lookup instead of a walk.
 */
export const sameData = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (knownEqual.get(a)?.has(b)) return true;
  if (!equalData(a, b)) return false;
  remember(a, b);
  remember(b, a);
  return true;
};

const knownEqual = new WeakMap<object, WeakSet<object>>();

const remember = (a: object, b: object): void => {
  const set = knownEqual.get(a);
  if (set === undefined) knownEqual.set(a, new WeakSet([b]));
  else set.add(b);
};

const equalData = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined++;
    if (!equalData(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
};

/** What `canonicalForm` returns for a value no JavaScript object can hold in sorted key order. */
export const UNSORTABLE: unique symbol = Symbol("unsortable");

/**
 * `value` with object keys in sorted order at every level and members that are `undefined` (or named
 * `omit`) left out, so `JSON.stringify` of it is the canonical text, at native speed. Parts already in
 * that form are shared, not copied (a snapshot read back is, entirely). `UNSORTABLE` for what the
 * engine cannot hold sorted or `JSON.stringify` writes differently: integer-like keys (iterated
 * first), `__proto__`, functions, symbols and `toJSON` objects; callers then take the slow path.
 */
export const canonicalForm = (value: unknown, omit?: string): unknown => {
  if (typeof value !== "object" || value === null) {
    return typeof value === "function" || typeof value === "symbol" ? UNSORTABLE : value;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const form = canonicalForm(item, omit);
      if (form === UNSORTABLE) return UNSORTABLE;
      if (form !== item) {
        copy ??= value.slice();
        copy[i] = form;
      }
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return UNSORTABLE;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) return value;
  if (isIndexKey(keys[0] as string)) return UNSORTABLE;
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) < (keys[i] as string);
  if (!sorted) keys.sort();
  let out: Record<string, unknown> | undefined;
  const copyBefore = (end: number): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (let j = 0; j < end; j++) copy[keys[j] as string] = record[keys[j] as string];
    return copy;
  };
  if (!sorted) out = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === "__proto__") return UNSORTABLE;
    const item = record[key];
    if (item === undefined || key === omit) {
      out ??= copyBefore(i);
      continue;
    }
    const form = canonicalForm(item, omit);
    if (form === UNSORTABLE) return UNSORTABLE;
    if (form !== item) out ??= copyBefore(i);
    if (out) out[key] = form;
  }
  return out ?? value;
};

/** An array index as a string (`0`, `42`): objects iterate such keys first, in numeric order. */
const isIndexKey = (key: string): boolean => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
};

/** `value` without the listed keys: compare two objects on everything except what another module diffs. */
export const omit = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...value } as Record<string, unknown>;
  for (const k of keys) delete copy[k as string];
  return copy as Omit<T, K>;
};
