import { readFile, writeFile } from "node:fs/promises";

/** Where a types file stands against the Catalog: same bytes, different bytes, or no file. */
export type TypesFileState =
  | { readonly state: "fresh" }
  | { readonly state: "missing" }
  | { readonly state: "stale"; readonly line: number; readonly expected: string; readonly actual: string };

const firstDifference = (expected: string, actual: string): { line: number; expected: string; actual: string } => {
  const want = expected.split("\n");
  const have = actual.split("\n");
  const index = want.findIndex((line, i) => line !== have[i]);
  const at = index === -1 ? want.length : index;
  return { line: at + 1, expected: want[at] ?? "<end of file>", actual: have[at] ?? "<end of file>" };
};

const readIfPresent = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};

/** Compares the file at `path` with what `generateTypes` makes of the Catalog. Reads, never writes. */
export const checkTypesFile = async (path: string, content: string): Promise<TypesFileState> => {
  const actual = await readIfPresent(path);
  if (actual === undefined) return { state: "missing" };
  return actual === content ? { state: "fresh" } : { state: "stale", ...firstDifference(content, actual) };
};

/** Writes the file only when its content changes (so its mtime, and turbo's cache, stay put otherwise). */
export const writeTypesFile = async (path: string, content: string): Promise<"written" | "unchanged"> => {
  if ((await readIfPresent(path)) === content) return "unchanged";
  await writeFile(path, content);
  return "written";
};
