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
  const held = holdersOf(nodes);
  // Edges as linked lists in flat arrays (no array per node). A repeated edge counts twice in
  // `indegree` and is released twice: Kahn's algorithm needs no dedup.
  const firstEdge = new Int32Array(nodes.length).fill(-1);
  const edgeTo: number[] = [];
  const edgeNext: number[] = [];
  const indegree = new Int32Array(nodes.length);
  const edge = (from: number, to: number) => {
    if (from === to) return;
    edgeTo.push(to);
    edgeNext.push(firstEdge[from] as number);
    firstEdge[from] = edgeTo.length - 1;
    indegree[to] = (indegree[to] as number) + 1;
  };
  let index: Map<string, number> | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as T;
    for (const x of node.needs) {
      const slot = held.slots.get(x);
      if (slot === undefined) continue;
      const creators = held.first[slot * 3 + CREATORS] as number;
      if (creators !== -1) for (let e = creators; e !== -1; e = held.next[e] as number) edge(held.node[e] as number, i);
      else {
        // Nothing creates it and something drops it: use it while it is still there.
        const droppers = held.first[slot * 3 + DROPPERS] as number;
        for (let e = droppers; e !== -1; e = held.next[e] as number) edge(i, held.node[e] as number);
      }
    }
    for (const x of node.drops) {
      const slot = held.slots.get(x) as number;
      const releasers = held.first[slot * 3 + RELEASERS] as number;
      for (let e = releasers; e !== -1; e = held.next[e] as number) edge(held.node[e] as number, i);
      const creators = held.first[slot * 3 + CREATORS] as number;
      if (creators !== -1 && !node.creates.includes(x)) {
        for (let e = creators; e !== -1; e = held.next[e] as number) {
          const c = held.node[e] as number;
          if (!(nodes[c] as T).drops.includes(x)) edge(i, c);
        }
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
    for (let e = firstEdge[i] as number; e !== -1; e = edgeNext[e] as number) {
      const j = edgeTo[e] as number;
      indegree[j] = (indegree[j] as number) - 1;
      if (indegree[j] === 0) heap.push(j);
    }
  }
  if (ordered.length < nodes.length) {
    throw new PlanCycleError(nodes.filter((_, i) => (indegree[i] as number) > 0).map((n) => n.id));
  }
  return ordered;
};

const CREATORS = 0;
const DROPPERS = 1;
const RELEASERS = 2;

/**
 * Every id that some node creates, drops or releases, with those nodes: `slots` numbers the ids, and
 * the nodes holding slot `s` in role `r` are the list starting at `first[s * 3 + r]` (entry `e` is
 * node `node[e]`, then `next[e]`; -1 ends it). Flat arrays rather than a list per id: a full create
 * has tens of thousands of ids, most held by one node.
 */
interface Holders {
  readonly slots: Map<string, number>;
  readonly first: Int32Array;
  readonly node: Int32Array;
  readonly next: Int32Array;
}

const holdersOf = (nodes: readonly GraphNode[]): Holders => {
  let total = 0;
  for (const n of nodes) total += n.creates.length + n.drops.length + n.releases.length;
  const slots = new Map<string, number>();
  const first = new Int32Array(total * 3).fill(-1);
  const node = new Int32Array(total);
  const next = new Int32Array(total);
  let entries = 0;
  const hold = (id: string, role: number, i: number) => {
    let slot = slots.get(id);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(id, slot);
    }
    node[entries] = i;
    next[entries] = first[slot * 3 + role] as number;
    first[slot * 3 + role] = entries;
    entries++;
  };
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as GraphNode;
    for (const id of n.creates) hold(id, CREATORS, i);
    for (const id of n.drops) hold(id, DROPPERS, i);
    for (const id of n.releases) hold(id, RELEASERS, i);
  }
  return { slots, first, node, next };
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
