/**
 * Partitioning: keys that exist, bounds that fit the strategy and the key, no overlaps (error), no gaps
 * (warning), at most one DEFAULT, hash moduli/remainders PostgreSQL accepts, templates on a time key.
 */
import { objectPath } from "../identity.js";
import type { Partition, PartitionBy, Table } from "../model.js";
import { unknownColumns } from "./constraints.js";
import type { ValidationContext } from "./context.js";
import { allPartitions, columnMap } from "./context.js";
import { error, type Finding, warning } from "./finding.js";
import { parseType } from "./types.js";

/** A comparable bound value: infinities, numbers, instants, or text. */
type Value =
  | { readonly kind: "min" }
  | { readonly kind: "max" }
  | { readonly kind: "number" | "time"; readonly n: number }
  | { readonly kind: "text"; readonly s: string };

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Reads a bound literal as PostgreSQL prints it (`'2026-01-01 00:00:00+00'`, `42`, `MINVALUE`). */
export const parseBoundValue = (literal: string): Value => {
  const text = literal.trim();
  if (/^minvalue$/i.test(text)) return { kind: "min" };
  if (/^maxvalue$/i.test(text)) return { kind: "max" };
  const quoted = /^'((?:[^']|'')*)'(?:::.*)?$/.exec(text);
  const inner = quoted?.[1] !== undefined ? quoted[1].replaceAll("''", "'") : text;
  if (/^-?\d+(\.\d+)?$/.test(inner)) return { kind: "number", n: Number(inner) };
  const ts = TIMESTAMP.exec(inner);
  if (ts) {
    const zone =
      ts[3] === undefined
        ? "Z"
        : ts[3] === "Z"
          ? "Z"
          : ts[3].length === 3
            ? `${ts[3]}:00`
            : ts[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
    const n = Date.parse(`${ts[1]}T${ts[2] ?? "00:00:00"}${zone}`);
    if (!Number.isNaN(n)) return { kind: "time", n };
  }
  return { kind: "text", s: inner };
};

/** -1/0/1, or undefined when the two values cannot be compared (different kinds). */
const compareValue = (a: Value, b: Value): number | undefined => {
  const rank = (v: Value) => (v.kind === "min" ? -1 : v.kind === "max" ? 1 : 0);
  if (rank(a) !== 0 || rank(b) !== 0) return Math.sign(rank(a) - rank(b));
  if (a.kind === "text" && b.kind === "text") return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  if ((a.kind === "number" || a.kind === "time") && a.kind === b.kind) return Math.sign(a.n - (b as { n: number }).n);
  return undefined;
};

const compareTuple = (a: readonly Value[], b: readonly Value[]): number | undefined => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValue(a[i] as Value, b[i] as Value);
    if (c === undefined || c !== 0) return c;
  }
  return 0;
};

interface Level {
  readonly table: Table;
  readonly path: string;
  readonly by: PartitionBy;
  readonly partitions: readonly Partition[];
}

const boundKindFindings = (level: Level): Finding[] =>
  level.partitions.flatMap((p): Finding[] => {
    const path = objectPath(level.path, p.name);
    const b = p.bound;
    if (b.kind === "default") {
      return level.by.strategy === "hash"
        ? [
            error(
              "partition-bound-strategy",
              path,
              `partition ${p.name} is DEFAULT but ${level.path} is hash-partitioned, which has no DEFAULT partition`,
              "declare hash partitions for every remainder instead",
            ),
          ]
        : [];
    }
    if (b.kind !== level.by.strategy) {
      return [
        error(
          "partition-bound-strategy",
          path,
          `partition ${p.name} has a ${b.kind} bound but ${level.path} is partitioned by ${level.by.strategy}`,
          `declare it with ${level.by.strategy}Partition(...)`,
        ),
      ];
    }
    const keys = level.by.keys.length;
    if (b.kind === "range" && (b.from.length !== keys || b.to.length !== keys)) {
      return [
        error(
          "partition-bound-arity",
          path,
          `partition ${p.name} bounds FROM (${b.from.join(", ")}) TO (${b.to.join(", ")}) but the partition key has ${keys} column(s)`,
          `give ${keys} value(s) in FROM and in TO, one per key column`,
        ),
      ];
    }
    if (b.kind === "list" && b.values.length === 0) {
      return [
        error(
          "partition-bound-arity",
          path,
          `list partition ${p.name} has no values`,
          "list at least one value, or make it the DEFAULT partition",
        ),
      ];
    }
    if (b.kind === "hash" && !(Number.isInteger(b.modulus) && Number.isInteger(b.remainder))) {
      return [
        error(
          "hash-partition-remainder",
          path,
          `hash partition ${p.name} has MODULUS ${b.modulus}, REMAINDER ${b.remainder}; both must be integers`,
          "use whole numbers, e.g. hashPartition(name, 4, 0)",
        ),
      ];
    }
    if (b.kind === "hash" && !(b.modulus >= 1 && b.remainder >= 0 && b.remainder < b.modulus)) {
      return [
        error(
          "hash-partition-remainder",
          path,
          `hash partition ${p.name} has MODULUS ${b.modulus}, REMAINDER ${b.remainder}; the remainder must be at least 0 and less than the modulus`,
          `use a remainder from 0 to ${Math.max(b.modulus - 1, 0)}`,
        ),
      ];
    }
    return [];
  });

const defaultFindings = (level: Level): Finding[] =>
  level.partitions
    .filter((p) => p.bound.kind === "default")
    .slice(1)
    .map((p) =>
      error(
        "default-partition-twice",
        objectPath(level.path, p.name),
        `partition ${p.name} is a second DEFAULT partition of ${level.path}`,
        "keep one DEFAULT partition",
      ),
    );

const rangeFindings = (level: Level): Finding[] => {
  const ranges = level.partitions.flatMap((p) =>
    p.bound.kind === "range" &&
    p.bound.from.length === level.by.keys.length &&
    p.bound.to.length === level.by.keys.length
      ? [{ p, from: p.bound.from.map(parseBoundValue), to: p.bound.to.map(parseBoundValue) }]
      : [],
  );
  const findings: Finding[] = [];
  const valid = ranges.filter((r) => {
    const c = compareTuple(r.from, r.to);
    if (c !== undefined && c >= 0) {
      findings.push(
        error(
          "partition-range-empty",
          objectPath(level.path, r.p.name),
          `partition ${r.p.name} ranges FROM (${(r.p.bound as { from: string[] }).from.join(", ")}) TO (${(r.p.bound as { to: string[] }).to.join(", ")}), which is empty: FROM must be below TO`,
          "swap or fix the bounds",
        ),
      );
      return false;
    }
    return c !== undefined;
  });
  const sorted = [...valid].sort((a, b) => compareTuple(a.from, b.from) ?? 0);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (!prev || !cur) continue;
    const c = compareTuple(cur.from, prev.to);
    if (c === undefined) continue;
    const span = (r: typeof cur) =>
      `[${(r.p.bound as { from: string[] }).from.join(", ")}, ${(r.p.bound as { to: string[] }).to.join(", ")})`;
    if (c < 0) {
      findings.push(
        error(
          "partition-overlap",
          objectPath(level.path, cur.p.name),
          `partition ${cur.p.name} ${span(cur)} overlaps partition ${prev.p.name} ${span(prev)}`,
          `start ${cur.p.name} at or after ${prev.p.name}'s upper bound`,
        ),
      );
    } else if (c > 0) {
      const hasDefault = level.partitions.some((p) => p.bound.kind === "default");
      findings.push(
        warning(
          "partition-gap",
          objectPath(level.path, cur.p.name),
          `there is a gap between partition ${prev.p.name} ${span(prev)} and ${cur.p.name} ${span(cur)}; rows in it ${hasDefault ? "go to the DEFAULT partition" : "cannot be inserted"}`,
          `start ${cur.p.name} at ${(prev.p.bound as { to: string[] }).to.join(", ")}, or add a partition for the gap`,
        ),
      );
    }
  }
  return findings;
};

const listFindings = (level: Level): Finding[] => {
  const owner = new Map<string, string>();
  return level.partitions.flatMap((p) => {
    if (p.bound.kind !== "list") return [];
    return p.bound.values.flatMap((v): Finding[] => {
      const parsed = parseBoundValue(v);
      const key = JSON.stringify(parsed);
      const previous = owner.get(key);
      if (previous === undefined) {
        owner.set(key, p.name);
        return [];
      }
      return [
        error(
          "partition-overlap",
          objectPath(level.path, p.name),
          `partition ${p.name} lists value ${v}, which partition ${previous} already holds`,
          `remove ${v} from one of them`,
        ),
      ];
    });
  });
};

const hashFindings = (level: Level): Finding[] => {
  const hashes = level.partitions.flatMap((p) =>
    p.bound.kind === "hash" &&
    Number.isInteger(p.bound.modulus) &&
    Number.isInteger(p.bound.remainder) &&
    p.bound.modulus >= 1 &&
    p.bound.remainder >= 0 &&
    p.bound.remainder < p.bound.modulus
      ? [{ p, modulus: p.bound.modulus, remainder: p.bound.remainder }]
      : [],
  );
  const findings: Finding[] = [];
  hashes.forEach((h, i) => {
    for (const other of hashes.slice(0, i)) {
      const [small, large] = h.modulus <= other.modulus ? [h, other] : [other, h];
      if (large.modulus % small.modulus !== 0) {
        findings.push(
          error(
            "hash-partition-modulus",
            objectPath(level.path, h.p.name),
            `hash partition ${h.p.name} has modulus ${h.modulus} and ${other.p.name} has ${other.modulus}; each modulus must divide the next larger one`,
            "use moduli that are factors of each other (e.g. all 4, or 4 and 8)",
          ),
        );
        return;
      }
      if (large.remainder % small.modulus === small.remainder) {
        findings.push(
          error(
            "partition-overlap",
            objectPath(level.path, h.p.name),
            `hash partition ${h.p.name} (MODULUS ${h.modulus}, REMAINDER ${h.remainder}) overlaps ${other.p.name} (MODULUS ${other.modulus}, REMAINDER ${other.remainder})`,
            "give each partition a distinct remainder",
          ),
        );
        return;
      }
    }
  });
  if (findings.length === 0 && hashes.length > 0) findings.push(...hashCoverage(level, hashes));
  return findings;
};

/** With moduli that divide each other, every remainder of the largest modulus must land in some partition. */
const hashCoverage = (
  level: Level,
  hashes: readonly { readonly p: Partition; readonly modulus: number; readonly remainder: number }[],
): Finding[] => {
  const largest = Math.max(...hashes.map((h) => h.modulus));
  if (largest > 4096) return [];
  const missing: number[] = [];
  for (let r = 0; r < largest; r++) {
    if (!hashes.some((h) => r % h.modulus === h.remainder)) missing.push(r);
  }
  if (missing.length === 0) return [];
  return [
    warning(
      "partition-gap",
      level.path,
      `hash partitions of ${level.path} leave remainder(s) ${missing.join(", ")} of modulus ${largest} uncovered; rows hashing there cannot be inserted`,
      `add hashPartition(name, ${largest}, r) for each missing remainder`,
    ),
  ];
};

const keyFindings = (level: Level): Finding[] => {
  const columns = columnMap(level.table);
  const findings: Finding[] = [
    ...unknownColumns(
      level.table,
      level.by.keys.flatMap((k) => (k.column ? [k.column] : [])),
      level.path,
      "the partition key",
    ),
  ];
  if (level.by.keys.length === 0) {
    findings.push(
      error(
        "partition-key-empty",
        level.path,
        `${level.path} is partitioned by ${level.by.strategy} on no keys`,
        "name the key column(s)",
      ),
    );
  }
  if (level.by.strategy === "list" && level.by.keys.length > 1) {
    findings.push(
      error(
        "partition-key-arity",
        level.path,
        `${level.path} is list-partitioned on ${level.by.keys.length} keys; LIST takes one`,
        "partition by one column, or use RANGE",
      ),
    );
  }
  level.by.keys.forEach((k, i) => {
    if ((k.column === undefined) === (k.expression === undefined)) {
      findings.push(
        error(
          "partition-key-shape",
          level.path,
          `partition key ${i + 1} must have exactly one of column or expression`,
          "give the key a column or an expression",
        ),
      );
    }
    const column = k.column ? columns.get(k.column) : undefined;
    if (column?.generated !== undefined) {
      findings.push(
        error(
          "partition-key-generated",
          level.path,
          `partition key column ${k.column} is a generated column, which PostgreSQL does not allow`,
          "partition by a base column",
        ),
      );
    }
  });
  return findings;
};

/** PostgreSQL 18 refuses UNLOGGED on a partitioned table (earlier versions silently ignore it). */
const unloggedFindings = (table: Table): Finding[] => {
  const path = objectPath(table.schema, table.name);
  const nodes = [
    ...(table.unlogged && table.partitionBy ? [{ path, what: "table" }] : []),
    ...allPartitions(table)
      .filter(({ partition }) => partition.unlogged && partition.partitionBy)
      .map(({ partition, parentPath }) => ({ path: objectPath(parentPath, partition.name), what: "partition" })),
  ];
  return nodes.map((n) =>
    error(
      "unlogged-partitioned-table",
      n.path,
      `partitioned ${n.what} ${n.path} is declared UNLOGGED; PostgreSQL 18 rejects that and earlier versions ignore it`,
      "drop unlogged here and mark the partitions unlogged (and the template: daily(..., { unlogged: true }))",
    ),
  );
};

/** Every partitioned node (the table and partitioned partitions), and partitions declared under an unpartitioned one. */
const walkLevels = (table: Table): { readonly levels: Level[]; readonly orphans: Finding[] } => {
  const levels: Level[] = [];
  const orphans: Finding[] = [];
  const walk = (
    by: PartitionBy | undefined,
    partitions: readonly Partition[] | undefined,
    at: string,
    what: string,
  ) => {
    if (!by) {
      if (partitions?.length) {
        orphans.push(
          error(
            "partitions-without-partition-by",
            at,
            `${what} ${at} declares partitions but is not partitioned`,
            "add partitionBy: byRange(...)/byList(...)/byHash(...), or drop the partitions",
          ),
        );
      }
      return;
    }
    levels.push({ table, path: at, by, partitions: partitions ?? [] });
    for (const p of partitions ?? []) walk(p.partitionBy, p.partitions, objectPath(at, p.name), "partition");
  };
  walk(table.partitionBy, table.partitions, objectPath(table.schema, table.name), "table");
  return { levels, orphans };
};

const ADJECTIVE = { day: "daily", month: "monthly", year: "yearly" } as const;

const templateFindings = (table: Table): Finding[] => {
  const template = table.partitionTemplate;
  if (!template) return [];
  const path = objectPath(table.schema, table.name);
  const by = table.partitionBy;
  const [key] = by?.keys ?? [];
  const column = key?.column ? columnMap(table).get(key.column) : undefined;
  const type = column ? parseType(column.type).name : undefined;
  const findings: Finding[] = [];
  if (
    by?.strategy !== "range" ||
    by.keys.length !== 1 ||
    !type ||
    !/^(date|timestamp with(out)? time zone)$/.test(type)
  ) {
    findings.push(
      error(
        "partition-template-key",
        path,
        `partition template on ${path} needs RANGE partitioning on one date/timestamp column${by ? ` (it is ${by.strategy} on ${by.keys.map((k) => k.column ?? k.expression).join(", ")}${type ? ` of type ${type}` : ""})` : " (it is not partitioned)"}`,
        "partition by byRange(t.created_at) on a timestamptz column, or drop the template",
      ),
    );
  }
  const needs = { day: ["{YYYY}", "{MM}", "{DD}"], month: ["{YYYY}", "{MM}"], year: ["{YYYY}"] }[template.interval];
  const missing = needs.filter((n) => !template.naming.includes(n));
  if (missing.length > 0) {
    findings.push(
      error(
        "partition-template-naming",
        path,
        `partition template naming "${template.naming}" lacks ${missing.join(", ")}, so ${ADJECTIVE[template.interval]} partitions would get the same name`,
        `include ${needs.join(" ")} in the naming, e.g. "${table.name}_${needs.join("")}"`,
      ),
    );
  }
  // the model's types say number; PostgreSQL and the partition command need whole counts
  const counts = [
    ["premake", template.premake, 0],
    ["retain", template.retain, 1],
  ] as const;
  for (const [option, value, least] of counts) {
    if (value !== undefined && !(Number.isInteger(value) && value >= least)) {
      findings.push(
        error(
          "partition-template-count",
          path,
          `partition template ${option} is ${value}; it counts ${template.interval}s, so it must be a whole number of at least ${least}`,
          `set ${option} to an integer ≥ ${least}, or leave it out`,
        ),
      );
    }
  }
  const longest = template.naming.replace("{YYYY}", "2026").replace("{MM}", "01").replace("{DD}", "01");
  if (Buffer.byteLength(longest, "utf8") > 63) {
    findings.push(
      error(
        "identifier-too-long",
        path,
        `partition template naming gives names like "${longest}", over 63 bytes`,
        "shorten the naming",
      ),
    );
  }
  return findings;
};

export const checkPartitions = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.tables.flatMap((table) => {
    const { levels, orphans } = walkLevels(table);
    return [
      ...orphans,
      ...unloggedFindings(table),
      ...levels.flatMap((l) => [
        ...keyFindings(l),
        ...boundKindFindings(l),
        ...defaultFindings(l),
        ...(l.by.strategy === "range" ? rangeFindings(l) : []),
        ...(l.by.strategy === "list" ? listFindings(l) : []),
        ...(l.by.strategy === "hash" ? hashFindings(l) : []),
      ]),
      ...templateFindings(table),
    ];
  });
