/**
 * Types named by columns, domains and function signatures must exist: a qualified type is a declared enum or
 * domain, or a type of a declared extension in that schema; an unqualified one is built in.
 */
import { functionSignature, objectPath } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding, warning } from "./finding.js";
import { BUILTIN_TYPES, EXTENSION_TYPE_NAMES, parseType, VECTOR_LIMITS } from "./types.js";

/** Findings about one type used at `path`. */
export const typeFindings = (ctx: ValidationContext, type: string, path: string): Finding[] => {
  const t = parseType(type);
  if (t.schema === undefined) {
    if (BUILTIN_TYPES.has(t.name)) return builtinModifierFindings(t.name, t.modifiers, path);
    const extension = Object.entries(EXTENSION_TYPE_NAMES).find(([, names]) => names.includes(t.name))?.[0];
    return [
      extension
        ? error(
            "unqualified-extension-type",
            path,
            `type ${type} comes from extension ${extension} and must be schema-qualified in the catalog`,
            `write it qualified with the extension's schema, e.g. ${ctx.extensionSchema(extension) ?? "public"}.${type}`,
          )
        : warning(
            "unknown-type",
            path,
            `type ${type} is not a built-in type this validator knows`,
            "check the spelling; declare enums/domains and use their handles so the type is qualified",
          ),
    ];
  }
  if (ctx.enumValues(t.schema, t.name) || ctx.domainExists(t.schema, t.name)) return [];
  // every table, view and sequence is also a composite type (`RETURNS SETOF app.tickets`)
  if (ctx.relationExists(t.schema, t.name)) return [];
  const extension = Object.entries(EXTENSION_TYPE_NAMES).find(([, names]) => names.includes(t.name))?.[0];
  if (extension) {
    const declaredIn = ctx.extensionSchema(extension);
    if (declaredIn === undefined) {
      return [
        error(
          "unknown-type",
          path,
          `type ${type} needs extension "${extension}", which is not declared`,
          `declare it: extension("${extension}", { schema: "${t.schema}" })`,
        ),
      ];
    }
    if (declaredIn !== t.schema) {
      return [
        error(
          "unknown-type",
          path,
          `type ${type} is qualified with schema "${t.schema}" but extension "${extension}" is declared in "${declaredIn}"`,
          `use ${declaredIn}.${t.name}, or declare the extension in schema "${t.schema}"`,
        ),
      ];
    }
    return vectorFindings(t.name, t.modifiers, path, type);
  }
  return [
    error(
      "unknown-type",
      path,
      `type ${type} is neither a declared enum, domain or table row type nor a type of a declared extension`,
      `declare enumType("${t.schema}", "${t.name}", [...]) or domain(...), or fix the name`,
    ),
  ];
};

const vectorFindings = (name: string, modifiers: readonly number[], path: string, type: string): Finding[] => {
  const limits = VECTOR_LIMITS[name];
  const [dims] = modifiers;
  if (!limits || dims === undefined) return [];
  if (Number.isInteger(dims) && dims >= 1 && dims <= limits.max) return [];
  return [
    error(
      "vector-dimensions",
      path,
      `${type} has ${dims} dimensions; ${name} allows 1 to ${limits.max}`,
      `use a dimension count between 1 and ${limits.max} (the embedding model's output size, e.g. 1536)`,
    ),
  ];
};

const builtinModifierFindings = (name: string, modifiers: readonly number[], path: string): Finding[] => {
  const [first, second] = modifiers;
  if (first === undefined) return [];
  if ((name === "character varying" || name === "character") && !(first >= 1 && first <= 10485760)) {
    return [error("type-modifier", path, `${name}(${first}) has an invalid length`, "use a length from 1 to 10485760")];
  }
  if (name === "numeric") {
    if (!(first >= 1 && first <= 1000)) {
      return [
        error("type-modifier", path, `numeric precision ${first} is out of range`, "use a precision from 1 to 1000"),
      ];
    }
    if (second !== undefined && !(second >= -1000 && second <= 1000)) {
      return [
        error("type-modifier", path, `numeric scale ${second} is out of range`, "use a scale from -1000 to 1000"),
      ];
    }
  }
  if (/^time(stamp)? with(out)? time zone$/.test(name) && !(first >= 0 && first <= 6)) {
    return [error("type-modifier", path, `${name} precision ${first} is out of range`, "use a precision from 0 to 6")];
  }
  return [];
};

/** `SETOF x` → x; `TABLE(a int, b text)` → its column types. */
const returnTypes = (returns: string): string[] => {
  const setof = /^setof\s+(.+)$/i.exec(returns.trim());
  if (setof?.[1]) return [setof[1]];
  const tableReturn = /^table\s*\((.*)\)$/is.exec(returns.trim());
  if (tableReturn?.[1]) {
    return splitTopLevel(tableReturn[1]).map((col) => col.trim().replace(/^("(?:[^"]|"")+"|\S+)\s+/, ""));
  }
  return [returns];
};

const splitTopLevel = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
};

export const checkTypeReferences = (ctx: ValidationContext): Finding[] => {
  const c = ctx.catalog;
  return [
    ...c.tables.flatMap((t) =>
      t.columns.flatMap((col) => typeFindings(ctx, col.type, objectPath(t.schema, t.name, col.name))),
    ),
    ...c.domains.flatMap((d) => typeFindings(ctx, d.type, objectPath(d.schema, d.name))),
    ...c.functions.flatMap((f) => [
      ...f.args.flatMap((a) => typeFindings(ctx, a.type, objectPath(functionSignature(f), a.name ?? a.type))),
      ...returnTypes(f.returns).flatMap((r) => typeFindings(ctx, r, functionSignature(f))),
    ]),
  ];
};
