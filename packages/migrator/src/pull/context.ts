/**
 * What the renderers share: which module declares each object under which constant, how one module
 * refers to another's objects, and which DSL functions each module imports.
 *
 * Modules import each other as namespaces (`import * as auth from "./auth.js"`, `auth.users.id`), so names
 * never collide. ES modules may import each other in a cycle as long as neither reads the other's exports
 * while it is being evaluated: references inside table option thunks (foreign keys, triggers) are always
 * safe; references evaluated at the top level (a column typed by another schema's enum, a view reading
 * another schema's table) are used only when the other module cannot import this one back.
 */
import { type Catalog, compareKeys, quoteQualified } from "@platform/schema";
import { type Code, call, member, str } from "./code.js";
import { camelCase, Namer, schemaFileNames } from "./names.js";

export interface ModuleState {
  readonly file: string;
  /** the PostgreSQL schema of the module; undefined for the shared modules (roles, extensions) */
  readonly schema: string | undefined;
  readonly namer: Namer;
  readonly dsl: Set<string>;
  /** schema → alias of the namespace import */
  readonly imports: Map<string, string>;
  readonly roleImports: Set<string>;
}

export interface ObjectRef {
  readonly schema: string;
  readonly name: string;
}

const key = (schema: string, name: string): string => `${schema}\u0000${name}`;

export class PullContext {
  readonly modules = new Map<string, ModuleState>();
  readonly files: Map<string, string>;
  private readonly aliases = new Map<string, string>();
  private readonly roleNames = new Map<string, string>();
  private readonly symbols = new Map<string, Map<string, string>>();
  /** schema → schemas its module refers to (anywhere) */
  private readonly graph = new Map<string, Set<string>>();
  /** quoted qualified type name (`auth.user_status`) → the enum or domain */
  /** what could not be declared (a foreign key to a table that was not pulled), for the CLI to print */
  readonly warnings: string[] = [];
  readonly userTypes = new Map<string, ObjectRef & { readonly kind: "enum" | "domain" }>();

  constructor(
    readonly catalog: Catalog,
    readonly importFrom: string,
    schemas: readonly string[],
  ) {
    this.files = schemaFileNames(schemas);
    // one namer for roles and module aliases: every module may import any of them
    const shared = new Namer();
    for (const r of catalog.roles) {
      const base = camelCase(r.name);
      this.roleNames.set(r.name, shared.name(/role$/i.test(base) ? base : `${base}_role`, "role"));
    }
    for (const schema of schemas) this.aliases.set(schema, shared.name(schema, "schema"));
    for (const e of catalog.enums) this.userTypes.set(quoteQualified(e.schema, e.name), { ...e, kind: "enum" });
    for (const d of catalog.domains) this.userTypes.set(quoteQualified(d.schema, d.name), { ...d, kind: "domain" });
  }

  /** The module of a schema (created on first use), its namer reserving every name it may import. */
  module(schema: string): ModuleState {
    const file = this.files.get(schema) as string;
    return this.moduleFor(file, schema);
  }

  moduleFor(file: string, schema: string | undefined): ModuleState {
    let m = this.modules.get(file);
    if (!m) {
      const namer = new Namer();
      for (const name of this.roleNames.values()) namer.reserve(name);
      for (const [s, alias] of this.aliases) if (s !== schema) namer.reserve(alias);
      m = { file, schema, namer, dsl: new Set(), imports: new Map(), roleImports: new Set() };
      this.modules.set(file, m);
    }
    return m;
  }

  roleConst(role: string): string | undefined {
    return this.roleNames.get(role);
  }

  /** Give an object of a schema its constant. */
  declare(schema: string, objectName: string, kind: string, sqlName = objectName): string {
    const name = this.module(schema).namer.name(sqlName, kind);
    let bySchema = this.symbols.get(schema);
    if (!bySchema) {
      bySchema = new Map();
      this.symbols.set(schema, bySchema);
    }
    bySchema.set(key(kind, objectName), name);
    return name;
  }

  constName(schema: string, objectName: string, kind: string): string | undefined {
    return this.symbols.get(schema)?.get(key(kind, objectName));
  }

  /** Record that `from`'s module mentions something of `to`'s (for the cycle check). */
  link(from: string, to: string): void {
    if (from === to) return;
    let set = this.graph.get(from);
    if (!set) {
      set = new Set();
      this.graph.set(from, set);
    }
    set.add(to);
  }

  private reaches(from: string, to: string): boolean {
    const seen = new Set<string>();
    const pending = [from];
    while (pending.length > 0) {
      const s = pending.pop() as string;
      if (s === to) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      pending.push(...(this.graph.get(s) ?? []));
    }
    return false;
  }

  /**
   * How `m` spells the constant of another object (`users`, `auth.users`), or undefined when it cannot
   * use it at the top level without an import cycle.
   */
  ref(m: ModuleState, schema: string, objectName: string, kind: string, topLevel: boolean): string | undefined {
    const name = this.constName(schema, objectName, kind);
    if (name === undefined) return undefined;
    if (m.schema === schema) return name;
    if (topLevel && m.schema !== undefined && this.reaches(schema, m.schema)) return undefined;
    const alias = this.aliases.get(schema) as string;
    m.imports.set(schema, alias);
    return member(alias, name);
  }

  /** A role by its constant from roles.ts, or its name as a string (PUBLIC, roles the Catalog does not hold). */
  role(m: ModuleState, role: string): Code {
    const name = this.roleNames.get(role);
    if (name === undefined || m.file === "roles") return str(role);
    m.roleImports.add(name);
    return { kind: "raw", text: name };
  }

  /** A DSL function call, recording the import. */
  dsl(m: ModuleState, name: string, ...args: readonly Code[]): Code {
    m.dsl.add(name);
    return call(name, ...args);
  }

  /** The DSL name as a value (`sql`, `key`), recording the import. */
  use(m: ModuleState, name: string): string {
    m.dsl.add(name);
    return name;
  }

  roleFileNames(): readonly string[] {
    return [...this.roleNames.values()].sort(compareKeys);
  }
}
