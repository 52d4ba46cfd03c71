import type { Sequence } from "@platform/schema";
import { quoteQualified } from "../sql/quote.js";
import { createSequence, dropSequence, setSequenceOwner } from "../sql/sequences.js";
import { columnId, qpath, roleId, schemaId } from "./ids.js";
import type { Planner, StepDraft } from "./step.js";

const id = (s: { schema: string; name: string }) => `sequence:${qpath(s)}`;

const ownerColumn = (s: Sequence): string[] =>
  s.ownedBy ? [columnId({ schema: s.schema, name: s.ownedBy.table }, s.ownedBy.column)] : [];

/** OWNED BY is its own step: the owning column's table usually needs the sequence for its default. */
export const planSequenceCreate: Planner<"sequence.create"> = ({ sequence }) => [
  {
    key: "create",
    description: `create sequence ${qpath(sequence)}`,
    statements: [createSequence(sequence)],
    creates: [id(sequence)],
    needs: [schemaId(sequence.schema)],
  },
  ...ownedBy(sequence, ["create"]),
];

const ownedBy = (sequence: Sequence, after: string[]): StepDraft[] =>
  sequence.ownedBy
    ? [
        {
          key: "owned-by",
          description: `sequence ${qpath(sequence)} owned by ${sequence.ownedBy.table}.${sequence.ownedBy.column}`,
          statements: [setSequenceOwner(sequence)],
          needs: [id(sequence), ...ownerColumn(sequence)],
          after,
        },
      ]
    : [];

/**
 * IF EXISTS: a sequence owned by a column goes away with that column, and the column (whose default
 * reads the sequence) must be dropped first.
 */
export const planSequenceDrop: Planner<"sequence.drop"> = ({ sequence }) => [
  {
    description: `drop sequence ${qpath(sequence)}`,
    statements: [dropSequence(sequence).replace("DROP SEQUENCE ", "DROP SEQUENCE IF EXISTS ")],
    hazards: [{ type: "data-loss", path: qpath(sequence), message: "the sequence and its current value are dropped" }],
    drops: [id(sequence)],
    releases: [schemaId(sequence.schema), ...(sequence.grants ?? []).map((g) => roleId(g.grantee))],
  },
];

export const planSequenceAlter: Planner<"sequence.alter"> = ({ from, to }) => {
  const { ownedBy: _a, ...restFrom } = from;
  const { ownedBy: _b, ...restTo } = to;
  const optionsChanged = JSON.stringify(restFrom) !== JSON.stringify(restTo);
  const ownerChanged = JSON.stringify(from.ownedBy) !== JSON.stringify(to.ownedBy);
  return [
    {
      description: `alter sequence ${qpath(to)}`,
      statements: [
        ...(optionsChanged ? [alterSequenceFully(to)] : []),
        ...(ownerChanged ? [setSequenceOwner(to)] : []),
      ],
      needs: [id(to), ...ownerColumn(to)],
      releases: ownerColumn(from),
    },
  ];
};

/**
 * ALTER SEQUENCE with every option stated: an option the Catalog omits goes back to PostgreSQL's
 * default (`NO MAXVALUE`, `INCREMENT BY 1`, ...), which ALTER would otherwise leave as it was.
 */
const alterSequenceFully = (s: Sequence): string =>
  `${[
    `ALTER SEQUENCE ${quoteQualified(s)}`,
    ...(s.type ? [`AS ${s.type}`] : []),
    `INCREMENT BY ${s.increment ?? "1"}`,
    s.min !== undefined ? `MINVALUE ${s.min}` : "NO MINVALUE",
    s.max !== undefined ? `MAXVALUE ${s.max}` : "NO MAXVALUE",
    ...(s.start !== undefined ? [`START WITH ${s.start}`] : []),
    `CACHE ${s.cache ?? "1"}`,
    s.cycle ? "CYCLE" : "NO CYCLE",
  ].join(" ")};`;
