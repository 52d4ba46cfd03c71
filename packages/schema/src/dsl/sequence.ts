/** `CREATE SEQUENCE`. In a `sql` template a sequence prints as `'schema.name'::regclass` (for `nextval(${seq})`). */
import type { Sequence } from "../catalog/model.js";
import type { ColumnRef } from "./column.js";
import {
  compact,
  DECLARATION,
  type Declaration,
  type SchemaLike,
  type SqlFragment,
  type SqlRenderable,
  schemaName,
  TO_SQL,
} from "./declaration.js";
import { type GrantSpec, lowerGrants } from "./grant.js";
import { quoteLiteral, quoteQualified } from "./quote.js";

type Bigish = number | bigint | string;

export interface SequenceOptions {
  readonly type?: Sequence["type"];
  readonly start?: Bigish;
  readonly increment?: Bigish;
  readonly min?: Bigish;
  readonly max?: Bigish;
  readonly cache?: Bigish;
  readonly cycle?: boolean;
  /** `OWNED BY table.column`: a thunk to a column of a table in the same schema */
  readonly ownedBy?: () => ColumnRef;
  readonly comment?: string;
  readonly grants?: readonly GrantSpec[];
}

export interface SequenceHandle extends Declaration<"sequence">, SqlRenderable {
  readonly schema: string;
  readonly name: string;
  readonly options: SequenceOptions;
}

/** @example export const invoiceNumbers = sequence(billing, "invoice_numbers", { start: 1000 }) */
export const sequence = (schema: SchemaLike, name: string, options: SequenceOptions = {}): SequenceHandle => {
  const qualified = { schema: schemaName(schema), name };
  const fragment: SqlFragment = {
    text: `${quoteLiteral(quoteQualified(qualified.schema, name))}::regclass`,
    references: [{ kind: "relation", ...qualified }],
  };
  return { [DECLARATION]: "sequence", ...qualified, options, [TO_SQL]: () => fragment };
};

const str = (value: Bigish | undefined): string | undefined => (value === undefined ? undefined : String(value));

export const lowerSequence = (handle: SequenceHandle): Sequence => {
  const o = handle.options;
  const owner = o.ownedBy?.();
  return {
    schema: handle.schema,
    name: handle.name,
    ...compact({
      type: o.type,
      start: str(o.start),
      increment: str(o.increment),
      min: str(o.min),
      max: str(o.max),
      cache: str(o.cache),
      cycle: o.cycle,
      ownedBy: owner ? { table: owner.table.name, column: owner.name } : undefined,
      comment: o.comment,
      grants: lowerGrants(o.grants),
    }),
  };
};
