import { type Catalog, compareKeys, type ForeignKey, type Index, type QualifiedName } from "@platform/schema";
import type { TableConstraint } from "../diff/index.js";
import { addForeignKey } from "../sql/foreign-keys.js";
import { createIndex } from "../sql/indexes.js";
import { quoteIdent, quoteQualified } from "../sql/quote.js";
import {
  addCheck,
  addExclusion,
  addPrimaryKey,
  addUnique,
  deferrableClause,
  dropConstraint,
  validateConstraint,
} from "../sql/tables.js";
import { columnId, constraintId, indexId, path, qpath, rel, reshapeId } from "./ids.js";
import { expressionRefs, type References } from "./references.js";
import type { Hazard } from "./step.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

const columnsOf = (c: TableConstraint): string[] => {
  switch (c.type) {
    case "primary-key":
    case "unique":
      return [...c.columns, ...(c.include ?? [])];
    case "foreign-key":
      return c.columns;
    case "exclusion":
      return c.elements.flatMap((e) => (e.column ? [e.column] : []));
    case "check":
      return [];
  }
};

/**
 * Ids a constraint refers to: its columns, what its expressions call, and for a foreign key the referenced
 * key in the given states of the catalog (`ctx.to` for an add, both for a drop).
 */
const refsOf = (refs: References, table: QualifiedName, c: TableConstraint, states: readonly Catalog[]): string[] => [
  rel(table),
  ...columnsOf(c).map((col) => columnId(table, col)),
  ...(c.type === "check" ? expressionRefs(refs, c.expression) : []),
  ...(c.type === "exclusion"
    ? [...expressionRefs(refs, c.where), ...c.elements.flatMap((e) => expressionRefs(refs, e.expression))]
    : []),
  ...(c.type === "foreign-key" ? referencedKey(c, states) : []),
];

const targetOf = (fk: ForeignKeyConstraint): QualifiedName => ({
  schema: fk.references.schema,
  name: fk.references.table,
});

/** The referenced table and the unique constraints or indexes that back the referenced columns in `states`. */
const referencedKey = (fk: ForeignKeyConstraint, states: readonly Catalog[]): string[] => {
  const target = targetOf(fk);
  const same = (cols: readonly string[]) =>
    cols.length === fk.references.columns.length && cols.every((c) => fk.references.columns.includes(c));
  const versions = states.flatMap((catalog) =>
    catalog.tables.filter((t) => t.schema === target.schema && t.name === target.name),
  );
  const keys = versions.flatMap((table) => [
    ...(table.primaryKey && same(table.primaryKey.columns) ? [constraintId(target, table.primaryKey.name)] : []),
    ...(table.uniques ?? []).filter((u) => same(u.columns)).map((u) => constraintId(target, u.name)),
    ...(table.indexes ?? [])
      .filter((i) => i.unique && same(i.elements.flatMap((e) => (e.column ? [e.column] : []))))
      .map((i) => indexId(target.schema, i.name)),
  ]);
  return [rel(target), ...fk.references.columns.map((c) => columnId(target, c)), ...new Set(keys)];
};

/**
 * The binding of foreign keys to a key over `columns` of `table`. PostgreSQL ties a foreign key to ONE
 * unique index over exactly the referenced columns (in any order; the oldest one when several qualify)
 * and refuses to drop that index while the foreign key exists. So a step that drops such a key `drops`
 * the binding: it runs after every foreign key drop that `releases` it and before every foreign key add
 * that `creates` it (a foreign key added while the old key still exists could bind to it again).
 * Exported for the steps that drop unique indexes.
 */
export const keyBindingId = (table: QualifiedName, columns: readonly string[]): string =>
  `key-binding:${table.schema}.${table.name}${JSON.stringify([...columns].sort(compareKeys))}`;

/** The binding a foreign key holds (`releases` when dropped, `creates` when added). */
export const foreignKeyBinding = (fk: ForeignKey): string =>
  keyBindingId({ schema: fk.references.schema, name: fk.references.table }, fk.references.columns);

/**
 * The binding a unique index can carry (btree over plain columns, no predicate): what a step that drops
 * or rebuilds the index `drops`, so it runs after the foreign keys bound to it are dropped and before
 * they are added again.
 */
export const indexKeyBindings = (owner: QualifiedName, index: Index): string[] => {
  const columns = index.elements.flatMap((e) => (e.column === undefined ? [] : [e.column]));
  const bindable =
    index.unique === true &&
    index.where === undefined &&
    (index.method ?? "btree") === "btree" &&
    columns.length === index.elements.length;
  return bindable ? [keyBindingId(owner, columns)] : [];
};

/**
 * What a foreign key depends on beyond its columns: the column types of both tables (`reshapeId`). A
 * foreign key is dropped before, and added after, a type change on either side: PostgreSQL rebuilds it
 * inside ALTER COLUMN TYPE and refuses when the two sides' types do not match at that moment.
 */
const fkShapes = (table: QualifiedName, c: TableConstraint): string[] =>
  c.type === "foreign-key" ? [reshapeId(table), reshapeId(targetOf(c))] : [];

type ForeignKeyConstraint = Extract<TableConstraint, { type: "foreign-key" }>;

const ownedIndex = (table: QualifiedName, c: TableConstraint): string[] =>
  c.type === "primary-key" || c.type === "unique" || c.type === "exclusion" ? [indexId(table.schema, c.name)] : [];

const addStatement = (table: QualifiedName, c: TableConstraint, notValid: boolean): string => {
  switch (c.type) {
    case "primary-key":
      return addPrimaryKey(table, c);
    case "unique":
      return addUnique(table, c);
    case "check":
      return addCheck(table, c, { notValid });
    case "foreign-key":
      return addForeignKey(table, c, { notValid });
    case "exclusion":
      return addExclusion(table, c);
  }
};

/**
 * On a table that has rows: foreign keys and checks are added NOT VALID and validated by a second
 * statement (a scan that lets writes through); primary keys and unique constraints are built as a
 * unique index CONCURRENTLY and then attached with `USING INDEX`. Each statement commits on its own,
 * so such a step runs outside a transaction. Exclusion constraints have no lock-safe form.
 */
export const planConstraintAdd: Planner<"constraint.add"> = ({ table, constraint: c, existing }, ctx) => {
  const at = path(qpath(table), c.name);
  const base = {
    creates: [
      constraintId(table, c.name),
      ...ownedIndex(table, c),
      ...(c.type === "foreign-key" ? [foreignKeyBinding(c)] : []),
    ],
    // only the keys of the target state: a key about to be dropped must not order the add before its drop
    needs: [...refsOf(ctx.refsTo, table, c, [ctx.to]), ...fkShapes(table, c)],
  };
  const lockSafe = existing && ctx.lockSafe && !ctx.partitioned.has(qpath(table));
  if (!lockSafe) {
    const hazards: Hazard[] = existing
      ? [
          {
            type: "access-exclusive-lock",
            path: at,
            message: "existing rows are checked while writes to the table wait",
          },
          ...(c.type === "check" ||
          c.type === "foreign-key" ||
          c.type === "exclusion" ||
          c.type === "unique" ||
          c.type === "primary-key"
            ? [
                {
                  type: "may-fail-on-existing-data" as const,
                  path: at,
                  message: "rows violating the constraint make the step fail",
                },
              ]
            : []),
        ]
      : [];
    return [{ description: `add constraint ${at}`, statements: [addStatement(table, c, false)], hazards, ...base }];
  }
  const mayFail: Hazard = {
    type: "may-fail-on-existing-data",
    path: at,
    message: "rows violating the constraint make the step fail",
  };
  if (c.type === "check" || c.type === "foreign-key") {
    return [
      {
        description: `add constraint ${at} NOT VALID, then validate it`,
        statements: [addStatement(table, c, true), validateConstraint(table, c.name)],
        transactional: false,
        hazards: [
          mayFail,
          {
            type: "validation-scan",
            path: at,
            message: "existing rows are read to validate the constraint (writes continue)",
          },
        ],
        timeouts: LONG_TIMEOUTS,
        ...base,
      },
    ];
  }
  if (c.type === "exclusion") {
    return [
      {
        description: `add constraint ${at}`,
        statements: [addStatement(table, c, false)],
        hazards: [
          mayFail,
          {
            type: "access-exclusive-lock",
            path: at,
            message: "the exclusion index is built while writes to the table wait",
          },
          { type: "index-build", path: at, message: "an index is built over every row" },
        ],
        timeouts: LONG_TIMEOUTS,
        ...base,
      },
    ];
  }
  const index = {
    name: c.name,
    unique: true,
    elements: c.columns.map((column) => ({ column })),
    ...(c.include ? { include: c.include } : {}),
    ...(c.type === "unique" && c.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  };
  const kind = c.type === "primary-key" ? "PRIMARY KEY" : "UNIQUE";
  const deferrable = c.type === "unique" ? deferrableClause(c.deferrable) : "";
  return [
    {
      description: `build the index of ${at} concurrently, then add the constraint using it`,
      statements: [
        createIndex(table, index, { concurrently: true }),
        `ALTER TABLE ${quoteQualified(table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${kind} USING INDEX ${quoteIdent(c.name)}${deferrable};`,
      ],
      transactional: false,
      hazards: [
        mayFail,
        {
          type: "index-build",
          path: at,
          message: "a unique index is built over every row (CONCURRENTLY: writes continue)",
        },
        ...(c.type === "primary-key"
          ? [
              {
                type: "access-exclusive-lock" as const,
                path: at,
                message: "key columns not yet NOT NULL are checked under an ACCESS EXCLUSIVE lock",
              },
            ]
          : []),
      ],
      timeouts: LONG_TIMEOUTS,
      ...base,
    },
  ];
};

/**
 * A foreign key's drop releases the keys it was bound to in either state (a dropped FK must release the
 * key it had in `from` even when `to` drops that key too); a key's drop drops the binding of foreign keys
 * to its columns (`keyBindingId`).
 */
export const planConstraintDrop: Planner<"constraint.drop"> = ({ table, constraint: c }, ctx) => [
  {
    description: `drop constraint ${path(qpath(table), c.name)}`,
    statements: [dropConstraint(table, c.name)],
    drops: [
      constraintId(table, c.name),
      ...ownedIndex(table, c),
      ...(c.type === "primary-key" || c.type === "unique" ? [keyBindingId(table, c.columns)] : []),
    ],
    needs: [rel(table)],
    releases: [
      ...refsOf(ctx.refsFrom, table, c, [ctx.from, ctx.to]).filter((id) => id !== rel(table)),
      ...(c.type === "foreign-key" ? [foreignKeyBinding(c)] : []),
      ...fkShapes(table, c),
    ],
  },
];
