import type { Column, Sequence, Table } from "@platform/schema";
import { parseQualifiedName, serialSequenceName } from "../normalize/identifiers.js";
import type { ReadSequence } from "./sequences.js";

const SERIAL_FOR: Readonly<Record<ReadSequence["type"], string>> = {
  smallint: "smallserial",
  integer: "serial",
  bigint: "bigserial",
};

/** `nextval('public.t_id_seq'::regclass)` → `["public", "t_id_seq"]`. */
const nextvalTarget = (expression: string): string[] | undefined => {
  const match = /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(expression);
  return match ? parseQualifiedName((match[1] as string).replace(/''/g, "'")) : undefined;
};

/**
 * Turns `integer NOT NULL DEFAULT nextval('s.t_id_seq')` back into `serial` when the sequence is exactly
 * what `serial` creates: owned by that column, named as PostgreSQL names it, with default options and an
 * integer type matching the column. Such a sequence leaves `sequences` unless it carries grants or a
 * comment of its own (then it stays, so they are not lost).
 */
export const restoreSerials = (
  tables: readonly Table[],
  sequences: readonly ReadSequence[],
): { tables: Table[]; sequences: Sequence[] } => {
  const bySchemaName = new Map(sequences.map((s) => [`${s.sequence.schema}\u0000${s.sequence.name}`, s]));
  const claimed = new Set<ReadSequence>();
  const serialColumn = (table: Table, column: Column): Column => {
    const target = column.default === undefined ? undefined : nextvalTarget(column.default);
    if (target?.length !== 2 || !column.notNull) return column;
    const seq = bySchemaName.get(`${target[0]}\u0000${target[1]}`);
    if (seq === undefined || !seq.allDefaults) return column;
    const owner = seq.sequence.ownedBy;
    if (seq.sequence.schema !== table.schema || owner?.table !== table.name || owner.column !== column.name)
      return column;
    if (seq.sequence.name !== serialSequenceName(table.name, column.name) || seq.type !== column.type) return column;
    claimed.add(seq);
    const { default: _default, ...rest } = column;
    return { ...rest, type: SERIAL_FOR[seq.type] };
  };
  const restored = tables.map((t) => {
    const columns = t.columns.map((c) => serialColumn(t, c));
    return columns.every((c, i) => c === t.columns[i]) ? t : { ...t, columns };
  });
  const kept = sequences.filter((s) => !claimed.has(s) || s.grants.length > 0 || s.hasComment).map((s) => s.sequence);
  return { tables: restored, sequences: kept };
};
