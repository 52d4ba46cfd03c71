/**
 * Objects a declaration mentions through `sql` templates (`default(sql\`${uuidV7}()\`)`, a policy's
 * `EXISTS (SELECT 1 FROM ${groups} ...)`) must be declared too. The Catalog only keeps the SQL text, so this
 * is checked here, where the handles still say what they refer to.
 */
import { objectPath } from "../catalog/identity.js";
import { error, type Finding } from "../catalog/validate/finding.js";
import type { ColumnRef } from "./column.js";
import type { SqlReference } from "./declaration.js";
import type { FunctionHandle } from "./function.js";
import { isSqlExpression, type SqlExpression } from "./sql.js";
import { TABLE, type TableHandle } from "./table.js";
import type { ViewHandle } from "./view.js";

export interface DeclaredNames {
  readonly functions: ReadonlySet<string>;
  /** tables, partitions, views, sequences */
  readonly relations: ReadonlySet<string>;
  /** enums and domains */
  readonly types: ReadonlySet<string>;
}

const key = (schema: string, name: string): string => `${schema}.${name}`;

interface Mention {
  readonly path: string;
  readonly where: string;
  readonly expression: SqlExpression | undefined;
  /** set where only the table's own columns may appear (checks, generated columns, index keys) */
  readonly ownTable?: { readonly schema: string; readonly name: string };
}

/** A check, generated column or index can only read its own row. */
const foreignColumns = (mention: Mention): Finding[] => {
  const own = mention.ownTable;
  if (!own) return [];
  return (mention.expression?.references ?? []).flatMap((r): Finding[] =>
    r.kind === "column" && (r.table.schema !== own.schema || r.table.name !== own.name)
      ? [
          error(
            "foreign-column",
            mention.path,
            `${mention.where} uses column ${r.table.schema}.${r.table.name}.${r.name} of another table; it can only read its own row`,
            "use a column of this table (a trigger or a foreign key can relate rows of two tables)",
          ),
        ]
      : [],
  );
};

const undeclared = (names: DeclaredNames, mention: Mention): Finding[] =>
  (mention.expression?.references ?? []).flatMap((r: SqlReference): Finding[] => {
    if (r.kind === "column") return [];
    const id = key(r.schema, r.name);
    const [set, what, factory] =
      r.kind === "function"
        ? [names.functions, "function", "fn(...)"]
        : r.kind === "relation"
          ? [names.relations, "table, view or sequence", "its declaration"]
          : [names.types, "type", "enumType(...)/domain(...)"];
    if (set.has(id)) return [];
    return [
      error(
        r.kind === "function" ? "unknown-function" : r.kind === "relation" ? "unknown-relation" : "unknown-type",
        mention.path,
        `${mention.where} uses ${what} ${id}, which is not passed to defineCatalog`,
        `pass ${factory} for ${id} to defineCatalog along with the rest`,
      ),
    ];
  });

/** Only expressions that interpolate handles can mention anything; most columns have none, so skip them early. */
const mentions = (expression: SqlExpression | undefined): expression is SqlExpression =>
  expression !== undefined && expression.references.length > 0;

const tableMentions = (handle: TableHandle): Mention[] => {
  const def = handle[TABLE];
  const path = objectPath(def.schema, def.name);
  const options = def.options();
  const own = { schema: def.schema, name: def.name };
  const out: Mention[] = [];
  for (const name of Object.keys(def.columns)) {
    const ref = (handle as unknown as Record<string, ColumnRef | undefined>)[name];
    if (!ref) continue;
    const s = ref.builder.state;
    const at = objectPath(path, name);
    if (isSqlExpression(s.default) && mentions(s.default)) {
      out.push({ path: at, where: `the default of ${at}`, expression: s.default });
    }
    if (mentions(s.generated)) {
      out.push({ path: at, where: `the generated expression of ${at}`, expression: s.generated, ownTable: own });
    }
    for (const c of s.checks) {
      const expression = typeof c.expression === "function" ? c.expression(ref) : c.expression;
      if (mentions(expression)) out.push({ path: at, where: `a check on ${at}`, expression, ownTable: own });
    }
  }
  for (const c of options.checks ?? []) {
    if (mentions(c.expression))
      out.push({ path, where: `a check on ${path}`, expression: c.expression, ownTable: own });
  }
  for (const i of options.indexes ?? []) {
    for (const expression of [i.state.where, ...i.state.keys.map((k) => k.state.expression)]) {
      if (mentions(expression)) out.push({ path, where: `an index on ${path}`, expression, ownTable: own });
    }
  }
  for (const p of options.policies ?? []) {
    for (const expression of [p.using, p.withCheck]) {
      if (mentions(expression)) out.push({ path: objectPath(path, p.name), where: `policy ${p.name}`, expression });
    }
  }
  for (const t of options.triggers ?? []) {
    if (mentions(t.when)) out.push({ path: objectPath(path, t.name), where: `trigger ${t.name}`, expression: t.when });
  }
  return out;
};

export const referenceFindings = (
  names: DeclaredNames,
  tables: readonly TableHandle[],
  views: readonly ViewHandle[],
  functions: readonly FunctionHandle[],
): Finding[] =>
  [
    ...tables.flatMap(tableMentions),
    ...functions.map((f) => ({
      path: `${f.schema}.${f.name}`,
      where: `the body of ${f.schema}.${f.name}`,
      expression: typeof f.options.body === "string" ? undefined : f.options.body,
    })),
    ...views
      .map((v) => ({
        path: objectPath(v.schema, v.name),
        where: `view ${v.schema}.${v.name}`,
        expression: v.definition,
      }))
      // a view's relations are checked against the Catalog (`dependsOn`)
      .map((m) => ({
        ...m,
        expression: m.expression && {
          ...m.expression,
          references: m.expression.references.filter((r) => r.kind !== "relation"),
        },
      })),
  ].flatMap((m) => [...undeclared(names, m as Mention), ...foreignColumns(m as Mention)]);
