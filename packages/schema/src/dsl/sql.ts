/**
 * The `sql` template tag: SQL expressions (defaults, checks, WHERE, policies, view bodies) written as text,
 * with DSL handles interpolated safely.
 *
 * Interpolations print as:
 * - a column (`${t.email}`) → its quoted name, `email`;
 * - a table, view or sequence → its qualified name (`auth.users`); a sequence prints as `'auth.s'::regclass`
 *   so `nextval(${seq})` works;
 * - a function → its qualified name (`${uuidV7}()` → `public.uuid_generate_v7()`);
 * - an enum or domain → its qualified type name (`'x'::${status}`);
 * - another `sql` fragment → its text;
 * - a string → a quoted literal (`'it''s'`), a number/bigint/boolean → itself.
 * Use `sql.raw(text)` to splice text verbatim and `sql.ident(name)` for an identifier.
 *
 * @example
 * sql`lower(${t.email})`            // lower(email)
 * sql`${t.status} <> ${"deleted"}`  // status <> 'deleted'
 * sql`now()`
 */
import { isRenderable, type SqlFragment, type SqlReference, type SqlRenderable, TO_SQL } from "./declaration.js";
import { quoteIdent, quoteLiteral } from "./quote.js";

export const SQL_EXPRESSION: unique symbol = Symbol.for("@platform/schema/dsl/sql");

export interface SqlExpression extends SqlRenderable, SqlFragment {
  readonly [SQL_EXPRESSION]: true;
}

export type SqlValue = SqlRenderable | string | number | bigint | boolean;

const expression = (text: string, references: readonly SqlReference[]): SqlExpression => {
  const fragment = { text, references };
  return { [SQL_EXPRESSION]: true, text, references, [TO_SQL]: () => fragment };
};

const renderValue = (value: SqlValue): SqlFragment => {
  if (isRenderable(value)) return value[TO_SQL]();
  if (typeof value === "string") return { text: quoteLiteral(value), references: [] };
  return { text: String(value), references: [] };
};

export const isSqlExpression = (value: unknown): value is SqlExpression =>
  typeof value === "object" && value !== null && SQL_EXPRESSION in value;

const sqlTag = (strings: TemplateStringsArray, ...values: readonly SqlValue[]): SqlExpression => {
  let text = strings[0] ?? "";
  const references: SqlReference[] = [];
  values.forEach((value, i) => {
    const fragment = renderValue(value);
    text += fragment.text + (strings[i + 1] ?? "");
    references.push(...fragment.references);
  });
  return expression(text, references);
};

export const sql: typeof sqlTag & {
  readonly raw: (text: string) => SqlExpression;
  readonly ident: (name: string) => SqlExpression;
} = Object.assign(sqlTag, {
  raw: (text: string): SqlExpression => expression(text, []),
  ident: (name: string): SqlExpression => expression(quoteIdent(name), []),
});

/** Distinct column names an expression mentions, in first-mention order. */
export const referencedColumns = (fragment: SqlFragment): string[] => [
  ...new Set(fragment.references.flatMap((r) => (r.kind === "column" ? [r.name] : []))),
];
