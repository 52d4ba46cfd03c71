import { open, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Catalog, compareKeys, emptyCatalog } from "@platform/schema";
import { MigratorError } from "../errors/index.js";
import { MIGRATION_FILE_NAME } from "../files/index.js";
import { catalogText, rememberCatalogText, textHash } from "../plan/hash.js";

/** `0007_snapshot.json`: the Catalog the migrations up to and including 0007 lead to. */
export const SNAPSHOT_FILE = /^(\d+)_snapshot\.json$/;

export interface Snapshot {
  /** the numeric prefix as written (`0007`); undefined when there is no snapshot yet */
  readonly version?: string;
  readonly path?: string;
  readonly catalog: Catalog;
}

/** The newest snapshot in `dir`, or the empty Catalog when there is none (or no directory yet). */
export const readLatestSnapshot = async (dir: string, migrationsDir: string = dirname(dir)): Promise<Snapshot> => {
  const names = await listMatching(dir, SNAPSHOT_FILE);
  const latest = names.at(-1);
  if (latest === undefined) return { catalog: emptyCatalog() };
  const path = join(dir, latest.name);
  const [text, recorded] = await Promise.all([readFile(path, "utf8"), recordedHash(migrationsDir, latest.version)]);
  const hash = recorded === undefined ? undefined : textHash(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw snapshotError(path, "is not valid JSON", cause);
  }
  if (hash !== undefined && hash === recorded) {
    // Byte for byte the file generate wrote from a Catalog (the migration beside it names its hash):
    // it is a Catalog, and validating it again would cost more than the rest of an incremental generate.
    const catalog = json as Catalog;
    rememberCatalogText(catalog, text, hash);
    return { version: latest.version, path, catalog };
  }
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) throw snapshotError(path, `is not a Catalog: ${parsed.error.issues[0]?.message ?? ""}`);
  return { version: latest.version, path, catalog: parsed.data };
};

/**
 * The `-- to catalog sha256:...` line of the migration file numbered like the snapshot (the last file
 * of the generate that wrote it), or undefined when there is none (a hand-written file, no such file).
 */
const recordedHash = async (migrationsDir: string, version: string): Promise<string | undefined> => {
  const file = (await listMatching(migrationsDir, MIGRATION_FILE_NAME)).find((f) => f.version === version);
  if (file === undefined) return undefined;
  const handle = await open(join(migrationsDir, file.name), "r");
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEADER_BYTES), position: 0 });
    return TO_CATALOG.exec(buffer.toString("utf8", 0, bytesRead))?.[1];
  } finally {
    await handle.close();
  }
};

/** The header `renderMigrationFile` writes fits in this; the hash line is its third. */
const HEADER_BYTES = 512;
const TO_CATALOG = /^-- to catalog +(sha256:[0-9a-f]{64})$/m;

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
 * without rename hints (they describe a step, not a state). Same Catalog → byte-identical file, whose
 * sha256 is the `catalogHash` the migration leading to it names (`-- to catalog sha256:...`).
 */
export const serializeSnapshot = (catalog: Catalog): string => catalogText(catalog);
