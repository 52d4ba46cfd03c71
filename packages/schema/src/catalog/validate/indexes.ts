/**
 * Indexes: keys that exist, operator classes that belong to the method, pgvector's dimension limits, and
 * storage parameters the method knows.
 */
import { objectPath } from "../identity.js";
import type { Column, Index, IndexMethod } from "../model.js";
import { collationFindings } from "./columns.js";
import { unknownColumns } from "./constraints.js";
import { columnMap, type ValidationContext } from "./context.js";
import { error, type Finding, warning } from "./finding.js";
import { parseType, VECTOR_LIMITS } from "./types.js";

/** Which methods an operator class belongs to (the ones the platform is likely to use). */
const OPCLASS_METHODS: Readonly<Record<string, readonly IndexMethod[]>> = {
  vector_l2_ops: ["hnsw", "ivfflat"],
  vector_ip_ops: ["hnsw", "ivfflat"],
  vector_cosine_ops: ["hnsw", "ivfflat"],
  vector_l1_ops: ["hnsw"],
  halfvec_l2_ops: ["hnsw", "ivfflat"],
  halfvec_ip_ops: ["hnsw", "ivfflat"],
  halfvec_cosine_ops: ["hnsw", "ivfflat"],
  halfvec_l1_ops: ["hnsw"],
  sparsevec_l2_ops: ["hnsw"],
  sparsevec_ip_ops: ["hnsw"],
  sparsevec_cosine_ops: ["hnsw"],
  sparsevec_l1_ops: ["hnsw"],
  bit_hamming_ops: ["hnsw", "ivfflat"],
  bit_jaccard_ops: ["hnsw"],
  jsonb_ops: ["gin"],
  jsonb_path_ops: ["gin"],
  array_ops: ["gin"],
  tsvector_ops: ["gin", "gist"],
  gin_trgm_ops: ["gin"],
  gist_trgm_ops: ["gist"],
  text_pattern_ops: ["btree", "hash"],
  varchar_pattern_ops: ["btree", "hash"],
  bpchar_pattern_ops: ["btree", "hash"],
  range_ops: ["gist", "spgist"],
  inet_ops: ["gist", "spgist"],
};

/** Storage parameters each method accepts, with their valid integer ranges where PostgreSQL/pgvector check them. */
const PARAMETERS: Readonly<Record<IndexMethod, Readonly<Record<string, readonly [number, number] | null>>>> = {
  btree: { fillfactor: [10, 100], deduplicate_items: null },
  hash: { fillfactor: [10, 100] },
  gin: { fastupdate: null, gin_pending_list_limit: [64, 2147483647] },
  gist: { fillfactor: [10, 100], buffering: null },
  spgist: { fillfactor: [10, 100] },
  brin: { pages_per_range: [1, 131072], autosummarize: null },
  hnsw: { m: [2, 100], ef_construction: [4, 1000] },
  ivfflat: { lists: [1, 32768] },
};

/** Methods that support INCLUDE columns. */
const INCLUDE_METHODS: ReadonlySet<IndexMethod> = new Set(["btree", "gist", "spgist"]);

const vectorFindings = (index: Index, method: IndexMethod, columns: ReadonlyMap<string, Column>, path: string) =>
  index.elements.flatMap((el): Finding[] => {
    if (!el.column) return [];
    const column = columns.get(el.column);
    if (!column) return [];
    const type = parseType(column.type);
    const limits = VECTOR_LIMITS[type.name];
    if (!limits || type.schema === undefined || type.arrayDims > 0) {
      if (el.opclass?.startsWith("bit_")) return [];
      return [
        error(
          "vector-index-type",
          path,
          `${method} index ${index.name} is on column ${el.column} of type ${column.type}; ${method} indexes pgvector types`,
          "index a vector/halfvec column, or use another method",
        ),
      ];
    }
    const [dims] = type.modifiers;
    if (dims === undefined) {
      return [
        error(
          "vector-index-dimensions",
          path,
          `${method} index ${index.name} is on ${el.column} (${column.type}) which has no fixed dimensions`,
          `declare the column with dimensions, e.g. ${type.name}(1536)`,
        ),
      ];
    }
    if (dims > limits.indexMax) {
      return [
        error(
          "vector-index-dimensions",
          path,
          `${method} index ${index.name} is on ${el.column} (${column.type}); ${method} indexes ${type.name} of at most ${limits.indexMax} dimensions`,
          type.name === "vector"
            ? `store it as halfvec(${dims}) (up to 4000), index an expression cast to halfvec, or reduce dimensions`
            : "reduce the dimensions",
        ),
      ];
    }
    return [];
  });

const parameterFindings = (index: Index, method: IndexMethod, path: string): Finding[] =>
  Object.entries(index.with ?? {}).flatMap(([name, value]): Finding[] => {
    const known = PARAMETERS[method];
    if (!(name in known)) {
      return [
        error(
          "index-storage-parameter",
          path,
          `index ${index.name} sets storage parameter ${name}, which ${method} indexes do not have`,
          `use one of: ${Object.keys(known).join(", ")}`,
        ),
      ];
    }
    const range = known[name];
    const n = Number(value);
    if (range && !(Number.isInteger(n) && n >= range[0] && n <= range[1])) {
      return [
        error(
          "index-storage-parameter",
          path,
          `index ${index.name} sets ${name} = ${value}; ${method} allows ${range[0]} to ${range[1]}`,
          `choose a value between ${range[0]} and ${range[1]}`,
        ),
      ];
    }
    return [];
  });

/** `*_pattern_ops` compare bytes, which a nondeterministic collation (case-insensitive `nocase`) forbids. */
const patternOpsFindings = (
  ctx: ValidationContext,
  index: Index,
  columns: ReadonlyMap<string, Column>,
  path: string,
): Finding[] =>
  index.elements.flatMap((el): Finding[] => {
    if (!el.opclass?.endsWith("_pattern_ops")) return [];
    const collation = el.collation ?? (el.column ? columns.get(el.column)?.collation : undefined);
    const declared = collation ? ctx.collation(collation.schema, collation.name) : undefined;
    if (!declared || declared.deterministic) return [];
    return [
      error(
        "pattern-ops-nondeterministic",
        path,
        `index ${index.name} uses ${el.opclass} on ${el.column ?? "an expression"} with nondeterministic collation ${collation?.schema}.${collation?.name}, which PostgreSQL rejects`,
        `index it with .collate({ schema: "pg_catalog", name: "C" }) (byte order) or drop ${el.opclass}`,
      ),
    ];
  });

const indexFindings = (
  ctx: ValidationContext,
  owner: { readonly schema: string; readonly name: string; readonly columns: readonly Column[] },
  index: Index,
): Finding[] => {
  const path = objectPath(owner.schema, owner.name, index.name);
  const method = index.method ?? "btree";
  const columns = columnMap(owner);
  const findings: Finding[] = [];
  if (index.elements.length === 0) {
    findings.push(
      error("index-without-keys", path, `index ${index.name} has no keys`, "name its keys: index().on(t.column)"),
    );
  }
  index.elements.forEach((el, i) => {
    if ((el.column === undefined) === (el.expression === undefined)) {
      findings.push(
        error(
          "index-key-shape",
          path,
          `key ${i + 1} of index ${index.name} must have exactly one of column or expression`,
          "give the key a column or an expression",
        ),
      );
    }
    findings.push(...collationFindings(ctx, el.collation, path));
    const methods = el.opclass ? OPCLASS_METHODS[el.opclass] : undefined;
    if (el.opclass && methods && !methods.includes(method)) {
      findings.push(
        error(
          "opclass-method-mismatch",
          path,
          `operator class ${el.opclass} belongs to ${methods.join("/")} but index ${index.name} uses ${method}`,
          `use index().using("${methods[0]}", ...) or an operator class of ${method}`,
        ),
      );
    }
  });
  findings.push(
    ...unknownColumns(
      owner,
      [...index.elements.flatMap((e) => (e.column ? [e.column] : [])), ...(index.include ?? [])],
      path,
      `index ${index.name}`,
    ),
  );
  if ((index.unique || index.nullsNotDistinct) && method !== "btree") {
    findings.push(
      error(
        "unique-index-method",
        path,
        `unique index ${index.name} uses ${method}; only btree supports UNIQUE`,
        "use btree, or drop unique",
      ),
    );
  }
  if (index.nullsNotDistinct && !index.unique) {
    findings.push(
      warning(
        "nulls-not-distinct-without-unique",
        path,
        `index ${index.name} is NULLS NOT DISTINCT but not unique, so the setting has no effect`,
        "make it unique, or drop nullsNotDistinct",
      ),
    );
  }
  findings.push(...patternOpsFindings(ctx, index, columns, path));
  if (index.include?.length && !INCLUDE_METHODS.has(method)) {
    findings.push(
      error(
        "index-include-method",
        path,
        `index ${index.name} uses INCLUDE with ${method}, which does not support it`,
        "use btree/gist/spgist, or drop INCLUDE",
      ),
    );
  }
  if (method === "hnsw" || method === "ivfflat") findings.push(...vectorFindings(index, method, columns, path));
  findings.push(...parameterFindings(index, method, path));
  return findings;
};

export const checkIndexes = (ctx: ValidationContext): Finding[] => [
  ...ctx.catalog.tables.flatMap((t) => (t.indexes ?? []).flatMap((i) => indexFindings(ctx, t, i))),
  ...ctx.catalog.views.flatMap((v) => {
    if (!v.indexes?.length) return [];
    if (!v.materialized) {
      return [
        error(
          "view-index-not-materialized",
          objectPath(v.schema, v.name),
          `view ${v.schema}.${v.name} declares indexes but is not materialized`,
          "make it a materializedView(...), or drop the indexes",
        ),
      ];
    }
    // with declared output columns the keys can be checked; without, only the index shape
    const columns = v.columns ?? [];
    return v.indexes.flatMap((i) =>
      indexFindings(ctx, { schema: v.schema, name: v.name, columns }, i).filter(
        (f) => v.columns !== undefined || (f.code !== "unknown-column" && f.code !== "vector-index-type"),
      ),
    );
  }),
];
