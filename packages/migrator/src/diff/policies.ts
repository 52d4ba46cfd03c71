import type { Catalog, Policy, QualifiedName, Table } from "@platform/schema";
import type { Change } from "./change.js";
import { matchColumns } from "./columns.js";
import { type DiffContext, matchByKey, sameData } from "./context.js";

export type PolicyChange =
  | { readonly kind: "policy.create"; readonly table: QualifiedName; readonly policy: Policy }
  | { readonly kind: "policy.drop"; readonly table: QualifiedName; readonly policy: Policy }
  /** roles, USING and WITH CHECK change in place with `ALTER POLICY` */
  | { readonly kind: "policy.alter"; readonly table: QualifiedName; readonly from: Policy; readonly to: Policy };

/**
 * ALTER POLICY cannot change the command or PERMISSIVE/RESTRICTIVE, nor remove a USING or WITH CHECK
 * clause: those policies are dropped and created again. So is a policy that reads a column whose type
 * changes, even when the policy itself does not change: PostgreSQL refuses `ALTER COLUMN ... TYPE` under
 * it ("cannot alter type of a column used in a policy definition"). The plan runs the drop before the
 * column change and the create after, in one transaction, so the table is never open in between (with
 * row-level security on and a policy missing, PostgreSQL denies rather than allows).
 */
export const diffPolicies = (
  ctx: DiffContext,
  table: QualifiedName,
  from: readonly Policy[] | undefined,
  to: readonly Policy[] | undefined,
): PolicyChange[] => {
  const { added, removed, kept } = matchByKey(from ?? [], to ?? [], (p) => p.name);
  const underRetype = kept.length > 0 ? readsRetypedColumn(ctx, table) : () => false;
  const forced = new Set(kept.filter(([a]) => underRetype(a)).map(([a]) => a.name));
  const recreated = kept.filter(([a, b]) => forced.has(a.name) || (!samePolicy(ctx, a, b) && !alterable(a, b)));
  const altered = kept.filter(([a, b]) => !forced.has(a.name) && !samePolicy(ctx, a, b) && alterable(a, b));
  return [
    ...[...removed, ...recreated.map(([a]) => a)].map(
      (policy): PolicyChange => ({ kind: "policy.drop", table, policy }),
    ),
    ...[...added, ...recreated.map(([, b]) => b)].map(
      (policy): PolicyChange => ({ kind: "policy.create", table, policy }),
    ),
    ...altered.map(([a, b]): PolicyChange => ({ kind: "policy.alter", table, from: a, to: b })),
  ];
};

const roles = (p: Policy): string => [...(p.roles ?? ["public"])].sort().join(",");

const samePolicy = (ctx: DiffContext, a: Policy, b: Policy): boolean =>
  alterable(a, b) &&
  roles(a) === roles(b) &&
  ctx.sameExpression(a.using, b.using) &&
  ctx.sameExpression(a.withCheck, b.withCheck);

const alterable = (a: Policy, b: Policy): boolean =>
  (a.command ?? "all") === (b.command ?? "all") &&
  (a.restrictive ?? false) === (b.restrictive ?? false) &&
  !(a.using !== undefined && b.using === undefined) &&
  !(a.withCheck !== undefined && b.withCheck === undefined);

/** A column a policy's expressions name: the table it belongs to (as the catalog names it) and the column. */
export interface ColumnRead {
  readonly table: QualifiedName;
  readonly column: string;
}

/**
 * The columns a policy of `table` reads (see `columnsNamedIn`); its own columns are reported under `as`
 * (the table's name in the other catalog, when it is renamed).
 */
export const columnsReadBy = (
  catalog: Catalog,
  table: QualifiedName,
  policy: Policy,
  as: QualifiedName = table,
): ColumnRead[] =>
  columnsNamedIn(catalog, table, [policy.using, policy.withCheck].filter((x) => x !== undefined).join(" "), as);

/**
 * The columns an expression stored on `table` (a policy, a generated column) names, found the cheap
 * way: identifiers outside string literals that name a column of the table itself or of a table the
 * expression names with its schema (`app.members` in a subquery). A false match (a function named like
 * a column) can only add a recreate or an ordering edge, never drop one; an unqualified table in a
 * subquery is not seen. `table` is looked up in `catalog`; its own columns are reported under `as`.
 */
export const columnsNamedIn = (
  catalog: Catalog,
  table: QualifiedName,
  sql: string | undefined,
  as: QualifiedName = table,
): ColumnRead[] => {
  if (sql === undefined || sql === "") return [];
  const { words, qualified } = identifiers(sql);
  const tables = tablesOf(catalog);
  const own = tables.get(`${table.schema}.${table.name}`);
  const others = qualified.flatMap((name) => {
    const t = tables.get(name);
    return t && t !== own ? [t] : [];
  });
  const read = (t: Table, name: QualifiedName): ColumnRead[] =>
    t.columns.filter((c) => words.has(c.name)).map((c) => ({ table: name, column: c.name }));
  return [
    ...(own ? read(own, { schema: as.schema, name: as.name }) : []),
    ...[...new Set(others)].flatMap((t) => read(t, { schema: t.schema, name: t.name })),
  ];
};

const tableMaps = new WeakMap<Catalog, ReadonlyMap<string, Table>>();

const tablesOf = (catalog: Catalog): ReadonlyMap<string, Table> => {
  let map = tableMaps.get(catalog);
  if (map === undefined) {
    map = new Map(catalog.tables.map((t) => [`${t.schema}.${t.name}`, t]));
    tableMaps.set(catalog, map);
  }
  return map;
};

const TOKEN = /'(?:[^']|'')*'|"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g;

/** Identifier words (quoted ones as written, bare ones folded to lower case) and `a.b` pairs among them. */
const identifiers = (sql: string): { words: Set<string>; qualified: string[] } => {
  const words = new Set<string>();
  const qualified: string[] = [];
  let previous: { name: string; end: number } | undefined;
  for (const m of sql.matchAll(TOKEN)) {
    const quoted = m[1];
    const bare = m[2];
    const start = m.index ?? 0;
    if (quoted === undefined && bare === undefined) {
      previous = undefined;
      continue;
    }
    const name = quoted !== undefined ? quoted.replaceAll('""', '"') : (bare as string).toLowerCase();
    words.add(name);
    if (previous !== undefined && /^\s*\.\s*$/.test(sql.slice(previous.end, start))) {
      qualified.push(`${previous.name}.${name}`);
    }
    previous = { name, end: start + m[0].length };
  }
  return { words, qualified };
};

/**
 * Whether a policy (as the old catalog has it) reads a column whose type changes in this diff (or that
 * is dropped and added again, as a changed generated column is), on its own table or on one it names.
 */
const readsRetypedColumn = (ctx: DiffContext, table: QualifiedName): ((p: Policy) => boolean) => {
  const ownBefore = tableBefore(ctx.from, ctx.to, table);
  const retyped = new Map<string, ReadonlySet<string>>();
  const retypedOf = (t: QualifiedName): ReadonlySet<string> => {
    const key = `${t.schema}.${t.name}`;
    let set = retyped.get(key);
    if (set === undefined) {
      set = retypedColumns(ctx, t);
      retyped.set(key, set);
    }
    return set;
  };
  return (p) =>
    ownBefore !== undefined &&
    columnsReadBy(ctx.from, ownBefore, p, table).some((r) => retypedOf(r.table).has(r.column));
};

/**
 * The old catalog's table for a table of the new one: the same name, else the one it is renamed from.
 * (A table named in a policy's subquery and renamed in the same diff is looked up by its old name only.)
 */
export const tableBefore = (from: Catalog, to: Catalog, table: QualifiedName): Table | undefined => {
  const before = tablesOf(from);
  const after = tablesOf(to).get(`${table.schema}.${table.name}`);
  return (
    before.get(`${table.schema}.${table.name}`) ??
    (after?.renamedFrom !== undefined ? before.get(`${table.schema}.${after.renamedFrom}`) : undefined)
  );
};

/**
 * Old names of the columns of a kept table (named as in `ctx.to`) whose type or collation changes, or
 * that are rebuilt: what PostgreSQL refuses to retype under a policy, a trigger or a generated column.
 */
export const retypedColumns = (ctx: DiffContext, table: QualifiedName): ReadonlySet<string> => {
  const before = tableBefore(ctx.from, ctx.to, table);
  const after = tablesOf(ctx.to).get(`${table.schema}.${table.name}`);
  if (before === undefined || after === undefined) return new Set();
  const { kept } = matchColumns(before, after);
  const out = new Set(
    kept
      .filter(
        ([a, b]) =>
          a.type !== b.type || !sameData(a.collation, b.collation) || !ctx.sameExpression(a.generated, b.generated),
      )
      .map(([a]) => a.name),
  );
  // A generated column reading one of those is dropped and added around it (`diffColumns`): it counts too.
  // (A generated column cannot read another generated column, so one pass finds them all.)
  if (out.size === 0) return out;
  for (const [a] of kept) {
    if (
      a.generated !== undefined &&
      columnsNamedIn(ctx.from, before, a.generated).some(
        (r) => r.table.schema === before.schema && r.table.name === before.name && out.has(r.column),
      )
    ) {
      out.add(a.name);
    }
  }
  return out;
};

/**
 * `diffPolicies` runs only for tables that change. A policy of an unchanged table can still read, in a
 * subquery, a column of another table whose type changes: this finds those and drops and creates them
 * around the change, as `diffPolicies` does for its own tables. Policies `changes` already changes are
 * left alone, so calling it on a diff that already includes its result adds nothing.
 *
 * @example
 *   const changes = diff(from, to);
 *   const all = [...changes, ...policiesOverRetypedColumns(from, to, changes)];
 */
export const policiesOverRetypedColumns = (from: Catalog, to: Catalog, changes: readonly Change[]): PolicyChange[] => {
  const retyped = retypedByChanges(changes);
  if (retyped.size === 0) return [];
  const changed = new Set(
    changes.flatMap((c) =>
      c.kind === "policy.create" || c.kind === "policy.drop"
        ? [`${c.table.schema}.${c.table.name}.${c.policy.name}`]
        : c.kind === "policy.alter"
          ? [`${c.table.schema}.${c.table.name}.${c.to.name}`]
          : [],
    ),
  );
  const out: PolicyChange[] = [];
  for (const after of to.tables) {
    if ((after.policies ?? []).length === 0) continue;
    const before = tableBefore(from, to, after);
    const table = { schema: after.schema, name: after.name };
    for (const policy of after.policies ?? []) {
      const old = before?.policies?.find((p) => p.name === policy.name);
      if (old === undefined || before === undefined || changed.has(`${table.schema}.${table.name}.${policy.name}`)) {
        continue;
      }
      if (
        columnsReadBy(from, before, old, table).some((r) =>
          retyped.has(`${r.table.schema}.${r.table.name}.${r.column}`),
        )
      ) {
        out.push({ kind: "policy.drop", table, policy: old }, { kind: "policy.create", table, policy });
      }
    }
  }
  return out;
};

/** `schema.table.column` (the old column name) of every column a diff retypes or drops and adds again. */
const retypedByChanges = (changes: readonly Change[]): Set<string> => {
  const out = new Set<string>();
  const dropped = new Set<string>();
  for (const c of changes) {
    if (c.kind === "column.alter-type") out.add(`${c.table.schema}.${c.table.name}.${c.from.name}`);
    if (c.kind === "column.drop") dropped.add(`${c.table.schema}.${c.table.name}.${c.column.name}`);
  }
  for (const c of changes) {
    const key = c.kind === "column.add" ? `${c.table.schema}.${c.table.name}.${c.column.name}` : undefined;
    if (key !== undefined && dropped.has(key)) out.add(key);
  }
  return out;
};
