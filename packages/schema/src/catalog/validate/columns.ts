/** Column-level rules: at least one column, identity/generated/default combinations, collations, enum defaults. */
import { objectPath } from "../identity.js";
import type { Column, QualifiedName, Table } from "../model.js";
import type { ValidationContext } from "./context.js";
import { mentionedColumns } from "./expressions.js";
import { error, type Finding } from "./finding.js";
import { INTEGER_TYPES, parseType, SERIAL_TYPES } from "./types.js";

export const collationFindings = (
  ctx: ValidationContext,
  collation: QualifiedName | undefined,
  path: string,
): Finding[] =>
  collation && !ctx.collationExists(collation.schema, collation.name)
    ? [
        error(
          "unknown-collation",
          path,
          `collation ${collation.schema}.${collation.name} is not declared`,
          `declare it: collation("${collation.schema}", "${collation.name}", { provider: "icu", locale: "..." }), or use a pg_catalog collation`,
        ),
      ]
    : [];

const COLLATABLE: ReadonlySet<string> = new Set(["text", "character varying", "character", "name", "citext"]);

/** Whether values of `type` have a collation (text-like types, arrays and domains of them). */
export const isCollatable = (ctx: ValidationContext, type: string, depth = 0): boolean => {
  const t = parseType(type);
  if (COLLATABLE.has(t.name)) return true;
  const domain = t.schema !== undefined ? ctx.domain(t.schema, t.name) : undefined;
  return domain !== undefined && depth < 8 && isCollatable(ctx, domain.type, depth + 1);
};

const columnFindings = (ctx: ValidationContext, table: Table, column: Column, generated: ReadonlySet<string>) => {
  const path = objectPath(table.schema, table.name, column.name);
  const type = parseType(column.type);
  const findings: Finding[] = [...collationFindings(ctx, column.collation, path)];
  if (column.collation && !isCollatable(ctx, column.type)) {
    findings.push(
      error(
        "collation-on-non-text",
        path,
        `column ${column.name} has type ${column.type}, which has no collation, but declares collation ${column.collation.schema}.${column.collation.name}`,
        "drop the collation, or make the column text/varchar",
      ),
    );
  }
  if (SERIAL_TYPES.has(type.name) && column.default !== undefined) {
    findings.push(
      error(
        "serial-with-default",
        path,
        `serial column ${column.name} also declares a DEFAULT; serial supplies nextval() itself`,
        "drop the default, or use bigint with the default you want",
      ),
    );
  }
  if (column.identity && (type.schema !== undefined || type.arrayDims > 0 || !INTEGER_TYPES.has(type.name))) {
    findings.push(
      error(
        "identity-not-integer",
        path,
        `identity column ${column.name} has type ${column.type}; identity columns must be smallint, integer or bigint`,
        "change the type to bigint (or integer), or drop the identity",
      ),
    );
  }
  if (column.identity && column.default !== undefined) {
    findings.push(
      error(
        "identity-with-default",
        path,
        `column ${column.name} is an identity column and also has a DEFAULT`,
        "drop the default; the identity supplies values",
      ),
    );
  }
  if (column.identity && SERIAL_TYPES.has(type.name)) {
    findings.push(
      error(
        "identity-with-default",
        path,
        `serial column ${column.name} cannot also be an identity`,
        "use bigint with an identity, or bigserial alone",
      ),
    );
  }
  if (column.generated !== undefined && (column.default !== undefined || column.identity)) {
    findings.push(
      error(
        "generated-with-default",
        path,
        `generated column ${column.name} also has a ${column.identity ? "identity" : "DEFAULT"}`,
        "a generated column computes its value; drop the default/identity",
      ),
    );
  }
  if (column.generated !== undefined) {
    const others = mentionedColumns(column.generated, generated).filter((c) => c !== column.name);
    const [other] = others;
    if (other !== undefined) {
      findings.push(
        error(
          "generated-references-generated",
          path,
          `generated column ${column.name} uses generated column ${other}; PostgreSQL does not allow that`,
          `compute ${column.name} from the base columns that ${other} is computed from`,
        ),
      );
    }
  }
  const enumType = type.schema !== undefined ? ctx.enumValues(type.schema, type.name) : undefined;
  const literal = column.default !== undefined ? /^'((?:[^']|'')*)'(::.*)?$/.exec(column.default) : null;
  if (enumType && type.arrayDims === 0 && literal?.[1] !== undefined) {
    const value = literal[1].replaceAll("''", "'");
    if (!enumType.includes(value)) {
      findings.push(
        error(
          "enum-default-unknown-value",
          path,
          `default '${value}' is not a value of enum ${type.schema}.${type.name} (${enumType.join(", ")})`,
          "use one of the enum's values, or add the value to the enum",
        ),
      );
    }
  }
  return findings;
};

export const checkColumns = (ctx: ValidationContext): Finding[] =>
  ctx.catalog.tables.flatMap((t) => {
    if (t.columns.length === 0) {
      return [
        error(
          "table-without-columns",
          objectPath(t.schema, t.name),
          `table ${t.schema}.${t.name} declares no columns`,
          "declare at least one column",
        ),
      ];
    }
    const generated = new Set(t.columns.filter((c) => c.generated !== undefined).map((c) => c.name));
    return t.columns.flatMap((c) => columnFindings(ctx, t, c, generated));
  });
