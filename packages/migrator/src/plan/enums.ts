import type { QualifiedName } from "@platform/schema";
import type { EnumUsage } from "../diff/index.js";
import { addEnumValue, createEnum, dropEnum } from "../sql/enums.js";
import { quoteIdent, quoteQualified, renderType } from "../sql/quote.js";
import { alterColumnType, setColumnDefault } from "../sql/tables.js";
import { columnId, path, qpath, schemaId, typeId } from "./ids.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

const valueId = (e: QualifiedName, value: string) => `enum-value:${qpath(e)}:${value}`;

export const planEnumCreate: Planner<"enum.create"> = ({ enum: e }) => [
  {
    description: `create type ${qpath(e)}`,
    statements: [createEnum(e)],
    creates: [typeId(e), ...e.values.map((v) => valueId(e, v))],
    needs: [schemaId(e.schema)],
  },
];

export const planEnumDrop: Planner<"enum.drop"> = ({ enum: e }) => [
  {
    description: `drop type ${qpath(e)}`,
    statements: [dropEnum(e)],
    drops: [typeId(e)],
    releases: [schemaId(e.schema)],
  },
];

/**
 * A value added in a transaction cannot be used before that transaction commits ("unsafe use of new
 * value": a default, CHECK, partition bound, view or SQL function body naming it). So ADD VALUE commits
 * in a migration of its own before the rest of the plan (`"commit-after"`); PostgreSQL 12+ runs it inside
 * a transaction, which keeps several added values atomic. Nothing but the type (which exists: a new
 * type is created with all its values) and its anchor value comes before it, and its kind ranks before
 * every kind whose steps may name a value, so it is ordered ahead of those. Steps that use the type as
 * a column type wait for it through `typeId`.
 */
export const planEnumAddValue: Planner<"enum.add-value"> = (c) => {
  const anchor = c.before ?? c.after;
  return [
    {
      description: `add value ${c.value} to type ${qpath(c.enum)}`,
      statements: [
        addEnumValue(
          c.enum,
          c.value,
          c.before !== undefined ? { before: c.before } : c.after !== undefined ? { after: c.after } : undefined,
        ),
      ],
      transactional: "commit-after",
      creates: [typeId(c.enum), valueId(c.enum, c.value)],
      needs: anchor !== undefined ? [valueId(c.enum, anchor)] : [],
    },
  ];
};

/**
 * Rename the old type aside, create the declared one, convert every column through text, drop the old
 * type. A row holding a removed value makes its column's conversion fail.
 */
export const planEnumRebuild: Planner<"enum.rebuild"> = ({ from, to, usages }) => {
  const name = { schema: to.schema, name: to.name };
  const aside = { schema: to.schema, name: `${to.name}__old`.slice(0, 63) };
  const removed = from.values.filter((v) => !to.values.includes(v));
  return [
    {
      description: `rebuild type ${qpath(name)}`,
      statements: [
        `ALTER TYPE ${quoteQualified(name)} RENAME TO ${quoteIdent(aside.name)};`,
        createEnum(to),
        ...usages.flatMap(convert),
        dropEnum(aside),
      ],
      hazards: [
        ...(removed.length > 0
          ? [
              {
                type: "data-loss" as const,
                path: qpath(name),
                message: `values ${removed.join(", ")} are removed; rows holding them make the conversion fail until they are updated`,
              },
            ]
          : []),
        ...usages.map((u) => ({
          type: "table-rewrite" as const,
          path: path(qpath(u.table), u.column),
          message: "the column is converted to the rebuilt type (table rewrite under ACCESS EXCLUSIVE lock)",
        })),
      ],
      timeouts: LONG_TIMEOUTS,
      creates: [typeId(name), ...to.values.map((v) => valueId(name, v))],
      needs: usages.map((u) => columnId(u.table, u.column)),
    },
  ];
};

const convert = (u: EnumUsage): string[] => {
  const arrays = (u.type.match(/\[\]/g) ?? []).length;
  const using = `${quoteIdent(u.column)}::text${"[]".repeat(arrays)}::${renderType(u.type)}`;
  return [
    ...(u.default !== undefined ? [setColumnDefault(u.table, u.column, undefined)] : []),
    alterColumnType(u.table, { name: u.column, type: u.type }, { using }),
    ...(u.default !== undefined ? [setColumnDefault(u.table, u.column, u.default)] : []),
  ];
};
