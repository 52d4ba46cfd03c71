import { compareKeys } from "@platform/schema";

/** Items that depend on each other in a cycle cannot be created in any order. */
export class DependencyCycleError extends Error {
  override readonly name = "DependencyCycleError";
  readonly code = "dependency-cycle";
  readonly path: string;
  readonly fix = "break the cycle: one of these objects must not depend (dependsOn) on the others";
  constructor(readonly keys: readonly string[]) {
    super(`dependency cycle between ${keys.join(", ")}`);
    this.path = keys.join(", ");
    this.message = `dependency cycle between ${keys.join(", ")}\n  → at ${this.path}\n  fix: ${this.fix}`;
  }
}

/**
 * Deterministic topological order: an item comes after everything it depends on; among items that are
 * ready at the same time the smallest key goes first. Dependencies on keys that are not among `items`
 * are ignored (they are created by an earlier section).
 *
 * @example
 * topologicalSort(views, (v) => `${v.schema}.${v.name}`, (v) => (v.dependsOn ?? []).map(qualifiedPath))
 */
export const topologicalSort = <T>(
  items: readonly T[],
  key: (item: T) => string,
  dependsOn: (item: T) => readonly string[],
): T[] => {
  const byKey = new Map(items.map((item) => [key(item), item] as const));
  const waitingOn = new Map<string, Set<string>>();
  const dependents = new Map<string, string[]>();
  for (const [k, item] of byKey) {
    const deps = new Set(dependsOn(item).filter((d) => d !== k && byKey.has(d)));
    waitingOn.set(k, deps);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), k]);
  }
  const ready = [...waitingOn].filter(([, deps]) => deps.size === 0).map(([k]) => k);
  const ordered: T[] = [];
  while (ready.length > 0) {
    ready.sort(compareKeys);
    const next = ready.shift() as string;
    ordered.push(byKey.get(next) as T);
    for (const dependent of dependents.get(next) ?? []) {
      const deps = waitingOn.get(dependent) as Set<string>;
      deps.delete(next);
      if (deps.size === 0) ready.push(dependent);
    }
  }
  if (ordered.length < byKey.size) {
    throw new DependencyCycleError(
      [...waitingOn]
        .filter(([, deps]) => deps.size > 0)
        .map(([k]) => k)
        .sort(compareKeys),
    );
  }
  return ordered;
};
