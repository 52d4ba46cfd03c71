/**
 * The one quoting helper of the SQL emitter. Every name and literal that reaches emitted SQL goes
 * through here, never through string concatenation, so a name with a `"` in it (or a space, upper
 * case, unicode, a reserved word) works everywhere.
 *
 * Identifiers are quoted only when needed, exactly as PostgreSQL's `quote_ident` / `format_type`
 * decide: the emitted SQL stays readable and names print the way introspection reads them back.
 */
import type { QualifiedName } from "@platform/schema";

/**
 * Keywords that are not UNRESERVED (categories reserved, col_name, type_func_name) in PostgreSQL 18's
 * `pg_get_keywords()`: `quote_ident` quotes exactly these. Older servers have a subset, and quoting a
 * word that does not need it is harmless.
 */
const NON_UNRESERVED_KEYWORDS: ReadonlySet<string> = new Set(
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

/** `quote_ident`'s safe set: lower-case ASCII letter or `_` first, then lower-case letters, digits, `_`. */
const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A value that cannot be written as SQL at all (empty identifier, NUL byte). */
export class UnquotableError extends Error {
  override readonly name = "UnquotableError";
  readonly code = "unquotable";
  readonly fix = "rename it: PostgreSQL names and strings cannot be empty (names) or contain NUL";
}

const assertRepresentable = (what: string, value: string): void => {
  if (value.includes("\u0000")) {
    throw new UnquotableError(`${what} ${JSON.stringify(value)} contains a NUL byte; PostgreSQL cannot store it`);
  }
};

/**
 * An identifier as SQL: quoted only when PostgreSQL's `quote_ident` would quote it.
 *
 * @example
 * quoteIdent("created_at") // created_at
 * quoteIdent("select") // "select"
 * quoteIdent('weird"name') // "weird""name"
 */
export const quoteIdent = (name: string): string => {
  const known = quoted.get(name);
  if (known !== undefined) return known;
  if (name === "") throw new UnquotableError("an identifier cannot be empty");
  assertRepresentable("identifier", name);
  const sql =
    SAFE_IDENTIFIER.test(name) && !NON_UNRESERVED_KEYWORDS.has(name) ? name : `"${name.replaceAll('"', '""')}"`;
  quoted.set(name, sql);
  return sql;
};

// A schema repeats the same few names (schemas, `id`, `created_at`) thousands of times.
const quoted = new Map<string, string>();

/** `{ schema: "auth", name: "users" }` → `auth.users`; `{ schema: "My S", name: "t" }` → `"My S".t` */
export const quoteQualified = (name: QualifiedName): string => `${quoteIdent(name.schema)}.${quoteIdent(name.name)}`;

/**
 * A string literal for a server with `standard_conforming_strings = on` (the default since 9.1):
 * quotes are doubled, backslashes are literal characters.
 *
 * @example
 * quoteLiteral("it's") // 'it''s'
 */
export const quoteLiteral = (value: string): string => {
  assertRepresentable("string literal", value);
  return `'${value.replaceAll("'", "''")}'`;
};

/** Role specifications that are keywords, not role names. */
const ROLE_KEYWORDS: Readonly<Record<string, string>> = {
  public: "PUBLIC",
  current_role: "CURRENT_ROLE",
  current_user: "CURRENT_USER",
  session_user: "SESSION_USER",
};

/** A grantee or policy role: `PUBLIC` (any case) and `CURRENT_USER` & co. are keywords, anything else a name. */
export const quoteRole = (role: string): string => ROLE_KEYWORDS[role.toLowerCase()] ?? quoteIdent(role);

/**
 * `body` between dollar quotes whose tag does not occur in it: `$function$`, else `$function_1$`, ...
 *
 * @example
 * dollarQuote("select 1", "function") // $function$select 1$function$
 */
export const dollarQuote = (body: string, tag: string): string => {
  let candidate = tag;
  for (let n = 1; body.includes(`$${candidate}$`) || body.endsWith(`$${candidate}`); n++) {
    candidate = `${tag}_${n}`;
  }
  return `$${candidate}$${body}$${candidate}$`;
};

/** One part of a dotted name read from SQL text: `"a""b"` → `a"b`, `auth` → `auth`. */
interface NamePart {
  readonly name: string;
  readonly end: number;
}

const readNamePart = (text: string, start: number): NamePart | undefined => {
  if (text[start] === '"') {
    let name = "";
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] !== '"') {
        name += text[i];
      } else if (text[i + 1] === '"') {
        name += '"';
        i++;
      } else {
        return { name, end: i + 1 };
      }
    }
    return undefined;
  }
  let end = start;
  while (end < text.length && !'.(["'.includes(text[end] as string)) end++;
  return end > start ? { name: text.slice(start, end), end } : undefined;
};

/**
 * A schema-qualified name at the start of `text` (each part quoted or bare), and the rest of the text.
 * Undefined when `text` does not start with `schema.name`.
 */
const readQualifiedPrefix = (text: string): { name: QualifiedName; rest: string } | undefined => {
  // Built-in types (`integer`, `character varying(255)`) have no dot: most texts end here.
  if (!text.includes(".")) return undefined;
  const schema = readNamePart(text, 0);
  if (!schema || text[schema.end] !== ".") return undefined;
  const name = readNamePart(text, schema.end + 1);
  if (!name) return undefined;
  return { name: { schema: schema.name, name: name.name }, rest: text.slice(name.end) };
};

/**
 * A type as SQL. Catalog types are `format_type` spellings: built-ins are unqualified and written as
 * they are (`character varying(255)`, `timestamp with time zone[]`, `serial`); user and extension types
 * are schema-qualified, and their schema and name are (re)quoted while modifiers and array brackets
 * are kept: `public.vector(1536)`, `auth."User Status"[]`.
 */
/** The `schema.name` a type string names, or undefined for a built-in (unqualified) type. */
export const typeName = (type: string): QualifiedName | undefined => readQualifiedPrefix(type)?.name;

export const renderType = (type: string): string => {
  assertRepresentable("type", type);
  const qualified = readQualifiedPrefix(type);
  return qualified ? `${quoteQualified(qualified.name)}${qualified.rest}` : type;
};

/**
 * An operator class, operator family or other object that is either unqualified (resolved through
 * `search_path`, as the Catalog stores `vector_cosine_ops`) or `schema.name`.
 */
export const renderMaybeQualified = (name: string): string => {
  const qualified = readQualifiedPrefix(name);
  if (qualified && qualified.rest === "") return quoteQualified(qualified.name);
  const single = readNamePart(name, 0);
  return single && single.end === name.length ? quoteIdent(single.name) : name;
};

/** `["a", "Select"]` → `a, "Select"` */
export const quoteIdentList = (names: readonly string[]): string => names.map(quoteIdent).join(", ");
