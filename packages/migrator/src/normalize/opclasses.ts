/**
 * Default operator classes, which introspection does not report (pg_opclass.opcdefault) and a declaration
 * may still spell out. Only the types the platform uses are listed; an unlisted (method, type) pair keeps
 * its opclass, so the worst case is a reported difference, never a hidden one.
 */
const BTREE: Readonly<Record<string, string>> = {
  smallint: "int2_ops",
  integer: "int4_ops",
  bigint: "int8_ops",
  text: "text_ops",
  "character varying": "text_ops",
  uuid: "uuid_ops",
  boolean: "bool_ops",
  date: "date_ops",
  numeric: "numeric_ops",
  "timestamp with time zone": "timestamptz_ops",
  "timestamp without time zone": "timestamp_ops",
  jsonb: "jsonb_ops",
  bytea: "bytea_ops",
};

const BRIN: Readonly<Record<string, string>> = {
  integer: "int4_minmax_ops",
  bigint: "int8_minmax_ops",
  "timestamp with time zone": "timestamptz_minmax_ops",
  "timestamp without time zone": "timestamp_minmax_ops",
  date: "date_minmax_ops",
};

const GIN: Readonly<Record<string, string>> = { jsonb: "jsonb_ops", tsvector: "tsvector_ops" };

/** The default opclass of `method` for a column of canonical type `type`, when known. */
export const defaultOpclass = (method: string, type: string | undefined): string | undefined => {
  if (type === undefined) return undefined;
  const base = type.replace(/\(.*\)$/, "");
  if (method === "btree") return BTREE[base];
  if (method === "brin") return BRIN[base];
  if (method === "gin") return type.endsWith("[]") ? "array_ops" : GIN[base];
  if (method === "hnsw" || method === "ivfflat") {
    if (/\.vector(\(\d+\))?$/.test(type)) return "vector_l2_ops";
    if (/\.halfvec(\(\d+\))?$/.test(type)) return "halfvec_l2_ops";
  }
  return undefined;
};
