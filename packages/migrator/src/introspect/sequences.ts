import type { Grant, Sequence } from "@platform/schema";
import { sequenceDefaults } from "../normalize/sequences.js";
import { type IntrospectContext, queryRows, readStep, userRelation } from "./context.js";
import { type AclEntry, grantsJson, toGrants, withGrants } from "./grants.js";
import { comment, flag, opt } from "./optional.js";

interface SequenceRow {
  schema: string;
  name: string;
  type: "smallint" | "integer" | "bigint";
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owned_by_table: string | null;
  owned_by_column: string | null;
  comment: string | null;
  grants: AclEntry[];
}

/** A sequence as read, before serial columns claim theirs (see `serials.ts`). */
export interface ReadSequence {
  readonly sequence: Sequence;
  /** true when every option is what CREATE SEQUENCE (and therefore serial) gives */
  readonly allDefaults: boolean;
  readonly type: "smallint" | "integer" | "bigint";
  readonly grants: readonly Grant[];
  readonly hasComment: boolean;
}

/**
 * Sequences, except identity sequences (they belong to their column). Options equal to CREATE SEQUENCE's
 * defaults are omitted, so a declaration only states what it changes.
 */
export const readSequences = (ctx: IntrospectContext): Promise<ReadSequence[]> =>
  readStep("sequences", ctx, async () => {
    const rows = await queryRows<SequenceRow>(
      ctx,
      `SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type,
              s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min,
              s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
              owner.table_name AS owned_by_table, owner.column_name AS owned_by_column,
              dsc.description AS comment,
              ${grantsJson("c.relacl", "c.relowner", "s")} AS grants
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
       LEFT JOIN LATERAL (
         SELECT t.relname AS table_name, a.attname AS column_name
         FROM pg_catalog.pg_depend d
         JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
         JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
           AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
           AND d.deptype IN ('a', 'i') LIMIT 1) owner ON true
       LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid
         AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = 0
       WHERE c.relkind = 'S' AND ${userRelation("c")}
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend idd
                         WHERE idd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND idd.objid = c.oid
                           AND idd.deptype = 'i')
       ORDER BY n.nspname, c.relname`,
      [ctx.namespaces],
    );
    return rows.map(toReadSequence);
  });

const toReadSequence = (r: SequenceRow): ReadSequence => {
  const increment = BigInt(r.increment);
  const defaults = sequenceDefaults(r.type, increment);
  const start = BigInt(r.start) === defaults.start ? null : r.start;
  const min = BigInt(r.min) === defaults.min ? null : r.min;
  const max = BigInt(r.max) === defaults.max ? null : r.max;
  const cache = r.cache === "1" ? null : r.cache;
  const grants = toGrants(r.grants);
  const allDefaults = start === null && min === null && max === null && cache === null && increment === 1n && !r.cycle;
  const sequence: Sequence = {
    schema: r.schema,
    name: r.name,
    ...opt("type", r.type === "bigint" ? null : r.type),
    ...opt("start", start),
    ...opt("increment", r.increment === "1" ? null : r.increment),
    ...opt("min", min),
    ...opt("max", max),
    ...opt("cache", cache),
    ...flag("cycle", r.cycle),
    ...opt(
      "ownedBy",
      r.owned_by_table === null || r.owned_by_column === null
        ? null
        : { table: r.owned_by_table, column: r.owned_by_column },
    ),
    ...comment(r.comment),
    ...withGrants(grants),
  };
  return { sequence, allDefaults, type: r.type, grants, hasComment: r.comment !== null && r.comment !== "" };
};
