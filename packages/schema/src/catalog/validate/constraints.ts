/**
 * Keys and constraints: columns that exist, foreign keys that match their target, and unique keys of
 * partitioned tables that contain the partition key.
 */
import { objectPath } from "../identity.js";
import type { ForeignKey, Table } from "../model.js";
import { columnMap, type ValidationContext } from "./context.js";
import { error, type Finding, warning } from "./finding.js";
import { storedType, typeFamily } from "./types.js";

export const unknownColumns = (
  table: { readonly schema: string; readonly name: string; readonly columns: readonly { readonly name: string }[] },
  columns: readonly string[],
  path: string,
  where: string,
): Finding[] => {
  const known = new Set(table.columns.map((c) => c.name));
  return columns.flatMap((c) =>
    known.has(c)
      ? []
      : [
          error(
            "unknown-column",
            path,
            `${where} names column "${c}", which ${table.schema}.${table.name} does not have`,
            `use one of: ${[...known].join(", ") || "(no columns)"}`,
          ),
        ],
  );
};

const keyColumnFindings = (t: Table): Finding[] => {
  const at = (name: string) => objectPath(t.schema, t.name, name);
  return [
    ...(t.primaryKey
      ? [
          ...(t.primaryKey.columns.length === 0
            ? [
                error(
                  "key-without-columns",
                  at(t.primaryKey.name),
                  "the primary key has no columns",
                  "name its columns",
                ),
              ]
            : []),
          ...unknownColumns(
            t,
            [...t.primaryKey.columns, ...(t.primaryKey.include ?? [])],
            at(t.primaryKey.name),
            "the primary key",
          ),
        ]
      : []),
    ...(t.uniques ?? []).flatMap((u) => [
      ...(u.columns.length === 0
        ? [
            error(
              "key-without-columns",
              at(u.name),
              `unique constraint ${u.name} has no columns`,
              "name its columns: unique().on(t.a)",
            ),
          ]
        : []),
      ...unknownColumns(t, [...u.columns, ...(u.include ?? [])], at(u.name), `unique constraint ${u.name}`),
    ]),
    ...(t.exclusions ?? []).flatMap((e) =>
      unknownColumns(
        t,
        e.elements.flatMap((el) => (el.column ? [el.column] : [])),
        at(e.name),
        `exclusion constraint ${e.name}`,
      ),
    ),
    ...(t.checks ?? []).flatMap((c) =>
      c.expression.trim() === ""
        ? [error("empty-expression", at(c.name), `check constraint ${c.name} has no expression`, "write the condition")]
        : [],
    ),
  ];
};

/**
 * A unique constraint equal to the primary key or to an earlier unique (same columns in the same order,
 * same INCLUDE, NULLS NOT DISTINCT and deferrability): PostgreSQL's CREATE TABLE keeps only the first
 * of such keys and silently drops the rest, while ALTER TABLE adds them all — the declared name would
 * exist in one database and not in another.
 */
const redundantKeyFindings = (t: Table): Finding[] => {
  const shape = (k: {
    readonly columns: readonly string[];
    readonly include?: readonly string[];
    readonly nullsNotDistinct?: boolean;
    readonly deferrable?: string;
  }) => JSON.stringify([k.columns, k.include ?? [], k.nullsNotDistinct ?? false, k.deferrable ?? "not deferrable"]);
  const seen = new Map<string, string>(t.primaryKey ? [[shape(t.primaryKey), `primary key ${t.primaryKey.name}`]] : []);
  return (t.uniques ?? []).flatMap((u) => {
    const key = shape(u);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, `unique constraint ${u.name}`);
      return [];
    }
    return [
      error(
        "redundant-key",
        objectPath(t.schema, t.name, u.name),
        `unique constraint ${u.name} repeats ${earlier} (same columns ${u.columns.join(", ")}); PostgreSQL's CREATE TABLE keeps only one of them`,
        `remove unique constraint ${u.name}: ${earlier} already enforces it`,
      ),
    ];
  });
};

/**
 * Whether `columns` (as a set) are exactly the columns of a PK, a non-deferrable unique constraint, or a plain
 * unique index: `"deferrable"` when only a DEFERRABLE unique constraint matches (PostgreSQL refuses those).
 */
const uniqueKey = (target: Table, columns: readonly string[]): "yes" | "no" | "deferrable" => {
  const same = (key: readonly string[]) => key.length === columns.length && key.every((c) => columns.includes(c));
  const uniques = (target.uniques ?? []).filter((u) => same(u.columns));
  const immediate =
    (target.primaryKey !== undefined && same(target.primaryKey.columns)) ||
    uniques.some((u) => u.deferrable === undefined || u.deferrable === "not deferrable") ||
    (target.indexes ?? []).some(
      (i) =>
        i.unique &&
        i.where === undefined &&
        i.elements.every((e) => e.column) &&
        same(i.elements.map((e) => e.column ?? "")),
    );
  return immediate ? "yes" : uniques.length > 0 ? "deferrable" : "no";
};

const foreignKeyFindings = (ctx: ValidationContext, t: Table, fk: ForeignKey): Finding[] => {
  const path = objectPath(t.schema, t.name, fk.name);
  const ref = fk.references;
  const target = ctx.table(ref.schema, ref.table);
  const findings: Finding[] = [...unknownColumns(t, fk.columns, path, `foreign key ${fk.name}`)];
  if (!target) {
    return [
      ...findings,
      error(
        "unknown-table",
        path,
        `foreign key ${fk.name} references table ${ref.schema}.${ref.table}, which is not declared`,
        "declare the table, or fix the reference",
      ),
    ];
  }
  findings.push(...unknownColumns(target, ref.columns, path, `foreign key ${fk.name}'s referenced columns`));
  if (fk.columns.length !== ref.columns.length || fk.columns.length === 0) {
    findings.push(
      error(
        "fk-column-count",
        path,
        `foreign key ${fk.name} has ${fk.columns.length} column(s) but references ${ref.columns.length}`,
        "list one referenced column for each referencing column, in the same order",
      ),
    );
    return findings;
  }
  if (findings.length > 0) return findings;
  const mine = columnMap(t);
  const theirs = columnMap(target);
  fk.columns.forEach((name, i) => {
    const from = storedType(mine.get(name)?.type ?? "");
    const to = storedType(theirs.get(ref.columns[i] ?? "")?.type ?? "");
    if (from === to) return;
    const detail = `${t.name}.${name} is ${from} but ${ref.table}.${ref.columns[i]} is ${to}`;
    if (typeFamily(from) !== typeFamily(to)) {
      findings.push(
        error(
          "fk-type-mismatch",
          path,
          `foreign key ${fk.name}: ${detail}; the types cannot be compared`,
          `make ${t.name}.${name} ${to}`,
        ),
      );
    } else {
      findings.push(
        warning(
          "fk-type-mismatch",
          path,
          `foreign key ${fk.name}: ${detail}; it works but lookups need a cross-type comparison`,
          `make ${t.name}.${name} ${to}`,
        ),
      );
    }
  });
  const key = uniqueKey(target, ref.columns);
  if (key === "deferrable") {
    findings.push(
      error(
        "fk-target-deferrable",
        path,
        `foreign key ${fk.name} references ${ref.schema}.${ref.table} (${ref.columns.join(", ")}), whose unique constraint is DEFERRABLE; PostgreSQL cannot reference it`,
        "make that unique constraint not deferrable, or reference the primary key",
      ),
    );
  }
  if (key === "no") {
    findings.push(
      error(
        "fk-target-not-unique",
        path,
        `foreign key ${fk.name} references ${ref.schema}.${ref.table} (${ref.columns.join(", ")}), which is not its primary key or a unique constraint`,
        `add unique().on(${ref.columns.join(", ")}) to ${ref.schema}.${ref.table}, or reference its primary key`,
      ),
    );
  }
  if ((fk.onDelete === "set null" || fk.onUpdate === "set null") && fk.columns.some((c) => mine.get(c)?.notNull)) {
    findings.push(
      error(
        "fk-set-null-not-null",
        path,
        `foreign key ${fk.name} sets NULL on delete/update but a column of it is NOT NULL`,
        "make the column nullable, or use cascade/restrict",
      ),
    );
  }
  return findings;
};

/** PostgreSQL: a unique constraint on a partitioned table must include all partitioning columns. */
const partitionedUniqueFindings = (t: Table): Finding[] => {
  if (!t.partitionBy) return [];
  const keyColumns = t.partitionBy.keys.map((k) => k.column);
  const hasExpression = keyColumns.some((c) => c === undefined);
  const keys: { name: string; columns: readonly string[]; what: string }[] = [
    ...(t.primaryKey ? [{ name: t.primaryKey.name, columns: t.primaryKey.columns, what: "primary key" }] : []),
    ...(t.uniques ?? []).map((u) => ({ name: u.name, columns: u.columns, what: "unique constraint" })),
    ...(t.indexes ?? [])
      .filter((i) => i.unique)
      .map((i) => ({
        name: i.name,
        columns: i.elements.flatMap((e) => (e.column ? [e.column] : [])),
        what: "unique index",
      })),
  ];
  return keys.flatMap((k) => {
    const missing = keyColumns.filter((c): c is string => c !== undefined && !k.columns.includes(c));
    if (!hasExpression && missing.length === 0) return [];
    return [
      error(
        "partitioned-unique-without-key",
        objectPath(t.schema, t.name, k.name),
        hasExpression
          ? `${k.what} ${k.name} is on a table partitioned by an expression; PostgreSQL cannot enforce it`
          : `${k.what} ${k.name} on partitioned table ${t.schema}.${t.name} lacks partition key column(s) ${missing.join(", ")}`,
        hasExpression
          ? "partition by columns, or drop the unique key"
          : `add ${missing.join(", ")} to the ${k.what}: it can only be enforced per partition`,
      ),
    ];
  });
};

export const checkConstraints = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.tables.flatMap((t) => [
    ...keyColumnFindings(t),
    ...redundantKeyFindings(t),
    ...(t.foreignKeys ?? []).flatMap((fk) => foreignKeyFindings(ctx, t, fk)),
    ...partitionedUniqueFindings(t),
  ]);
