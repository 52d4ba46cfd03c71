import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import { defaultEmbeddedDir } from "./repo.js";

export type Target =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "embedded"; readonly dir: string };

/** Flags, then the URLs file, then DATABASE_URL, then the embedded database. */
export const resolveTargets = async (options: Readonly<Record<string, unknown>>): Promise<readonly Target[]> => {
  const flags = (options.databaseUrl as readonly string[] | undefined) ?? [];
  const file = options.databaseUrlsFile as string | undefined;
  const fromFile = file === undefined ? [] : await readUrlsFile(file);
  const urls = [...flags, ...fromFile];
  if (urls.length > 0) return urls.map((url) => ({ kind: "url", url }));
  const env = process.env.DATABASE_URL;
  if (env !== undefined && env.trim() !== "") return [{ kind: "url", url: env.trim() }];
  const dir = options.embeddedDir as string | undefined;
  return [{ kind: "embedded", dir: dir === undefined ? defaultEmbeddedDir() : resolve(dir) }];
};

const readUrlsFile = async (file: string): Promise<readonly string[]> => {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new MigratorError({
      code: "usage",
      path: file,
      message: `cannot read --database-urls-file ${file}: ${error.message}`,
      fix: "pass a readable file with one PostgreSQL URL per line",
      exitCode: 2,
    });
  });
  const urls = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  if (urls.length === 0) {
    throw new MigratorError({
      code: "usage",
      path: file,
      message: `--database-urls-file ${file} lists no URLs`,
      fix: "write one PostgreSQL URL per line",
      exitCode: 2,
    });
  }
  return urls;
};

export const openTarget = async (target: Target): Promise<SqlClient> => {
  if (target.kind === "url") return (await import("../runner/connect.js")).connectTarget(target.url);
  return (await import("../embedded/index.js")).openEmbedded(target.dir);
};

export const labelOf = async (target: Target): Promise<string> =>
  target.kind === "url" ? (await import("../db/index.js")).redactUrl(target.url) : `pglite:${target.dir}`;
