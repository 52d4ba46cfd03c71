import type { Index } from "@platform/schema";
import type { IndexOwner } from "../diff/index.js";
import { createIndex, dropIndex, renameIndex } from "../sql/indexes.js";
import { indexKeyBindings } from "./constraints.js";
import { columnId, indexId, path, qpath, rel } from "./ids.js";
import { collationRefs, expressionRefs, type References } from "./references.js";
import { LONG_TIMEOUTS, type Planner } from "./step.js";

const refsOf = (refs: References, owner: IndexOwner, index: Index): string[] => {
  const out = [rel(owner)];
  for (const e of index.elements) {
    if (e.column) out.push(columnId(owner, e.column));
    if (e.expression !== undefined) out.push(...expressionRefs(refs, e.expression));
    if (e.collation !== undefined) out.push(...collationRefs(refs, e.collation));
  }
  for (const c of index.include ?? []) out.push(columnId(owner, c));
  if (index.where !== undefined) out.push(...expressionRefs(refs, index.where));
  return out;
};

/**
 * An index on a relation that holds rows is built CONCURRENTLY (writes continue; it cannot run in a
 * transaction). A partitioned table cannot build one concurrently: there the build blocks writes.
 */
export const planIndexCreate: Planner<"index.create"> = ({ owner, index, existing, partitioned }, ctx) => {
  const at = path(owner.schema, index.name);
  const concurrently = existing && ctx.lockSafe && !partitioned;
  return [
    {
      description: `create index ${at} on ${qpath(owner)}${concurrently ? " concurrently" : ""}`,
      statements: [createIndex(owner, index, { concurrently })],
      transactional: !concurrently,
      hazards: existing
        ? [
            {
              type: "index-build",
              path: at,
              message: concurrently
                ? "the index is built over every row (CONCURRENTLY: writes continue)"
                : "the index is built over every row while writes to the table wait",
            },
          ]
        : [],
      ...(existing ? { timeouts: LONG_TIMEOUTS } : {}),
      creates: [indexId(owner.schema, index.name)],
      needs: refsOf(ctx.refsTo, owner, index),
    },
  ];
};

export const planIndexDrop: Planner<"index.drop"> = ({ owner, index, existing, partitioned }, ctx) => {
  const at = path(owner.schema, index.name);
  const concurrently = existing && ctx.lockSafe && !partitioned;
  return [
    {
      description: `drop index ${at}${concurrently ? " concurrently" : ""}`,
      statements: [dropIndex({ schema: owner.schema, name: index.name }, { concurrently })],
      transactional: !concurrently,
      hazards: [{ type: "index-dropped", path: at, message: "queries using the index fall back to other plans" }],
      ...(concurrently ? { timeouts: LONG_TIMEOUTS } : {}),
      drops: [indexId(owner.schema, index.name), ...keyBindingsOf(owner, index)],
      needs: [rel(owner)],
      releases: refsOf(ctx.refsFrom, owner, index).filter((id) => id !== rel(owner)),
    },
  ];
};

/**
 * On a relation with rows: build the new definition CONCURRENTLY under a temporary name, drop the old
 * index CONCURRENTLY, then give the new one the old name — queries always have one of the two.
 * Elsewhere (new relation, partitioned table, down sections): drop and create in the transaction.
 */
export const planIndexReplace: Planner<"index.replace"> = ({ owner, from, to, existing, partitioned }, ctx) => {
  const at = path(owner.schema, to.name);
  const concurrently = existing && ctx.lockSafe && !partitioned;
  const temporary = `${to.name.slice(0, 58)}__new`;
  const statements = concurrently
    ? [
        createIndex(owner, { ...to, name: temporary }, { concurrently: true }),
        dropIndex({ schema: owner.schema, name: from.name }, { concurrently: true }),
        renameIndex({ schema: owner.schema, name: temporary }, to.name),
      ]
    : [dropIndex({ schema: owner.schema, name: from.name }), createIndex(owner, to)];
  return [
    {
      description: `rebuild index ${at}${concurrently ? " concurrently" : ""}`,
      statements,
      transactional: !concurrently,
      hazards: existing
        ? [
            {
              type: "index-build",
              path: at,
              message: concurrently
                ? "the new definition is built over every row (CONCURRENTLY: writes continue), then swapped in"
                : "the index is built over every row while writes to the table wait",
            },
          ]
        : [],
      ...(existing ? { timeouts: LONG_TIMEOUTS } : {}),
      creates: [indexId(owner.schema, to.name)],
      drops: keyBindingsOf(owner, from),
      needs: refsOf(ctx.refsTo, owner, to),
      releases: refsOf(ctx.refsFrom, owner, from).filter((id) => id !== rel(owner)),
    },
  ];
};

/** A unique index of a table can carry foreign keys: dropping or rebuilding it waits for them to let go. */
const keyBindingsOf = (owner: IndexOwner, index: Index): string[] =>
  owner.relation === "table" ? indexKeyBindings(owner, index) : [];
