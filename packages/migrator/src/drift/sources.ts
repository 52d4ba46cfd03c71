import { resolve } from "node:path";
import type { Catalog } from "@platform/schema";
import type { SqlClient } from "../db/index.js";
import { MigratorError } from "../errors/index.js";
import { readLatestSnapshot } from "../generate/snapshot.js";
import { introspect } from "../introspect/index.js";
import { type DeclarationsSource, loadDeclarations, loadModule } from "../verify/declarations.js";

/**
 * One side of `migrate diff --from X --to Y`:
 * - `declarations`: the platform (or `--declarations <module>`); against a database, the variant it can hold
 * - `snapshot`: the latest snapshot in the snapshot directory; `<file>.json`: that Catalog file
 * - `embedded`: the embedded PGlite database; `postgres://…`: a live database (introspected)
 */
export type DiffSide =
  | { readonly kind: "declarations" }
  | { readonly kind: "snapshot" }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "embedded" }
  | { readonly kind: "url"; readonly url: string };

export const parseSide = (flag: "--from" | "--to", value: string): DiffSide => {
  if (value === "declarations") return { kind: "declarations" };
  if (value === "snapshot") return { kind: "snapshot" };
  if (value === "embedded") return { kind: "embedded" };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "url", url: value };
  if (value.endsWith(".json")) return { kind: "file", path: value };
  throw new MigratorError({
    code: "usage",
    path: flag,
    message: `${flag} ${JSON.stringify(value)} is not a source: expected declarations, snapshot, embedded, a postgres:// URL or a Catalog .json file`,
    fix: `e.g. ${flag} snapshot, ${flag} declarations, ${flag} postgres://user@host/db`,
    exitCode: 2,
  });
};

/** A side read into a Catalog; `client` is kept open for live sides (the server deparses expressions). */
export interface OpenedSide {
  readonly label: string;
  readonly catalog: Catalog;
  readonly client?: SqlClient;
}

export interface SideContext {
  readonly snapshotDir: string;
  readonly embeddedDir: string;
  readonly declarations: DeclarationsSource;
  /** the other side's client, when it is a database: picks the declarations variant it can hold */
  readonly peer?: SqlClient;
}

export const openDatabaseSide = async (side: DiffSide, ctx: SideContext): Promise<SqlClient | undefined> => {
  if (side.kind === "url") return (await import("../runner/connect.js")).connectTarget(side.url);
  if (side.kind === "embedded") return (await import("../embedded/index.js")).openEmbedded(resolve(ctx.embeddedDir));
  return undefined;
};

export const readSide = async (
  side: DiffSide,
  ctx: SideContext,
  client: SqlClient | undefined,
  roles: readonly string[],
): Promise<OpenedSide> => {
  switch (side.kind) {
    case "declarations":
      return { label: "declarations", catalog: await loadDeclarations(ctx.declarations, ctx.peer) };
    case "snapshot": {
      const latest = await readLatestSnapshot(ctx.snapshotDir);
      return { label: latest.path ?? "snapshot (none yet: empty)", catalog: latest.catalog };
    }
    case "file":
      return { label: side.path, catalog: await loadModule(side.path) };
    case "url":
    case "embedded": {
      if (client === undefined) throw new Error("a database side needs its client");
      return { label: client.label, catalog: await introspect(client, { roles }), client };
    }
  }
};
