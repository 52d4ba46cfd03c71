/**
 * Lowering of one table: columns in declared order, column-level constraints merged into the table's,
 * unnamed constraints and indexes named as PostgreSQL names them, everything else sorted by name.
 */

import { compareKeys, objectPath, sortBy } from "../catalog/identity.js";
import type {
  CheckConstraint,
  Column,
  ExclusionConstraint,
  ForeignKey,
  Index,
  Policy,
  PrimaryKey,
  Table,
  Trigger,
  TriggerEvent,
  UniqueConstraint,
} from "../catalog/model.js";
import type { Finding } from "../catalog/validate/finding.js";
import { type ColumnBuilder, type ColumnRef, columnName } from "./column.js";
import type { CheckConstraintSpec, ForeignKeySpec, UniqueSpec } from "./constraints.js";
import { compact, roleName } from "./declaration.js";
import { lowerGrants } from "./grant.js";
import type { IndexSpec } from "./indexes.js";
import { lowerLiteral } from "./literal.js";
import type { LowerContext } from "./lower-context.js";
import { keyNamePart, lowerIndexElement, mentionedColumns } from "./lower-keys.js";
import { lowerPartitionBy, lowerPartitions } from "./lower-partitions.js";
import { type DerivedNameKind, uniqueDerivedName } from "./names.js";
import type { PolicySpec } from "./policy.js";
import { isSqlExpression } from "./sql.js";
import { TABLE, type TableHandle, type TableOptions } from "./table.js";
import type { TriggerSpec } from "./trigger.js";
import { lowerType } from "./types.js";

export interface LoweredTable {
  readonly table: Table;
  /** problems only the DSL can see (the Catalog cannot even hold them) */
  readonly findings: readonly Finding[];
}

/** Names already used in the table's schema, and the derived ones handed out so far. */
class Namer {
  constructor(
    private readonly table: string,
    /** shared by every table of one schema, pre-filled with every explicit name */
    private readonly taken: Set<string>,
  ) {}
  name(explicit: string | undefined, columns: readonly string[], kind: DerivedNameKind): string {
    const name = explicit ?? uniqueDerivedName(this.table, columns, kind, this.taken);
    this.taken.add(name);
    return name;
  }
}

const byName = <T extends { readonly name: string }>(items: readonly T[]): T[] => sortBy(items, (i) => i.name);

export const lowerTable = (handle: TableHandle, context: LowerContext, taken: Set<string>): LoweredTable => {
  const def = handle[TABLE];
  const options = def.options();
  const columns = columnRefs(handle);
  const columnSet = new Set(columns.map((c) => c.name));
  const findings: Finding[] = [];
  const path = objectPath(def.schema, def.name);

  const namer = new Namer(def.name, taken);

  const primaryKey = lowerPrimaryKey(columns, options, namer, path, findings);
  const loweredColumns = lowerColumns(columns, primaryKey?.columns, context);
  const columnTypes = new Map(loweredColumns.map((c) => [c.name, c.type]));
  const uniques = lowerUniques(columns, options.uniques ?? [], namer);
  const checks = lowerChecks(columns, options.checks ?? [], columnSet, namer);
  const foreignKeys = lowerForeignKeys(columns, options.foreignKeys ?? [], namer);
  const exclusions: ExclusionConstraint[] = (options.exclusions ?? []).map((e) => {
    const elements = e.elements.map((el) => ({ ...lowerIndexElement(el.key), operator: el.operator }));
    return compact({
      name: namer.name(e.name, elements.map(keyNamePart), "excl"),
      using: e.using,
      elements: elements.map(({ order: _o, nulls: _n, collation: _c, ...rest }) => rest),
      where: e.where?.text,
      deferrable: e.deferrable === "not deferrable" ? undefined : e.deferrable,
      comment: e.comment,
    });
  });
  const indexes = lowerIndexes(options.indexes ?? [], namer);

  const table: Table = {
    schema: def.schema,
    name: def.name,
    ...compact({ unlogged: options.unlogged }),
    columns: loweredColumns,
    ...compact({
      primaryKey,
      uniques: byName(uniques),
      checks: byName(checks),
      foreignKeys: byName(foreignKeys),
      exclusions: byName(exclusions),
      indexes: byName(indexes),
      partitionBy: options.partitionBy ? lowerPartitionBy(options.partitionBy) : undefined,
      partitions: options.partitions
        ? lowerPartitions(options.partitions, options.partitionBy, columnTypes)
        : undefined,
      partitionTemplate: options.partitionTemplate ? compact({ ...options.partitionTemplate }) : undefined,
      rowLevelSecurity: options.rowLevelSecurity,
      policies: byName((options.policies ?? []).map(lowerPolicy)),
      triggers: byName((options.triggers ?? []).map(lowerTrigger)),
      comment: options.comment,
      grants: lowerGrants(options.grants),
      renamedFrom: options.renamedFrom,
    }),
  };
  return { table, findings };
};

/** Names a table declaration spells out (its own, its constraints' and indexes'); derived names avoid them. */
export const explicitNames = (handle: TableHandle): string[] => {
  const options = handle[TABLE].options();
  return [handle[TABLE].name, ...explicitConstraintNames(options, columnRefs(handle))];
};

/** The column handles of a table, in declared order. */
export const columnRefs = (handle: TableHandle): ColumnRef[] =>
  Object.keys(handle[TABLE].columns).flatMap((name) => {
    const ref = (handle as unknown as Record<string, ColumnRef | undefined>)[name];
    return ref ? [ref] : [];
  });

const explicitConstraintNames = (options: TableOptions, columns: readonly ColumnRef[]): string[] => [
  ...[
    options.primaryKey?.name,
    ...(options.uniques ?? []).map((u) => u.state.name),
    ...(options.checks ?? []).map((c) => c.name),
    ...(options.foreignKeys ?? []).map((f) => f.name),
    ...(options.exclusions ?? []).map((e) => e.name),
    ...(options.indexes ?? []).map((i) => i.state.name),
  ].filter((n): n is string => n !== undefined),
  ...columns.flatMap((c) => {
    const s = c.builder.state;
    return [s.primaryKey?.name, s.unique?.name, s.references?.options.name, ...s.checks.map((k) => k.name)].filter(
      (n): n is string => n !== undefined,
    );
  }),
];

/** The columns in declared order; primary key columns NOT NULL, as PostgreSQL makes them (introspection compares equal). */
export const lowerColumns = (
  columns: readonly ColumnRef[],
  primaryKeyColumns: readonly string[] | undefined,
  context: LowerContext,
): Column[] => {
  const keyColumns = new Set(primaryKeyColumns);
  return columns.map((ref) => {
    const c = lowerColumn(ref, context);
    return keyColumns.has(c.name) && !c.notNull ? withNotNull(c) : c;
  });
};

/**
 * The primary key's columns: the table-level key's, else the first column declared `.primaryKey()` (more
 * than one key is a finding of `lowerTable`).
 */
export const primaryKeyColumns = (columns: readonly ColumnRef[], options: TableOptions): string[] | undefined => {
  if (options.primaryKey) return options.primaryKey.columns.map(columnName);
  const first = columns.find((c) => c.builder.state.primaryKey !== undefined);
  return first ? [first.name] : undefined;
};

/** `notNull` placed where `lowerColumn` puts it, so key order (and JSON) does not depend on how NOT NULL came about. */
const withNotNull = ({ name, type, ...rest }: Column): Column => ({ name, type, notNull: true, ...rest });

export const lowerColumn = (
  ref: { readonly name: string; readonly builder: ColumnBuilder },
  context: LowerContext,
): Column => {
  const s = ref.builder.state;
  const type = lowerType(s.type, context.extensionSchema);
  return {
    name: ref.name,
    type,
    ...compact({
      notNull: s.notNull,
      default:
        s.default === undefined
          ? undefined
          : isSqlExpression(s.default)
            ? s.default.text
            : lowerLiteral(s.default, type),
      identity: s.identity,
      generated: s.generated?.text,
      collation: s.collation ? { schema: s.collation.schema, name: s.collation.name } : undefined,
      comment: s.comment,
      renamedFrom: s.renamedFrom,
    }),
  };
};

const lowerPrimaryKey = (
  columns: readonly ColumnRef[],
  options: TableOptions,
  namer: Namer,
  path: string,
  findings: Finding[],
): PrimaryKey | undefined => {
  const columnLevel = columns.filter((c) => c.builder.state.primaryKey !== undefined);
  const declared = columnLevel.length + (options.primaryKey ? 1 : 0);
  if (declared > 1) {
    findings.push({
      code: "multiple-primary-keys",
      severity: "error",
      path,
      message: `${declared} primary keys are declared (${[
        ...columnLevel.map((c) => `${c.name}.primaryKey()`),
        ...(options.primaryKey ? ["options.primaryKey"] : []),
      ].join(", ")}); a table has at most one`,
      fix: "declare one composite key: primaryKey: primaryKey(t.a, t.b)",
    });
  }
  const keyColumns = primaryKeyColumns(columns, options);
  if (!keyColumns) return undefined;
  const pk = options.primaryKey;
  if (pk) {
    return compact({
      name: namer.name(pk.name, [], "pkey"),
      columns: keyColumns,
      include: pk.include?.map(columnName),
      comment: pk.comment,
    });
  }
  return { name: namer.name(columnLevel[0]?.builder.state.primaryKey?.name, [], "pkey"), columns: keyColumns };
};

const lowerUniques = (
  columns: readonly ColumnRef[],
  specs: readonly UniqueSpec[],
  namer: Namer,
): UniqueConstraint[] => [
  ...columns.flatMap((c) => {
    const u = c.builder.state.unique;
    if (!u) return [];
    return [
      compact({ name: namer.name(u.name, [c.name], "key"), columns: [c.name], nullsNotDistinct: u.nullsNotDistinct }),
    ];
  }),
  ...specs.map((u) => {
    const s = u.state;
    const cols = s.columns.map(columnName);
    const include = s.include?.map(columnName);
    return compact({
      name: namer.name(s.name, [...cols, ...(include ?? [])], "key"),
      columns: cols,
      include,
      nullsNotDistinct: s.nullsNotDistinct,
      deferrable: s.deferrable === "not deferrable" ? undefined : s.deferrable,
      comment: s.comment,
    });
  }),
];

const lowerChecks = (
  columns: readonly ColumnRef[],
  specs: readonly CheckConstraintSpec[],
  columnSet: ReadonlySet<string>,
  namer: Namer,
): CheckConstraint[] => {
  const check = (name: string | undefined, expression: string, extra: Partial<CheckConstraint> = {}) => {
    const mentioned = mentionedColumns(expression, columnSet);
    return compact({
      name: namer.name(name, mentioned.length === 1 ? mentioned : [], "check"),
      expression,
      ...extra,
    });
  };
  return [
    ...columns.flatMap((c) =>
      c.builder.state.checks.map((k) =>
        check(k.name, (typeof k.expression === "function" ? k.expression(c) : k.expression).text),
      ),
    ),
    ...specs.map((k) => check(k.name, k.expression.text, compact({ noInherit: k.noInherit, comment: k.comment }))),
  ];
};

const lowerForeignKeys = (
  columns: readonly ColumnRef[],
  specs: readonly ForeignKeySpec[],
  namer: Namer,
): ForeignKey[] => {
  const fk = (
    name: string | undefined,
    from: readonly ColumnRef[],
    to: readonly ColumnRef[],
    spec: Omit<ForeignKeySpec, "kind" | "columns" | "references" | "name">,
  ): ForeignKey => {
    const target = to[0]?.table ?? { schema: "", name: "" };
    return compact({
      name: namer.name(
        name,
        from.map((c) => c.name),
        "fkey",
      ),
      columns: from.map((c) => c.name),
      references: { schema: target.schema, table: target.name, columns: to.map((c) => c.name) },
      onDelete: spec.onDelete === "no action" ? undefined : spec.onDelete,
      onUpdate: spec.onUpdate === "no action" ? undefined : spec.onUpdate,
      match: spec.match === "simple" ? undefined : spec.match,
      deferrable: spec.deferrable === "not deferrable" ? undefined : spec.deferrable,
      comment: spec.comment,
    });
  };
  return [
    ...columns.flatMap((c) => {
      const r = c.builder.state.references;
      return r ? [fk(r.options.name, [c], [r.target()], r.options)] : [];
    }),
    ...specs.map((s) => fk(s.name, s.columns, s.references, s)),
  ];
};

export const lowerIndexes = (specs: readonly IndexSpec[], namer: { name: Namer["name"] }): Index[] =>
  specs.map((spec) => {
    const s = spec.state;
    const elements = s.keys.map(lowerIndexElement);
    const include = s.include?.map(columnName);
    const parts = [...elements.map(keyNamePart), ...(include ?? [])];
    return compact({
      // an index (even a unique one) is `_idx`; only constraints get `_key`
      name: namer.name(s.name, parts, "idx"),
      method: s.method === "btree" ? undefined : s.method,
      unique: s.unique,
      nullsNotDistinct: s.nullsNotDistinct,
      elements,
      include,
      where: s.where?.text,
      with: s.with
        ? Object.fromEntries(
            Object.entries(s.with)
              .map(([k, v]) => [k, String(v)] as const)
              .sort(([a], [b]) => compareKeys(a, b)),
          )
        : undefined,
      comment: s.comment,
    });
  });

/** A lone PUBLIC means "no roles" (the Catalog's spelling of PUBLIC); the rest are sorted. */
const lowerPolicyRoles = (to: PolicySpec["to"]): string[] | undefined => {
  if (to === undefined) return undefined;
  const list = (Array.isArray(to) ? to : [to]).map((r) => roleName(r as Parameters<typeof roleName>[0]));
  const roles = [...new Set(list)].filter((r) => r.toLowerCase() !== "public" || list.length > 1);
  return roles.length === 0 ? undefined : roles.sort(compareKeys);
};

const lowerPolicy = (p: PolicySpec): Policy =>
  compact({
    name: p.name,
    restrictive: p.as === "restrictive",
    command: p.for === "all" ? undefined : p.for,
    roles: lowerPolicyRoles(p.to),
    using: p.using?.text,
    withCheck: p.withCheck?.text,
    comment: p.comment,
  });

const EVENT_ORDER: readonly TriggerEvent[] = ["insert", "update", "delete", "truncate"];

const lowerTrigger = (t: TriggerSpec): Trigger =>
  compact({
    name: t.name,
    timing: t.timing,
    events: EVENT_ORDER.filter((e) => t.events.includes(e)),
    updateOf: t.updateOf?.map(columnName),
    level: t.level ?? "statement",
    when: t.when?.text,
    function: { schema: t.function.schema, name: t.function.name },
    args: t.args ? [...t.args] : undefined,
    comment: t.comment,
  });
