import { compareKeys } from "@platform/schema";

export interface GraphNode {
  readonly id: string;
  /** ties between ready nodes are broken by this key (smallest first) */
  readonly order: string;
  readonly creates: readonly string[];
  readonly drops: readonly string[];
  readonly needs: readonly string[];
  readonly releases: readonly string[];
  /** node ids that must come first */
  readonly after: readonly string[];
}

/** Steps that wait on each other in a circle: the catalogs ask for something no order can do. */
export class PlanCycleError extends Error {
  override readonly name = "PlanCycleError";
  readonly code = "plan_cycle";
  constructor(readonly steps: readonly string[]) {
    super(
      `these steps depend on each other in a cycle and cannot be ordered: ${steps.join(", ")}; ` +
        "split the change into two generated migrations (one per side of the cycle)",
    );
  }
}

/**
 * Deterministic topological order (after pg-schema-diff's sql_graph): a node runs after every node
 * that creates what it needs (or, when nothing creates it, before the node that drops it), a node
 * that drops something runs after every node that releases it, and something dropped is dropped
 * before it is created again. Among ready nodes the smallest
 * `order` goes first (a binary heap keeps this O(E + N log N)).
 */
export const orderNodes = <T extends GraphNode>(nodes: readonly T[]): T[] => {
  const index = new Map<string, number>(nodes.map((n, i) => [n.id, i]));
  const creators = group(nodes, (n) => n.creates);
  const releasers = group(nodes, (n) => n.releases);
  const edges: number[][] = nodes.map(() => []);
  const indegree = new Array<number>(nodes.length).fill(0);
  const seen = new Set<string>();
  const edge = (from: number, to: number) => {
    if (from === to) return;
    const key = `${from}>${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    (edges[from] as number[]).push(to);
    indegree[to] = (indegree[to] as number) + 1;
  };
  const droppers = group(nodes, (n) => n.drops);
  nodes.forEach((node, i) => {
    for (const x of node.needs) {
      const made = creators.get(x);
      if (made) for (const c of made) edge(c, i);
      // Nothing creates it and something drops it: use it while it is still there.
      else for (const d of droppers.get(x) ?? []) edge(i, d);
    }
    for (const x of node.drops) {
      for (const r of releasers.get(x) ?? []) edge(r, i);
      if (!node.creates.includes(x)) {
        for (const c of creators.get(x) ?? []) if (!(nodes[c] as T).drops.includes(x)) edge(i, c);
      }
    }
    for (const a of node.after) {
      const from = index.get(a);
      if (from !== undefined) edge(from, i);
    }
  });
  const heap = new MinHeap((a: number, b: number) => compareKeys((nodes[a] as T).order, (nodes[b] as T).order));
  indegree.forEach((d, i) => {
    if (d === 0) heap.push(i);
  });
  const ordered: T[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    ordered.push(nodes[i] as T);
    for (const j of edges[i] as number[]) {
      indegree[j] = (indegree[j] as number) - 1;
      if (indegree[j] === 0) heap.push(j);
    }
  }
  if (ordered.length < nodes.length) {
    throw new PlanCycleError(nodes.filter((_, i) => (indegree[i] as number) > 0).map((n) => n.id));
  }
  return ordered;
};

const group = <T>(nodes: readonly T[], ids: (n: T) => readonly string[]): Map<string, number[]> => {
  const out = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const id of ids(n)) {
      const list = out.get(id);
      if (list) list.push(i);
      else out.set(id, [i]);
    }
  });
  return out;
};

class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(a[i] as number, a[p] as number) >= 0) break;
      [a[i], a[p]] = [a[p] as number, a[i] as number];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l] as number, a[m] as number) < 0) m = l;
        if (r < a.length && this.less(a[r] as number, a[m] as number) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as number, a[i] as number];
        i = m;
      }
    }
    return top;
  }
}
