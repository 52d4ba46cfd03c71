/**
 * Rolling partitions from a table's partition template: which partitions cover a date range, their
 * names and UTC bounds, and the statements that create them. Always given explicit dates, never
 * "today", so the same input gives the same SQL on any day. Used by the operational command that keeps
 * partitions ready and by verify (a partition that matches the template is expected, not drift).
 */
import type { Partition, PartitionTemplate, Table } from "@platform/schema";
import { createPartition } from "./partitions.js";

/** A problem with the template or the range, as data: where, what, and what to do. */
export class PartitionTemplateError extends Error {
  override readonly name = "PartitionTemplateError";
  constructor(
    readonly code: "not-range-partitioned" | "unsupported-key" | "bad-date" | "bad-range" | "no-template",
    readonly path: string,
    message: string,
    readonly fix: string,
  ) {
    super(`${message}\n  → at ${path}\n  fix: ${fix}`);
  }
}

/** A day as `YYYY-MM-DD` or a `Date` (its UTC day is used; the time of day is ignored). */
export type Day = string | Date;

export interface DayRange {
  /** first day covered (inclusive) */
  readonly from: Day;
  /** end of the range (exclusive): partitions overlapping [from, to) are produced */
  readonly to: Day;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

const toUtcDay = (day: Day, path: string): Date => {
  if (day instanceof Date) {
    if (Number.isNaN(day.getTime())) throw badDate(String(day), path);
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw badDate(day, path);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== day) throw badDate(day, path);
  return date;
};

const badDate = (value: string, path: string): PartitionTemplateError =>
  new PartitionTemplateError(
    "bad-date",
    path,
    `not a calendar day: ${JSON.stringify(value)}`,
    "pass a day as YYYY-MM-DD",
  );

/** The start of the interval that contains `day`. */
const intervalStart = (interval: PartitionTemplate["interval"], day: Date): Date =>
  interval === "day"
    ? day
    : interval === "month"
      ? new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1))
      : new Date(Date.UTC(day.getUTCFullYear(), 0, 1));

const nextStart = (interval: PartitionTemplate["interval"], start: Date): Date =>
  interval === "day"
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1))
    : interval === "month"
      ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
      : new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));

/** `events_y{YYYY}m{MM}` at 2026-03-01 → `events_y2026m03` */
export const templatePartitionName = (template: Pick<PartitionTemplate, "naming">, start: Date): string =>
  template.naming
    .replaceAll("{YYYY}", pad(start.getUTCFullYear(), 4))
    .replaceAll("{MM}", pad(start.getUTCMonth() + 1, 2))
    .replaceAll("{DD}", pad(start.getUTCDate(), 2));

type BoundStyle = "timestamptz" | "timestamp" | "date";

const BOUND_STYLE: Readonly<Record<string, BoundStyle>> = {
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  timestamp: "timestamp",
  date: "date",
};

/**
 * Bound literals as `pg_get_expr(relpartbound)` prints them in a UTC session, so that the partitions
 * created here read back exactly as their Catalog entries.
 */
const boundLiteral = (style: BoundStyle, at: Date): string => {
  const day = at.toISOString().slice(0, 10);
  return style === "date" ? `'${day}'` : style === "timestamp" ? `'${day} 00:00:00'` : `'${day} 00:00:00+00'`;
};

interface TemplateContext {
  readonly template: PartitionTemplate;
  readonly style: BoundStyle;
}

const templateContext = (table: Table): TemplateContext => {
  const path = `${table.schema}.${table.name}`;
  const template = table.partitionTemplate;
  if (!template) {
    throw new PartitionTemplateError(
      "no-template",
      path,
      "the table has no partition template",
      "declare one, or create partitions explicitly",
    );
  }
  const key =
    table.partitionBy?.strategy === "range" && table.partitionBy.keys.length === 1
      ? table.partitionBy.keys[0]
      : undefined;
  if (!key) {
    throw new PartitionTemplateError(
      "not-range-partitioned",
      path,
      "a partition template needs a table partitioned BY RANGE on exactly one key",
      "partition the table by range on its timestamp or date column",
    );
  }
  const column = key.column === undefined ? undefined : table.columns.find((c) => c.name === key.column);
  const style = column ? BOUND_STYLE[column.type.replace(/\(\d+\)/, "")] : undefined;
  if (!style) {
    throw new PartitionTemplateError(
      "unsupported-key",
      `${path}.${key.column ?? "(expression)"}`,
      "a partition template needs the range key to be a column of type date, timestamp or timestamp with time zone",
      "partition by range on such a column, or create partitions explicitly",
    );
  }
  return { template, style };
};

/**
 * The template's partitions that overlap [from, to), oldest first, as Catalog partitions.
 *
 * @example
 * templatePartitions(events, { from: "2026-01-15", to: "2026-03-01" })
 * // [{ name: "events_y2026m01", bound: { kind: "range", from: ["'2026-01-01 00:00:00+00'"], to: ["'2026-02-01 00:00:00+00'"] } }, ...m02]
 */
export const templatePartitions = (table: Table, range: DayRange): Partition[] => {
  const { template, style } = templateContext(table);
  const path = `${table.schema}.${table.name}`;
  const from = toUtcDay(range.from, path);
  const to = toUtcDay(range.to, path);
  if (to < from) {
    throw new PartitionTemplateError(
      "bad-range",
      path,
      `the range ends (${range.to.toString()}) before it starts (${range.from.toString()})`,
      "pass from <= to",
    );
  }
  const partitions: Partition[] = [];
  for (let start = intervalStart(template.interval, from); start < to; start = nextStart(template.interval, start)) {
    const end = nextStart(template.interval, start);
    partitions.push({
      name: templatePartitionName(template, start),
      bound: { kind: "range", from: [boundLiteral(style, start)], to: [boundLiteral(style, end)] },
      ...(template.unlogged ? { unlogged: true } : {}),
    });
  }
  return partitions;
};

/** `CREATE TABLE ... PARTITION OF ...` for each template partition overlapping [from, to). */
export const createTemplatePartitions = (table: Table, range: DayRange): string[] =>
  templatePartitions(table, range).map((partition) => createPartition(table, partition));

/**
 * The template partition a name stands for, or undefined when the name does not follow the template
 * (or its bound is not the template's): how verify tells a rolling partition from drift.
 */
export const matchTemplatePartition = (
  table: Table,
  partition: Pick<Partition, "name" | "bound">,
): Partition | undefined => {
  const template = table.partitionTemplate;
  if (!template) return undefined;
  const pattern = new RegExp(
    `^${template.naming
      .split(/(\{YYYY\}|\{MM\}|\{DD\})/)
      .map((part) =>
        part === "{YYYY}"
          ? "(?<y>\\d{4})"
          : part === "{MM}"
            ? "(?<m>\\d{2})"
            : part === "{DD}"
              ? "(?<d>\\d{2})"
              : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("")}$`,
  );
  const groups = pattern.exec(partition.name)?.groups;
  if (!groups) return undefined;
  const day = `${groups.y ?? "1970"}-${groups.m ?? "01"}-${groups.d ?? "01"}`;
  let expected: Partition[];
  try {
    expected = templatePartitions(table, { from: day, to: day === "9999-12-31" ? day : nextDay(day) });
  } catch {
    return undefined;
  }
  const candidate = expected[0];
  if (!candidate || candidate.name !== partition.name) return undefined;
  return JSON.stringify(candidate.bound) === JSON.stringify(partition.bound) ? candidate : undefined;
};

const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(date.getTime() + 86_400_000).toISOString().slice(0, 10);
};
