import type { Catalog, Column, QualifiedName } from "@platform/schema";
import { columnsNamedIn, tableBefore } from "../diff/policies.js";
import { quoteIdent, renderType, typeName } from "../sql/quote.js";
import {
  addCheck,
  addColumn,
  addColumnIdentity,
  alterColumnType,
  dropColumn,
  dropColumnIdentity,
  dropConstraint,
  renameColumn,
  setColumnDefault,
  setColumnNotNull,
  validateConstraint,
} from "../sql/tables.js";
import { columnId, path, qpath, rel, reshapeId } from "./ids.js";
import { collationRefs, columnRefs, expressionRefs, typeRefs } from "./references.js";
import type { Hazard } from "./step.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

/**
 * The column as expressions stored elsewhere see it: its existence and its type. A policy reading the
 * column releases this id before the column is dropped or retyped (PostgreSQL refuses both under the
 * policy) and needs it once the column is added, renamed into place or retyped. A rename keeps it:
 * PostgreSQL renames the column inside the stored expressions itself.
 */
export const columnDefinitionId = (t: QualifiedName, column: string): string =>
  `column-definition:${t.schema}.${t.name}.${column}`;

/**
 * The other columns of its table a generated column's expression reads, in `catalog` (where `table` may
 * have its old name: `as` is the name the changes use). It is dropped before they are dropped or
 * retyped, and added after they are added, renamed into place or retyped.
 */
const generatedReads = (
  catalog: Catalog,
  table: QualifiedName | undefined,
  as: QualifiedName,
  column: Column,
): string[] =>
  table === undefined || column.generated === undefined
    ? []
    : columnsNamedIn(catalog, table, column.generated, as)
        .filter((r) => r.table.schema === as.schema && r.table.name === as.name && r.column !== column.name)
        .map((r) => r.column);

/** A default that PostgreSQL cannot store as a constant for existing rows (PG11+ fast default) rewrites the table. */
const volatileDefault = (expression: string | undefined): boolean =>
  expression !== undefined &&
  /\b(random|gen_random_uuid|uuid_generate_v\d\w*|clock_timestamp|nextval|timeofday)\s*\(/i.test(expression);

const addHazards = (path: string, c: Column): Hazard[] => [
  ...(c.notNull && c.default === undefined && c.identity === undefined && c.generated === undefined
    ? [
        {
          type: "may-fail-on-existing-data" as const,
          path,
          message: "a NOT NULL column without a default cannot be added to a table that has rows",
        },
      ]
    : []),
  ...(volatileDefault(c.default) || c.identity !== undefined || c.generated !== undefined
    ? [
        {
          type: "table-rewrite" as const,
          path,
          message: "every existing row gets a computed value: the table is rewritten under an ACCESS EXCLUSIVE lock",
        },
      ]
    : []),
];

export const planColumnAdd: Planner<"column.add"> = ({ table, column }, ctx) => {
  const at = path(qpath(table), column.name);
  const hazards = addHazards(at, column);
  return [
    {
      description: `add column ${at}`,
      statements: [addColumn(table, column)],
      hazards,
      ...(hazards.some((h) => h.type === "table-rewrite") ? { timeouts: LONG_TIMEOUTS } : {}),
      creates: [columnId(table, column.name), columnDefinitionId(table, column.name)],
      needs: [
        rel(table),
        ...columnRefs(ctx.refsTo, column),
        ...generatedReads(ctx.to, table, table, column).flatMap((c) => [
          columnId(table, c),
          columnDefinitionId(table, c),
        ]),
      ],
    },
  ];
};

export const planColumnDrop: Planner<"column.drop"> = ({ table, column }, ctx) => {
  const at = path(qpath(table), column.name);
  return [
    {
      description: `drop column ${at}`,
      statements: [dropColumn(table, column.name)],
      hazards:
        column.generated === undefined
          ? [{ type: "data-loss", path: at, message: "the column and its values are deleted" }]
          : [],
      drops: [columnId(table, column.name), columnDefinitionId(table, column.name), reshapeId(table)],
      creates: [reshapeId(table)],
      needs: [rel(table)],
      releases: [
        ...columnRefs(ctx.refsFrom, column),
        ...generatedReads(ctx.from, tableBefore(ctx.from, ctx.to, table), table, column).map((c) =>
          columnDefinitionId(table, c),
        ),
      ],
    },
  ];
};

export const planColumnRename: Planner<"column.rename"> = ({ table, from, to }) => [
  {
    description: `rename column ${path(qpath(table), from)} to ${to}`,
    statements: [renameColumn(table, from, to)],
    creates: [columnId(table, to), columnDefinitionId(table, to), reshapeId(table)],
    drops: [columnId(table, from), reshapeId(table)],
    needs: [rel(table)],
  },
];

/** The pseudo-types `serial`, `bigserial`, `smallserial` are their integer type in a cast. */
const castable = (type: string): string =>
  type.replace(/^(big|small)?serial$/, (_m, p) => (p === "big" ? "bigint" : p === "small" ? "smallint" : "integer"));

/** How a type takes part in casts: the families inside which PostgreSQL has direct casts. */
type CastFamily = "numeric" | "string" | "boolean" | "datetime" | "json" | "other";

const FAMILIES: ReadonlyMap<string, CastFamily> = new Map([
  ...["smallint", "integer", "bigint", "numeric", "real", "double precision"].map((t) => [t, "numeric"] as const),
  ...["text", "character varying", "character", "varchar", "char", "bpchar", "name", "citext"].map(
    (t) => [t, "string"] as const,
  ),
  ["boolean", "boolean"],
  ...[
    "date",
    "timestamp without time zone",
    "timestamp with time zone",
    "time without time zone",
    "time with time zone",
    "interval",
  ].map((t) => [t, "datetime"] as const),
  ...["json", "jsonb"].map((t) => [t, "json"] as const),
]);

/**
 * The date/time pairs `pg_cast` holds (`date → timestamp`, `timestamptz → time`, ...). There is none
 * between `date` and `time` or `interval`: those go through text (and fail unless the text parses).
 */
const DATETIME_CASTS: ReadonlySet<string> = new Set([
  "date>timestamp without time zone",
  "date>timestamp with time zone",
  "timestamp without time zone>date",
  "timestamp without time zone>timestamp with time zone",
  "timestamp without time zone>time without time zone",
  "timestamp with time zone>date",
  "timestamp with time zone>timestamp without time zone",
  "timestamp with time zone>time without time zone",
  "timestamp with time zone>time with time zone",
  "time without time zone>time with time zone",
  "time without time zone>interval",
  "time with time zone>time without time zone",
  "interval>time without time zone",
]);

interface TypeShape {
  /** the type without modifiers and array brackets: `character varying`, `app.status` */
  readonly base: string;
  readonly dimensions: number;
  readonly family: CastFamily;
}

/**
 * `numeric(12,2)[]` → numeric, one dimension. A user or extension type (schema-qualified) is "other",
 * except `citext`, whose automatic I/O casts make it a string type like text.
 */
const shapeOf = (type: string): TypeShape => {
  const qualified = typeName(type);
  const dimensions = (type.match(/\[\]/g) ?? []).length;
  if (qualified) {
    const base = `${qualified.schema}.${qualified.name}`;
    return { base, dimensions, family: qualified.name === "citext" ? "string" : "other" };
  }
  const base = type
    .replace(/\[\]/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return { base, dimensions, family: FAMILIES.get(base) ?? "other" };
};

const scalarCastExists = (from: TypeShape, to: TypeShape): boolean => {
  if (from.base === to.base) return true;
  if (from.family === "string" || to.family === "string") return true;
  if (from.family !== to.family) {
    // int4 ↔ bool are in pg_cast (not int2/int8); jsonb → bool and jsonb → numbers since PostgreSQL 11
    const pair = `${from.base}>${to.base}`;
    return (
      pair === "integer>boolean" ||
      pair === "boolean>integer" ||
      (from.base === "jsonb" && (to.family === "numeric" || to.family === "boolean"))
    );
  }
  switch (from.family) {
    case "numeric":
    case "json":
      return true;
    case "datetime":
      return DATETIME_CASTS.has(`${from.base}>${to.base}`);
    case "boolean":
    case "other":
      return false;
  }
};

/**
 * Whether `value::to` works for a value of type `from`. Every type converts to a string type and is
 * read from one (PostgreSQL's automatic I/O casts, arrays and enums included); arrays of the same
 * dimensions convert element by element; otherwise only the pairs of `pg_cast` do: within the numeric
 * family, int4 ↔ bool, json ↔ jsonb, some date/time pairs. Enums, arrays against scalars, uuid, bytea
 * and unknown user types have none.
 */
export const directCastExists = (from: string, to: string): boolean => {
  const f = shapeOf(castable(from));
  const t = shapeOf(castable(to));
  if (t.dimensions === 0 && t.family === "string") return true;
  if (f.dimensions === 0 && f.family === "string") return true;
  if (f.dimensions !== t.dimensions) return false;
  return scalarCastExists(f, t);
};

/**
 * `ALTER COLUMN TYPE ... USING column::type`, or `USING column::text::type` when PostgreSQL has no cast
 * between the two types (enum → integer, integer[] → numeric, numeric → date): it refuses the direct
 * one outright ("cannot cast type ... to ..."), even on an empty table, while every type has a text form
 * that the new type's input function may accept. The default is dropped first and set again after: a
 * default of the old type often has no automatic cast to the new one. Policies reading the column are
 * dropped before and created after (the diff recreates them; `columnDefinitionId` orders them).
 */
export const planColumnAlterType: Planner<"column.alter-type"> = ({ table, from, to }, ctx) => {
  const at = path(qpath(table), to.name);
  const target = renderType(castable(to.type));
  const viaText = !directCastExists(from.type, to.type);
  const using = `${quoteIdent(to.name)}${viaText ? "::text" : ""}::${target}`;
  return [
    {
      description: `change type of ${at} to ${to.type}`,
      statements: [
        ...(from.default !== undefined ? [setColumnDefault(table, to.name, undefined)] : []),
        alterColumnType(table, to, { using }),
        ...(to.default !== undefined ? [setColumnDefault(table, to.name, to.default)] : []),
      ],
      hazards: [
        {
          type: "table-rewrite",
          path: at,
          message: `changing ${from.type} to ${to.type} may rewrite the table and its indexes under an ACCESS EXCLUSIVE lock`,
        },
        {
          type: "may-fail-on-existing-data",
          path: at,
          message: viaText
            ? `PostgreSQL has no cast from ${from.type} to ${to.type}: each value is converted through its text form, and a value whose text ${to.type} does not accept makes the step fail (the transaction rolls back and nothing changes); check the existing values, or convert them in an earlier migration`
            : `values that do not convert to ${to.type} make the step fail`,
        },
      ],
      timeouts: LONG_TIMEOUTS,
      creates: [reshapeId(table), columnDefinitionId(table, to.name)],
      drops: [...new Set([from.name, to.name])].map((c) => columnDefinitionId(table, c)).concat(reshapeId(table)),
      needs: [
        rel(table),
        // after a rename of the same column, whose new name this statement uses
        columnId(table, to.name),
        ...typeRefs(ctx.refsTo, to.type),
        ...collationRefs(ctx.refsTo, to.collation),
        ...expressionRefs(ctx.refsTo, to.default),
      ],
      releases: [
        ...typeRefs(ctx.refsFrom, from.type),
        ...collationRefs(ctx.refsFrom, from.collation),
        ...expressionRefs(ctx.refsFrom, from.default),
      ],
    },
  ];
};

export const planColumnSetDefault: Planner<"column.set-default"> = (c, ctx) => [
  {
    description: `${c.default === undefined ? "drop" : "set"} default of ${path(qpath(c.table), c.column)}`,
    statements: [setColumnDefault(c.table, c.column, c.default)],
    needs: [rel(c.table), columnId(c.table, c.column), ...expressionRefs(ctx.refsTo, c.default)],
    releases: expressionRefs(ctx.refsFrom, c.previous),
  },
];

/**
 * On a table that has rows, SET NOT NULL alone scans the table under an ACCESS EXCLUSIVE lock. Lock-safe:
 * add `CHECK (column IS NOT NULL) NOT VALID`, validate it (a scan that lets writes through), then SET NOT
 * NULL, which PostgreSQL 12+ proves from the validated check without scanning, and drop the check. Each
 * statement commits on its own, so the step runs outside a transaction.
 */
export const planColumnSetNotNull: Planner<"column.set-not-null"> = (c, ctx) => {
  const at = path(qpath(c.table), c.column);
  const needs = [rel(c.table), columnId(c.table, c.column)];
  if (!c.notNull) {
    return [{ description: `drop NOT NULL of ${at}`, statements: [setColumnNotNull(c.table, c.column, false)], needs }];
  }
  const mayFail: Hazard = {
    type: "may-fail-on-existing-data",
    path: at,
    message: "rows holding NULL make the step fail",
  };
  if (!ctx.lockSafe || ctx.partitioned.has(qpath(c.table))) {
    return [
      {
        description: `set NOT NULL on ${at}`,
        statements: [setColumnNotNull(c.table, c.column, true)],
        hazards: [
          mayFail,
          { type: "access-exclusive-lock", path: at, message: "the table is scanned under an ACCESS EXCLUSIVE lock" },
        ],
        timeouts: LONG_TIMEOUTS,
        needs,
      },
    ];
  }
  const check = {
    // Not `<table>_<column>_not_null`: PostgreSQL 18 gives that name to the NOT NULL constraint itself.
    name: `${c.table.name}_${c.column}_nn_check`.slice(0, 63),
    expression: `${quoteIdent(c.column)} IS NOT NULL`,
  };
  return [
    {
      description: `set NOT NULL on ${at} through a validated check`,
      statements: [
        addCheck(c.table, check, { notValid: true }),
        validateConstraint(c.table, check.name),
        setColumnNotNull(c.table, c.column, true),
        dropConstraint(c.table, check.name),
      ],
      transactional: false,
      hazards: [
        mayFail,
        { type: "validation-scan", path: at, message: "the table is read to validate the check (writes continue)" },
      ],
      timeouts: LONG_TIMEOUTS,
      needs,
    },
  ];
};

export const planColumnSetIdentity: Planner<"column.set-identity"> = (c) => {
  const at = path(qpath(c.table), c.column);
  const statements = [
    ...(c.from ? [dropColumnIdentity(c.table, c.column)] : []),
    ...(c.to ? [addColumnIdentity(c.table, c.column, c.to)] : []),
  ];
  return [
    {
      description: `${c.to ? "set" : "drop"} identity of ${at}`,
      statements,
      needs: [rel(c.table), columnId(c.table, c.column)],
    },
  ];
};
