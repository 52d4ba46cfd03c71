/**
 * `pull`: a Catalog (read from a database that predates the project) written back as TypeScript
 * declarations in the DSL — one module per PostgreSQL schema, `roles.ts`, `extensions.ts` and an `index.ts`
 * exporting the lowered `catalog`. Pure and deterministic: the same Catalog gives byte-identical files.
 *
 * SQL text (defaults, checks, policies, index expressions and predicates, view bodies, function bodies,
 * partition bounds) goes through the DSL's `sql` template verbatim, and every constraint and index is
 * declared with its name, so lowering the files gives the Catalog back.
 *
 * @example
 * const files = catalogToDeclarations(await introspect(client));
 * for (const [path, source] of files) await writeFile(join(dir, path), source);
 * // index.ts: export const catalog = defineCatalog(extensions, roles, auth, dataPlatform);
 */
import { type Catalog, compareKeys } from "@platform/schema";
import { type Code, print, stringLiteral } from "./code.js";
import { type ModuleState, PullContext } from "./context.js";
import { Namer } from "./names.js";
import {
  collationCode,
  defaultPrivilegeCode,
  domainCode,
  enumCode,
  extensionCode,
  functionCode,
  roleCode,
  schemaCode,
  sequenceCode,
} from "./objects.js";
import { functionKey, tableCode } from "./tables.js";
import { viewCode } from "./views.js";

export interface PullOptions {
  /** where the generated modules import the DSL from (default `@platform/schema`) */
  readonly importFrom?: string;
  /** a line for each module's header, e.g. where the Catalog was read */
  readonly source?: string;
}

export interface PulledDeclarations {
  /** file path (relative to the output directory) → source, in path order */
  readonly files: ReadonlyMap<string, string>;
  /** objects that could not be declared, each naming the object and why */
  readonly warnings: readonly string[];
}

/** The files only; see `pullDeclarations` for the warnings too. */
export const catalogToDeclarations = (catalog: Catalog, options: PullOptions = {}): Map<string, string> =>
  new Map(pullDeclarations(catalog, options).files);

export const pullDeclarations = (catalog: Catalog, options: PullOptions = {}): PulledDeclarations => {
  const ctx = new PullContext(catalog, options.importFrom ?? "@platform/schema", schemasOf(catalog));
  declareAll(ctx);
  linkAll(ctx);
  const bodies = renderAll(ctx);
  const files = new Map<string, string>();
  for (const [file, body] of [...bodies].sort(([a], [b]) => compareKeys(a, b))) {
    files.set(`${file}.ts`, assemble(ctx, ctx.modules.get(file) as ModuleState, body, options.source));
  }
  files.set("index.ts", indexModule(ctx, [...bodies.keys()], options.source));
  return { files: new Map([...files].sort(([a], [b]) => compareKeys(a, b))), warnings: ctx.warnings };
};

const schemasOf = (c: Catalog): string[] =>
  [
    ...new Set([
      ...c.schemas.map((s) => s.name),
      ...[...c.collations, ...c.enums, ...c.domains, ...c.sequences, ...c.functions, ...c.tables, ...c.views].map(
        (o) => o.schema,
      ),
      ...c.defaultPrivileges.map((d) => d.schema),
    ]),
  ].sort(compareKeys);

/** Constants for every object first, so any module can refer to any other's. */
const declareAll = (ctx: PullContext): void => {
  const c = ctx.catalog;
  for (const s of c.schemas) ctx.declare(s.name, s.name, "schema");
  for (const o of c.collations) ctx.declare(o.schema, o.name, "collation");
  for (const o of c.enums) ctx.declare(o.schema, o.name, "enum");
  for (const o of c.domains) ctx.declare(o.schema, o.name, "domain");
  for (const o of c.sequences) ctx.declare(o.schema, o.name, "sequence");
  for (const o of c.functions) ctx.declare(o.schema, functionKey(o), "function", o.name);
  for (const o of c.tables) ctx.declare(o.schema, o.name, "table");
  for (const o of c.views) ctx.declare(o.schema, o.name, "view");
};

/** Which module mentions which: the graph `PullContext.ref` checks for import cycles. */
const linkAll = (ctx: PullContext): void => {
  const c = ctx.catalog;
  const types = (schema: string, ...typeNames: readonly string[]) => {
    for (const t of typeNames) {
      const user = ctx.userTypes.get(t.replace(/(\[\])+$/, ""));
      if (user) ctx.link(schema, user.schema);
    }
  };
  for (const d of c.domains) types(d.schema, d.type);
  for (const f of c.functions) types(f.schema, f.returns, ...f.args.map((a) => a.type));
  for (const t of c.tables) {
    types(t.schema, ...t.columns.map((col) => col.type));
    for (const f of t.foreignKeys ?? []) ctx.link(t.schema, f.references.schema);
    for (const tr of t.triggers ?? []) ctx.link(t.schema, tr.function.schema);
  }
  for (const v of c.views) {
    types(v.schema, ...(v.columns ?? []).map((col) => col.type));
    for (const d of v.dependsOn ?? []) ctx.link(v.schema, d.schema);
  }
};

type Rendered = readonly (readonly [name: string, code: Code])[];

const renderAll = (ctx: PullContext): Map<string, Rendered> => {
  const c = ctx.catalog;
  const out = new Map<string, [string, Code][]>();
  const emit = (m: ModuleState, name: string, code: Code) => {
    let list = out.get(m.file);
    if (!list) {
      list = [];
      out.set(m.file, list);
    }
    list.push([name, code]);
  };
  const shared = (file: string) => ctx.moduleFor(file, undefined);
  if (c.extensions.length > 0) {
    const m = shared("extensions");
    for (const e of c.extensions) emit(m, m.namer.name(e.name, "extension"), extensionCode(ctx, m, e));
  }
  if (c.roles.length > 0) {
    const m = shared("roles");
    for (const r of c.roles) emit(m, ctx.roleConst(r.name) as string, roleCode(ctx, m, r));
  }
  const inSchema = <T extends { readonly schema: string }>(
    items: readonly T[],
    kind: string,
    render: (m: ModuleState, item: T) => Code,
    keyOf: (item: T) => string = (item) => (item as unknown as { name: string }).name,
  ) => {
    for (const item of items) {
      const m = ctx.module(item.schema);
      emit(m, ctx.constName(item.schema, keyOf(item), kind) as string, render(m, item));
    }
  };
  for (const s of c.schemas) {
    const m = ctx.module(s.name);
    emit(m, ctx.constName(s.name, s.name, "schema") as string, schemaCode(ctx, m, s));
  }
  inSchema(c.collations, "collation", (m, o) => collationCode(ctx, m, o));
  inSchema(c.enums, "enum", (m, o) => enumCode(ctx, m, o));
  inSchema(domainsInOrder(c), "domain", (m, o) => domainCode(ctx, m, o));
  inSchema(c.sequences, "sequence", (m, o) => sequenceCode(ctx, m, o));
  inSchema(c.functions, "function", (m, o) => functionCode(ctx, m, o), functionKey);
  inSchema(c.tables, "table", (m, o) => tableCode(ctx, m, o));
  inSchema(viewsInOrder(c), "view", (m, o) => viewCode(ctx, m, o));
  for (const schema of new Set(c.defaultPrivileges.map((d) => d.schema))) {
    const m = ctx.module(schema);
    const privileges = c.defaultPrivileges.filter((d) => d.schema === schema);
    emit(m, m.namer.name("default_privileges", "grants"), {
      kind: "array",
      items: privileges.map((d) => defaultPrivilegeCode(ctx, m, d)),
    });
  }
  return out;
};

/** A domain over another domain comes after it (its handle is read when the module is evaluated). */
const domainsInOrder = (c: Catalog) => {
  const byKey = new Map(c.domains.map((d) => [`${d.schema}.${d.name}`, d]));
  const done = new Set<string>();
  const out: typeof c.domains = [];
  const visit = (d: (typeof c.domains)[number]) => {
    const k = `${d.schema}.${d.name}`;
    if (done.has(k)) return;
    done.add(k);
    const base = [...byKey.values()].find((o) => d.type.replace(/(\[\])+$/, "") === `${o.schema}.${o.name}`);
    if (base) visit(base);
    out.push(d);
  };
  c.domains.forEach(visit);
  return out;
};

/** Views after the views they read. */
const viewsInOrder = (c: Catalog) => {
  const byKey = new Map(c.views.map((v) => [`${v.schema}\u0000${v.name}`, v]));
  const done = new Set<string>();
  const out: typeof c.views = [];
  const visit = (v: (typeof c.views)[number]) => {
    const k = `${v.schema}\u0000${v.name}`;
    if (done.has(k)) return;
    done.add(k);
    for (const d of v.dependsOn ?? []) {
      const dep = byKey.get(`${d.schema}\u0000${d.name}`);
      if (dep) visit(dep);
    }
    out.push(v);
  };
  c.views.forEach(visit);
  return out;
};

const importLine = (names: readonly string[], from: string): string => {
  const flat = `import { ${names.join(", ")} } from ${stringLiteral(from)};`;
  if (flat.length <= 120) return flat;
  return `import {\n${names.map((n) => `  ${n},\n`).join("")}} from ${stringLiteral(from)};`;
};

const header = (what: string, source: string | undefined): string =>
  `/**\n * ${what}\n * Written by \`pnpm migrate pull\`${source ? ` from ${source}` : ""}; edit freely, it is yours now.\n */\n`;

const assemble = (ctx: PullContext, m: ModuleState, body: Rendered, source: string | undefined): string => {
  const imports = [importLine([...m.dsl].sort(compareImportNames), ctx.importFrom)];
  const relative = [
    ...[...m.imports].map(([schema, alias]) => [`./${ctx.files.get(schema)}.js`, `import * as ${alias} from`] as const),
    ...(m.roleImports.size > 0 ? [["./roles.js", ""] as const] : []),
  ].sort(([a], [b]) => compareKeys(a, b));
  for (const [path, head] of relative) {
    imports.push(
      head === "" ? importLine([...m.roleImports].sort(compareImportNames), path) : `${head} ${stringLiteral(path)};`,
    );
  }
  const what =
    m.schema !== undefined
      ? `The \`${m.schema.replaceAll("*/", "*\\/")}\` schema.`
      : m.file === "roles"
        ? "Cluster-wide roles the database refers to."
        : "Extensions installed in the database.";
  const declarations = body.map(([name, code]) => `export const ${name} = ${print(code, "", 16 + name.length, 1)};\n`);
  return `${header(what, source)}${imports.join("\n")}\n\n${declarations.join("\n")}`;
};

const compareImportNames = (a: string, b: string): number => compareKeys(a.toLowerCase(), b.toLowerCase());

const indexModule = (ctx: PullContext, files: readonly string[], source: string | undefined): string => {
  const order = (f: string) => (f === "extensions" ? "0" : f === "roles" ? "1" : `2${f}`);
  const sorted = [...files].sort((a, b) => compareKeys(order(a), order(b)));
  const namer = new Namer();
  namer.reserve("catalog");
  const aliases = sorted.map((file) => {
    const module = ctx.modules.get(file) as ModuleState;
    return [file, namer.name(module.schema ?? file, "module")] as const;
  });
  const imports = [
    importLine(["defineCatalog"], ctx.importFrom),
    ...[...aliases]
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([file, alias]) => `import * as ${alias} from ${stringLiteral(`./${file}.js`)};`),
  ];
  const call = print(
    { kind: "call", callee: "defineCatalog", args: aliases.map(([, a]) => ({ kind: "raw", text: a })) },
    "",
    24,
  );
  return `${header("The database as declarations: every module lowered into one validated Catalog.", source)}${imports.join("\n")}\n\nexport const catalog = ${call};\n`;
};
