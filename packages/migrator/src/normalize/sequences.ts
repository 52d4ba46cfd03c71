/** What CREATE SEQUENCE picks for options it is not given, by type and direction. */
export type SequenceType = "smallint" | "integer" | "bigint";

const TYPE_RANGE: Readonly<Record<SequenceType, { readonly min: bigint; readonly max: bigint }>> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

export interface SequenceDefaults {
  readonly min: bigint;
  readonly max: bigint;
  readonly start: bigint;
}

/** Ascending sequences count from 1 up to the type's max; descending ones from -1 down to its min. */
export const sequenceDefaults = (type: SequenceType, increment: bigint): SequenceDefaults => {
  const range = TYPE_RANGE[type];
  const ascending = increment > 0n;
  const min = ascending ? 1n : range.min;
  const max = ascending ? range.max : -1n;
  return { min, max, start: ascending ? min : max };
};
