import ts from "typescript";

/**
 * A generated Kysely types file read back as data, so ours and kysely-codegen's can be compared
 * column by column: `DB` keys → interface name → property → type text, plus every string-union alias.
 */
export interface TypesModel {
  /** DB key → interface name */
  readonly relations: ReadonlyMap<string, string>;
  /** interface name → column → type text as written */
  readonly interfaces: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** alias name → its string-literal members (enums) */
  readonly unions: ReadonlyMap<string, readonly string[]>;
}

const nameOf = (name: ts.PropertyName, source: ts.SourceFile): string =>
  ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : name.getText(source);

export const readTypesModel = (text: string): TypesModel => {
  const source = ts.createSourceFile("db.ts", text, ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, Map<string, string>>();
  const unions = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const members = new Map<string, string>();
      for (const member of statement.members) {
        if (ts.isPropertySignature(member) && member.type) {
          members.set(nameOf(member.name, source), member.type.getText(source).replaceAll(/\s+/g, " "));
        }
      }
      interfaces.set(statement.name.text, members);
    } else if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
      const literals = statement.type.types.filter(
        (t): t is ts.LiteralTypeNode => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal),
      );
      if (literals.length === statement.type.types.length) {
        unions.set(
          statement.name.text,
          literals.map((l) => (l.literal as ts.StringLiteral).text),
        );
      }
    }
  }
  const db = interfaces.get("DB") ?? new Map<string, string>();
  interfaces.delete("DB");
  return { relations: db, interfaces, unions };
};

/** A column's type split into what the comparison cares about. */
export interface ColumnShape {
  readonly wrapper: "none" | "Generated" | "GeneratedAlways";
  readonly nullable: boolean;
  readonly base: string;
}

export const columnShape = (type: string): ColumnShape => {
  const wrapped = /^(Generated|GeneratedAlways)<(.*)>$/.exec(type);
  const wrapper = (wrapped?.[1] as ColumnShape["wrapper"] | undefined) ?? "none";
  const inner = wrapped ? (wrapped[2] as string) : type;
  const parts = inner.split(" | ");
  const nullable = parts.includes("null");
  return { wrapper, nullable, base: parts.filter((p) => p !== "null").join(" | ") };
};
