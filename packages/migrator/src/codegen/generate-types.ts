import { compareKeys, type RelationShapes } from "@platform/schema/shapes";
import { type HelperName, helpers } from "./helpers.js";
import { CodegenError } from "./issues.js";
import { assignSymbolNames, propertyKey, relationId } from "./naming.js";
import { type TypedColumn, type TypedRelation, typedRelations } from "./relations.js";
import { enumKey, typeContext } from "./type-map.js";

export interface GenerateTypesOptions {
  /** the command named in the header as the way to regenerate the file */
  readonly command?: string;
  /** the command the header names as the staleness check (default: `<command> --check`) */
  readonly checkCommand?: string;
  /** where the Catalog came from, for the header */
  readonly source?: string;
}

const lineWidth = 120;

/** Symbols the file declares itself; a table or enum with the same name gets a suffix (`Json2`). */
const reservedNames: ReadonlySet<string> = new Set([
  ...Object.keys(helpers),
  "ArrayTypeImpl",
  "ColumnCodecs",
  "ColumnType",
  "DB",
  "JsonArray",
  "JsonObject",
  "JsonPrimitive",
  "JsonValue",
  "SelectType",
]);

const symbolNames = (catalog: RelationShapes): ReadonlyMap<string, string> => {
  const symbols = [
    ...catalog.enums.map((e) => ({ key: `enum:${enumKey(e)}`, id: relationId(e.schema, e.name) })),
    ...[...catalog.tables, ...catalog.views].map((r) => ({
      key: `relation:${relationId(r.schema, r.name)}`,
      id: relationId(r.schema, r.name),
    })),
  ].sort((a, b) => compareKeys(a.id, b.id) || compareKeys(a.key, b.key));
  return assignSymbolNames(symbols, reservedNames);
};

const docComment = (text: string, indent: string): string => {
  const lines = text.replaceAll("*/", "*\\/").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
};

const columnTypeText = (column: TypedColumn): string => {
  const value = column.nullable ? `${column.text} | null` : column.text;
  switch (column.writability) {
    case "writable":
      return value;
    case "defaulted":
      return `Generated<${value}>`;
    case "always-generated":
      return `GeneratedAlways<${value}>`;
  }
};

const renderUnion = (name: string, members: readonly string[]): string => {
  const head = `export type ${name} =`;
  if (members.length === 0) return `${head} never;`;
  const oneLine = `${head} ${members.join(" | ")};`;
  if (oneLine.length <= lineWidth) return oneLine;
  return `${head}\n${members.map((m) => `  | ${m}`).join("\n")};`;
};

/** An interface as Biome formats it; an empty one (no relations yet, a table without columns) is `{}`. */
const interfaceDeclaration = (name: string, body: string): string =>
  body === ""
    ? `// biome-ignore lint/suspicious/noEmptyInterface: generated from a Catalog with nothing to list\nexport interface ${name} {}`
    : `export interface ${name} {\n${body}\n}`;

const renderInterface = (name: string, relation: TypedRelation): string => {
  const comment = relation.comment ? docComment(relation.comment, "") : "";
  const body = relation.columns
    .map((c) => `${c.comment ? docComment(c.comment, "  ") : ""}  ${propertyKey(c.name)}: ${columnTypeText(c)};`)
    .join("\n");
  return `${comment}${interfaceDeclaration(name, body)}`;
};

const usedHelpers = (relations: readonly TypedRelation[]): HelperName[] => {
  const used = new Set<HelperName>();
  for (const column of relations.flatMap((r) => r.columns)) {
    for (const h of column.helpers) used.add(h as HelperName);
    if (column.writability === "defaulted") used.add("Generated");
    if (column.writability === "always-generated") used.add("GeneratedAlways");
  }
  return [...used].sort(compareKeys);
};

const renderImports = (helperSources: string): string => {
  const names = ["ColumnType", "SelectType"].filter((n) => new RegExp(`\\b${n}<`).test(helperSources));
  return names.length === 0 ? "" : `import type { ${names.join(", ")} } from "kysely";`;
};

const renderCodecs = (relations: readonly TypedRelation[]): string => {
  const entries = relations
    .map((r) => ({ id: r.id, columns: r.columns.filter((c) => c.codec) }))
    .filter((r) => r.columns.length > 0)
    .map((r) => {
      const columns = r.columns.map((c) => `    ${propertyKey(c.name)}: "${c.codec}",`).join("\n");
      return `  ${propertyKey(r.id)}: {\n${columns}\n  },`;
    });
  return [
    "/** Which values a column holds that the drivers would send in the wrong text form; createDb serialises them. */",
    'export type ColumnCodecs = { readonly [relation: string]: { readonly [column: string]: "json" | "vector" } };',
    "",
    "/** Runtime data for createDb (@platform/types): json/jsonb and pgvector columns of each relation. */",
    entries.length === 0
      ? "export const columnCodecs: ColumnCodecs = {};"
      : `export const columnCodecs: ColumnCodecs = {\n${entries.join("\n")}\n};`,
  ].join("\n");
};

/**
 * The content of packages/types/src/db.ts for a Catalog: Kysely's `DB` interface with one interface
 * per table, view and materialized view, exported enum unions, and the helper types they use. Pure
 * and deterministic: the same Catalog gives byte-identical text. Throws `CodegenError` listing every
 * column whose type has no mapping and every view that declares no columns.
 *
 * @example
 * writeFileSync("packages/types/src/db.ts", generateTypes(platform));
 */
export const generateTypes = (catalog: RelationShapes, options: GenerateTypesOptions = {}): string => {
  const command = options.command ?? "pnpm migrate types";
  const checkCommand = options.checkCommand ?? `${command} --check`;
  const source = options.source ?? "the declarations in @platform/schema";
  const names = symbolNames(catalog);
  const enumSymbols = new Map(catalog.enums.map((e) => [enumKey(e), names.get(`enum:${enumKey(e)}`) as string]));
  const { relations, issues } = typedRelations(catalog, typeContext(catalog, enumSymbols));
  if (issues.length > 0) throw new CodegenError(issues);

  const helperSources = usedHelpers(relations).map((h) => helpers[h].source);
  const enums = [...catalog.enums]
    .map((e) => ({ name: enumSymbols.get(enumKey(e)) as string, values: e.values }))
    .sort((a, b) => compareKeys(a.name, b.name))
    .map((e) =>
      renderUnion(
        e.name,
        e.values.map((v) => JSON.stringify(v)),
      ),
    );
  const interfaces = relations
    .map((r) => ({ name: names.get(`relation:${r.id}`) as string, relation: r }))
    .sort((a, b) => compareKeys(a.name, b.name))
    .map((r) => renderInterface(r.name, r.relation));
  const db = interfaceDeclaration(
    "DB",
    relations.map((r) => `  ${propertyKey(r.id)}: ${names.get(`relation:${r.id}`)};`).join("\n"),
  );

  const header = [
    "/**",
    " * The platform database as Kysely sees it: one interface per table, view and materialized view,",
    " * keyed in `DB` by `schema.table` (the bare name in `public`).",
    " *",
    ` * Generated by \`${command}\` from ${source}: do not edit.`,
    ` * \`${checkCommand}\` (run in CI) fails when this file is stale.`,
    " */",
  ].join("\n");
  const sections = [header, renderImports(helperSources.join("\n")), ...helperSources, ...enums, ...interfaces, db];
  return `${[...sections.filter((s) => s !== ""), renderCodecs(relations)].join("\n\n")}\n`;
};
