/**
 * Names in the generated code: a JavaScript constant per declared object (`data_sources` → `dataSources`)
 * and a file per PostgreSQL schema (`data_platform` → `data-platform.ts`). SQL names can be anything
 * (quotes, spaces, upper case, reserved words), so every name is checked and made unique.
 */

const RESERVED: ReadonlySet<string> = new Set(
  [
    "arguments await break case catch class const continue debugger default delete do else enum eval export",
    "extends false finally for function if implements import in instanceof interface let new null package",
    "private protected public return static super switch this throw true try typeof undefined var void while",
    "with yield NaN Infinity Object Array String Number Symbol BigInt Map Set Promise JSON Math Date",
    // the parameter of table option thunks, and the namespace-free helpers the renderers use
    "t",
  ]
    .join(" ")
    .split(" "),
);

/** Everything the generated modules may import from the DSL: locals never shadow these. */
export const DSL_NAMES: readonly string[] = [
  "byHash",
  "daily",
  "monthly",
  "yearly",
  "byList",
  "byRange",
  "check",
  "collation",
  "column",
  "defaultPartition",
  "defaultPrivileges",
  "defineCatalog",
  "domain",
  "enumType",
  "exclude",
  "extension",
  "fn",
  "foreignKey",
  "grant",
  "hashPartition",
  "index",
  "IndexKey",
  "key",
  "listPartition",
  "materializedView",
  "policy",
  "primaryKey",
  "rangePartition",
  "role",
  "schema",
  "sequence",
  "sql",
  "table",
  "trigger",
  "type",
  "unique",
  "view",
  ...[
    "bigint bigserial boolean bytea char cidr citext date daterange doublePrecision halfvec inet int4range int8range",
    "integer interval json jsonb macaddr numeric real serial smallint smallserial sparsevec text time timestamp",
    "timestamptz timetz tsquery tstzrange tsvector uuid varchar vector",
  ]
    .join(" ")
    .split(" "),
];

/** `data_sources` → `dataSources`, `Weird "Name"` → `weirdName`; empty when nothing usable is left. */
export const camelCase = (name: string): string => {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const joined = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
  return joined === "" || /^[\p{ID_Start}$_]/u.test(joined) ? joined : `_${joined}`;
};

/** Hands out unique constant names within one module. */
export class Namer {
  private readonly taken = new Set<string>([...RESERVED, ...DSL_NAMES]);

  /** Reserve a name (an import) so locals avoid it. */
  reserve(name: string): void {
    this.taken.add(name);
  }

  /** `base` when free, else `base` + `kind` (`selectTable`), else numbered (`users2`). */
  name(sqlName: string, kind: string): string {
    const base = camelCase(sqlName) || kind;
    const candidates = [base, `${base}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`];
    for (const candidate of candidates) {
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
    for (let n = 2; ; n++) {
      const candidate = `${candidates[1]}${n}`;
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
  }
}

const SHARED_FILES = new Set(["index", "roles", "extensions"]);

/** One file name per schema (`data_platform` → `data-platform.ts`), distinct from each other and the shared files. */
export const schemaFileNames = (schemas: readonly string[]): Map<string, string> => {
  const used = new Set(SHARED_FILES);
  const out = new Map<string, string>();
  for (const schema of schemas) {
    const kebab =
      schema
        .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "schema";
    let name = used.has(kebab) ? `${kebab}-schema` : kebab;
    for (let n = 2; used.has(name); n++) name = `${kebab}-schema-${n}`;
    used.add(name);
    out.set(schema, name);
  }
  return out;
};
