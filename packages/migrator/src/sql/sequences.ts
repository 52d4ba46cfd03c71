import type { QualifiedName, Sequence } from "@platform/schema";
import { quoteIdent, quoteQualified } from "./quote.js";

/** The options both CREATE and ALTER SEQUENCE take, in PostgreSQL's documented order. */
const sequenceOptions = (sequence: Sequence): string[] => [
  ...(sequence.type ? [`AS ${sequence.type}`] : []),
  ...(sequence.increment !== undefined ? [`INCREMENT BY ${sequence.increment}`] : []),
  ...(sequence.min !== undefined ? [`MINVALUE ${sequence.min}`] : []),
  ...(sequence.max !== undefined ? [`MAXVALUE ${sequence.max}`] : []),
  ...(sequence.start !== undefined ? [`START WITH ${sequence.start}`] : []),
  ...(sequence.cache !== undefined ? [`CACHE ${sequence.cache}`] : []),
  ...(sequence.cycle ? ["CYCLE"] : []),
];

/**
 * Ownership (`OWNED BY`) is a separate statement, `setSequenceOwner`, because the owning table is
 * created after its sequences.
 *
 * @example
 * createSequence({ schema: "public", name: "ticket_no", type: "bigint", start: "1000" })
 * // CREATE SEQUENCE public.ticket_no AS bigint START WITH 1000;
 */
export const createSequence = (sequence: Sequence): string =>
  `${[`CREATE SEQUENCE ${quoteQualified(sequence)}`, ...sequenceOptions(sequence)].join(" ")};`;

/**
 * Puts every option in the Catalog's state: an option the Catalog omits goes back to PostgreSQL's
 * default (`NO MINVALUE`, `INCREMENT BY 1`, `CACHE 1`, `NO CYCLE`) instead of keeping its old value.
 */
export const alterSequence = (sequence: Sequence): string =>
  `${[
    `ALTER SEQUENCE ${quoteQualified(sequence)}`,
    ...(sequence.type ? [`AS ${sequence.type}`] : []),
    `INCREMENT BY ${sequence.increment ?? "1"}`,
    sequence.min !== undefined ? `MINVALUE ${sequence.min}` : "NO MINVALUE",
    sequence.max !== undefined ? `MAXVALUE ${sequence.max}` : "NO MAXVALUE",
    ...(sequence.start !== undefined ? [`START WITH ${sequence.start}`] : []),
    `CACHE ${sequence.cache ?? "1"}`,
    sequence.cycle ? "CYCLE" : "NO CYCLE",
  ].join(" ")};`;

/** A sequence belongs to a column of a table in its own schema; `undefined` makes it free-standing. */
export const setSequenceOwner = (sequence: Pick<Sequence, "schema" | "name" | "ownedBy">): string =>
  sequence.ownedBy === undefined
    ? `ALTER SEQUENCE ${quoteQualified(sequence)} OWNED BY NONE;`
    : `ALTER SEQUENCE ${quoteQualified(sequence)} OWNED BY ${quoteIdent(sequence.schema)}.${quoteIdent(
        sequence.ownedBy.table,
      )}.${quoteIdent(sequence.ownedBy.column)};`;

export const dropSequence = (sequence: QualifiedName): string => `DROP SEQUENCE ${quoteQualified(sequence)};`;
