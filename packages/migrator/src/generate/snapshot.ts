import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Catalog, compareKeys, emptyCatalog } from "@platform/schema";
import { MigratorError } from "../errors/index.js";

/** `0007_snapshot.json`: the Catalog the migrations up to and including 0007 lead to. */
export const SNAPSHOT_FILE = /^(\d+)_snapshot\.json$/;

export interface Snapshot {
  /** the numeric prefix as written (`0007`); undefined when there is no snapshot yet */
  readonly version?: string;
  readonly path?: string;
  readonly catalog: Catalog;
}

/** The newest snapshot in `dir`, or the empty Catalog when there is none (or no directory yet). */
export const readLatestSnapshot = async (dir: string): Promise<Snapshot> => {
  const names = await listMatching(dir, SNAPSHOT_FILE);
  const latest = names.at(-1);
  if (latest === undefined) return { catalog: emptyCatalog() };
  const path = join(dir, latest.name);
  const text = await readFile(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw snapshotError(path, "is not valid JSON", cause);
  }
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) throw snapshotError(path, `is not a Catalog: ${parsed.error.issues[0]?.message ?? ""}`);
  return { version: latest.version, path, catalog: parsed.data };
};

const snapshotError = (path: string, problem: string, cause?: unknown) =>
  new MigratorError({
    code: "snapshot_invalid",
    path,
    message: `the snapshot ${path} ${problem}`,
    fix: "restore it from version control (it is written by `migrate generate`, never by hand)",
    exitCode: 2,
    ...(cause !== undefined ? { cause } : {}),
  });

/** Files in `dir` whose name matches `pattern` (first group: the version), by numeric version. */
export const listMatching = async (
  dir: string,
  pattern: RegExp,
): Promise<Array<{ readonly name: string; readonly version: string }>> => {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  return entries
    .flatMap((name) => {
      const match = pattern.exec(name);
      return match ? [{ name, version: match[1] as string }] : [];
    })
    .sort((a, b) => Number(a.version) - Number(b.version) || compareKeys(a.name, b.name));
};

/**
 * The snapshot as written: keys sorted at every level, two-space indented, one trailing newline, and
 * without rename hints (they describe a step, not a state). Same Catalog → byte-identical file.
 */
export const serializeSnapshot = (catalog: Catalog): string =>
  `${JSON.stringify(
    catalog,
    (key, value: unknown) => {
      if (key === "renamedFrom") return undefined;
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareKeys(a, b)),
        );
      }
      return value;
    },
    2,
  )}\n`;
