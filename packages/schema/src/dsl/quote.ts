/**
 * Identifier quoting the way PostgreSQL's `quote_ident` / `format_type` print names, so that names
 * the DSL writes into types and expressions are spelled like the ones introspection reads back.
 */

// Every keyword that is not UNRESERVED needs quotes (PostgreSQL's kwlist.h: reserved, col_name, type_func_name).
const QUOTED_KEYWORDS: ReadonlySet<string> = new Set(
  [
    // reserved
    "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create",
    "current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc",
    "distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral",
    "leading limit localtime localtimestamp not null offset on only or order placing primary references returning",
    "select session_user some symmetric system_user table then to trailing true union unique user using variadic",
    "when where window with",
    // col_name
    "between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int",
    "integer interval json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar",
    "json_serialize json_table json_value least merge_action national nchar none normalize nullif numeric out overlay",
    "position precision real row setof smallint substring time timestamp treat trim values varchar xmlattributes",
    "xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable",
    // type_func_name
    "authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left",
    "like natural notnull outer overlaps right similar tablesample verbose",
  ]
    .join(" ")
    .split(" "),
);

const SIMPLE_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/** `created_at` → `created_at`, `User` → `"User"`, `order` → `"order"`, `a"b` → `"a""b"`. */
export const quoteIdent = (name: string): string =>
  SIMPLE_IDENTIFIER.test(name) && !QUOTED_KEYWORDS.has(name) ? name : `"${name.replaceAll('"', '""')}"`;

/** `auth.user_status`, `"My Schema".t` */
export const quoteQualified = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** A SQL string literal: `it's` → `'it''s'`. Backslashes are literal (standard_conforming_strings). */
export const quoteLiteral = (value: string): string => `'${value.replaceAll("'", "''")}'`;
