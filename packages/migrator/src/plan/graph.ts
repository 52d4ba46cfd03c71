export interface GraphNode {
  readonly id: string;
  /** ties between ready nodes are broken by this rank (smallest first); ranks are distinct */
  readonly order: number;
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
  const holders = holdersOf(nodes);
  // A repeated edge counts twice in `indegree` and is released twice: Kahn's algorithm needs no dedup.
  const edges: number[][] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) edges[i] = [];
  const indegree = new Int32Array(nodes.length);
  const edge = (from: number, to: number) => {
    if (from === to) return;
    (edges[from] as number[]).push(to);
    indegree[to] = (indegree[to] as number) + 1;
  };
  let index: Map<string, number> | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as T;
    for (const x of node.needs) {
      const held = holders.get(x);
      if (held === undefined) continue;
      if (held.creators !== undefined) for (const c of held.creators) edge(c, i);
      // Nothing creates it and something drops it: use it while it is still there.
      else if (held.droppers !== undefined) for (const d of held.droppers) edge(i, d);
    }
    for (const x of node.drops) {
      const held = holders.get(x) as Holders;
      if (held.releasers !== undefined) for (const r of held.releasers) edge(r, i);
      if (held.creators !== undefined && !node.creates.includes(x)) {
        for (const c of held.creators) if (!(nodes[c] as T).drops.includes(x)) edge(i, c);
      }
    }
    if (node.after.length > 0) {
      index ??= new Map(nodes.map((n, j) => [n.id, j]));
      for (const a of node.after) {
        const from = index.get(a);
        if (from !== undefined) edge(from, i);
      }
    }
  }
  const rank = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) rank[i] = (nodes[i] as T).order;
  const heap = new MinHeap(rank);
  for (let i = 0; i < nodes.length; i++) if (indegree[i] === 0) heap.push(i);
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

/** The nodes that create, drop and release one dependency id (a list only where there are some). */
interface Holders {
  creators: number[] | undefined;
  droppers: number[] | undefined;
  releasers: number[] | undefined;
}

/** Every id that some node creates, drops or releases, with those nodes: one map, one lookup per use. */
const holdersOf = (nodes: readonly GraphNode[]): Map<string, Holders> => {
  const out = new Map<string, Holders>();
  const holders = (id: string): Holders => {
    let held = out.get(id);
    if (held === undefined) {
      held = { creators: undefined, droppers: undefined, releasers: undefined };
      out.set(id, held);
    }
    return held;
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as GraphNode;
    for (const id of node.creates) {
      const held = holders(id);
      if (held.creators === undefined) held.creators = [i];
      else held.creators.push(i);
    }
    for (const id of node.drops) {
      const held = holders(id);
      if (held.droppers === undefined) held.droppers = [i];
      else held.droppers.push(i);
    }
    for (const id of node.releases) {
      const held = holders(id);
      if (held.releasers === undefined) held.releasers = [i];
      else held.releasers.push(i);
    }
  }
  return out;
};

/** Node indices, smallest `rank` first. */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly rank: Float64Array) {}
  private less(a: number, b: number): number {
    return (this.rank[a] as number) - (this.rank[b] as number);
  }
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p] as number;
      if (this.less(x, parent) >= 0) break;
      a[i] = parent;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && this.less(a[r] as number, a[l] as number) < 0 ? r : l;
        if (this.less(a[m] as number, last) >= 0) break;
        a[i] = a[m] as number;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
