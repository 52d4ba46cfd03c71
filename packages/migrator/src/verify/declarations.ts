import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Catalog } from "@platform/schema";
import type { SqlClient } from "../db/client.js";
import { MigratorError } from "../errors/index.js";

/**
 * What a database is compared with. `platform` is the platform's declarations, in the variant the
 * database can hold: `vector: "auto"` (the default) takes the full platform when the database has
 * pgvector installed or its server offers it, and the variant without pgvector (`platformCatalog({ vector:
 * false })`) when the server cannot install it. `module` is a declarations module or Catalog JSON.
 */
export type DeclarationsSource =
  | { readonly kind: "platform"; readonly vector: "auto" | "yes" | "no" }
  | { readonly kind: "module"; readonly path: string };

export const PLATFORM_AUTO: DeclarationsSource = { kind: "platform", vector: "auto" };

/** The declarations source from CLI flags: `--declarations <module|file.json>`, `--vector auto|yes|no`. */
export const declarationsSourceOf = (options: Readonly<Record<string, unknown>>): DeclarationsSource => {
  const vector = (options.vector as string | undefined) ?? "auto";
  if (vector !== "auto" && vector !== "yes" && vector !== "no") {
    throw new MigratorError({
      code: "usage",
      path: "--vector",
      message: `--vector takes auto, yes or no, not ${JSON.stringify(vector)}`,
      fix: "pass --vector auto (default), --vector yes or --vector no",
      exitCode: 2,
    });
  }
  const module = options.declarations as string | undefined;
  return module === undefined ? { kind: "platform", vector } : { kind: "module", path: module };
};

const hasVector = async (client: SqlClient): Promise<boolean> => {
  const { rows } = await client.query<{ n: number | string }>(
    "SELECT count(*) AS n FROM pg_catalog.pg_available_extensions WHERE name = 'vector'",
  );
  return Number(rows[0]?.n ?? 0) > 0;
};

/** The declared Catalog for one database (the database decides the platform variant under `auto`). */
export const loadDeclarations = async (source: DeclarationsSource, client?: SqlClient): Promise<Catalog> => {
  if (source.kind === "module") return loadModule(source.path);
  const { platformCatalog } = await import("@platform/schema");
  const vector =
    source.vector === "auto" ? (client === undefined ? true : await hasVector(client)) : source.vector === "yes";
  return platformCatalog({ vector });
};

const unreadable = (path: string, detail: string, cause?: unknown): MigratorError =>
  new MigratorError({
    code: "declarations_unreadable",
    path,
    message: `cannot load declarations from ${path}: ${detail}`,
    fix: "pass a Catalog JSON file, or a module exporting `catalog` (a Catalog or a function returning one) or a default export of either",
    exitCode: 2,
    cause,
  });

/**
 * A `.json` file holding a Catalog, or an ES module exporting one as `catalog` or `default` (a value, or a
 * function returning one). TypeScript modules need a loader (run the CLI through `tsx`).
 */
export const loadModule = async (path: string): Promise<Catalog> => {
  const absolute = resolve(path);
  let value: unknown;
  try {
    if (absolute.endsWith(".json")) value = JSON.parse(await readFile(absolute, "utf8"));
    else {
      const mod = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
      const exported = mod.catalog ?? mod.default;
      value = typeof exported === "function" ? await (exported as () => unknown)() : exported;
    }
  } catch (cause) {
    throw unreadable(path, (cause as Error).message, cause);
  }
  const parsed = Catalog.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw unreadable(path, `not a Catalog (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"})`);
  }
  return parsed.data;
};
