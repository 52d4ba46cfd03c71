import { type Catalog, compareKeys, functionSignature, type Role, type Schema, sortBy } from "@platform/schema";
import type { SqlClient } from "../db/client.js";
import { readCollations } from "./collations.js";
import { readColumns } from "./columns.js";
import { readConstraints } from "./constraints.js";
import type { IntrospectContext } from "./context.js";
import { readDefaultPrivileges } from "./default-privileges.js";
import { readDomains } from "./domains.js";
import { readEnums } from "./enums.js";
import { readExtensions } from "./extensions.js";
import { readFunctions } from "./functions.js";
import { readIndexes, readOpclasses } from "./indexes.js";
import { readPolicies } from "./policies.js";
import { readRelations } from "./relations.js";
import { readRoles } from "./roles.js";
import { readSchemas } from "./schemas.js";
import { readSequences } from "./sequences.js";
import { restoreSerials } from "./serials.js";
import { CLOSE_SESSION, OPEN_SESSION, openSideConnection, type SessionRow } from "./session.js";
import { assembleTables } from "./tables.js";
import { readTriggers } from "./triggers.js";
import { assembleViews } from "./views.js";

export { MIGRATOR_SCHEMA } from "./context.js";

export interface IntrospectOptions {
  /** only these schemas (default: every user schema) */
  readonly schemas?: readonly string[];
  /**
   * roles to report when they exist, besides the ones the Catalog names: typically the roles the
   * declarations manage, so an unused declared role is still compared (roles are cluster-wide, and a
   * database does not otherwise report roles nothing in it refers to). May be a promise, awaited only
   * when the roles are assembled at the end: verify reads the database while its declarations load.
   */
  readonly roles?: readonly string[] | Promise<readonly string[]>;
}

/**
 * Reads a live database into a Catalog: every object kind of the model, in one query per kind over all
 * schemas (about fifteen queries whatever the number of tables). Objects that belong to an extension,
 * system schemas and the migrator's own schema are left out. Works on PostgreSQL 14–18 and PGlite.
 *
 * The session's search_path, TimeZone, DateStyle, IntervalStyle and extra_float_digits are changed
 * for the duration and restored afterwards; the client must not be used concurrently meanwhile.
 *
 * @example
 *   const catalog = await introspect(await connectPg(url));
 *   const only = await introspect(client, { schemas: ["auth"] });
 */
export const introspect = async (client: SqlClient, options: IntrospectOptions = {}): Promise<Catalog> => {
  const session = (await client.query<SessionRow>(OPEN_SESSION)).rows[0] as SessionRow;
  // opened while the first queries run on the caller's connection
  const side = openSideConnection(client, session);
  const restore = () =>
    client.query(CLOSE_SESSION, [
      session.search_path,
      session.timezone,
      session.datestyle,
      session.intervalstyle,
      session.extra_float_digits,
    ]);
  const ctx = {
    client,
    serverVersion: Number(session.server_version),
    currentUser: session.current_user,
    schemaParam: options.schemas === undefined ? null : [...options.schemas],
  };
  let catalog: Catalog;
  try {
    catalog = await readCatalog(ctx, side, options.roles ?? []);
  } catch (error) {
    // the read's error is the one to report; restoring may fail too (an aborted transaction refuses it)
    await restore().catch(() => undefined);
    throw error;
  } finally {
    await (await side)?.close().catch(() => undefined);
  }
  await restore();
  return catalog;
};

/**
 * The per-kind reads, then assembly. The schemas come first: every later query reads the objects of
 * their oids. The rest is split over two lanes, the caller's connection and a second one when there is
 * one (`openSideConnection`; without it both lanes queue on the one connection). Index and constraint
 * keys are attnum arrays, named from the columns once those are read.
 */
const readCatalog = async (
  schemaCtx: Omit<IntrospectContext, "namespaces">,
  sideConnection: Promise<SqlClient | undefined>,
  extraRoles: readonly string[] | Promise<readonly string[]>,
): Promise<Catalog> => {
  const extensions = await readExtensions(schemaCtx);
  const read = await readSchemas(schemaCtx);
  const schemas = read.map((s) => s.schema);
  const ctx: IntrospectContext = { ...schemaCtx, namespaces: read.map((s) => s.oid) };
  const sideCtx: IntrospectContext = { ...ctx, client: (await sideConnection) ?? ctx.client };
  const columnsRead = readColumns(ctx);
  const attributes = async () => (await columnsRead).attributes;
  const [mainLane, sideLane] = await bothLanes(
    (async () => ({
      columns: (await columnsRead).byTable,
      relations: await readRelations(ctx),
      sequences: await readSequences(ctx),
      policies: await readPolicies(ctx),
      triggers: await readTriggers(ctx),
      defaultPrivileges: await readDefaultPrivileges(ctx),
    }))(),
    (async () => {
      const opclasses = await readOpclasses(sideCtx);
      return {
        indexes: await readIndexes(sideCtx, attributes, opclasses),
        constraints: await readConstraints(sideCtx, attributes),
        roles: await readRoles(sideCtx),
        collations: await readCollations(sideCtx),
        enums: await readEnums(sideCtx),
        domains: await readDomains(sideCtx),
        functions: await readFunctions(sideCtx),
      };
    })(),
  );
  const { relations, sequences, defaultPrivileges } = mainLane;
  const { roles, collations, enums, domains, functions } = sideLane;
  const parts = {
    columns: mainLane.columns,
    constraints: sideLane.constraints,
    indexes: sideLane.indexes,
    policies: mainLane.policies,
    triggers: mainLane.triggers,
  };
  const serials = restoreSerials(assembleTables(relations, parts), sequences);
  const catalog: Catalog = {
    extensions: sortBy(extensions, (e) => e.name),
    schemas: [],
    roles: [],
    collations: sortBy(collations, (c) => `${c.schema}\u0000${c.name}`),
    enums: sortBy(enums, (e) => `${e.schema}\u0000${e.name}`),
    domains: sortBy(domains, (d) => `${d.schema}\u0000${d.name}`),
    sequences: sortBy(serials.sequences, (s) => `${s.schema}\u0000${s.name}`),
    functions: sortBy(functions, (f) => functionSignature(f)),
    tables: sortBy(serials.tables, (t) => `${t.schema}\u0000${t.name}`),
    views: sortBy(assembleViews(relations, parts.columns, parts.indexes), (v) => `${v.schema}\u0000${v.name}`),
    defaultPrivileges,
  };
  return {
    ...catalog,
    schemas: sortBy(
      schemas.filter((s) => s.name !== "public" || keepPublicSchema(s)),
      (s) => s.name,
    ),
    roles: referencedRoles(roles, catalog, await extraRoles),
  };
};

/** Both lanes' results; when one fails, the other is still waited for (it uses a connection) before the error is thrown. */
const bothLanes = async <A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> => {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === "rejected") throw x.reason;
  if (y.status === "rejected") throw y.reason;
  return [x.value, y.value];
};

/**
 * `public` exists in every database (PostgreSQL creates it), so like a built-in it is reported only when
 * it differs from how PostgreSQL creates it: a comment of its own or grants beyond PUBLIC's defaults
 * (readSchemas already removed those). Objects may live in `public` without it being listed; declarations
 * do the same (`normalizeCatalog` drops a `public` in its default state on either side).
 */
export const keepPublicSchema = (schema: Schema): boolean =>
  schema.comment !== undefined || (schema.grants?.length ?? 0) > 0;

/** Role names the Catalog mentions: grantees, policy roles, default privileges. */
const mentionedRoles = (catalog: Catalog): Set<string> => {
  const names = new Set<string>();
  const grants = [
    ...catalog.schemas,
    ...catalog.sequences,
    ...catalog.functions,
    ...catalog.tables,
    ...catalog.views,
  ].flatMap((o) => o.grants ?? []);
  for (const g of grants) names.add(g.grantee);
  for (const t of catalog.tables) for (const p of t.policies ?? []) for (const r of p.roles ?? []) names.add(r);
  for (const d of catalog.defaultPrivileges) {
    names.add(d.grantee);
    if (d.forRole !== undefined) names.add(d.forRole);
  }
  names.delete("PUBLIC");
  return names;
};

/**
 * Roles are cluster-wide; a database reports the ones its Catalog names and the ones asked for
 * (`options.roles`), plus the groups those belong to (transitively). Superusers and predefined `pg_*` roles are never reported (readRoles drops them).
 */
const referencedRoles = (all: readonly Role[], catalog: Catalog, extra: readonly string[]): Role[] => {
  const byName = new Map(all.map((r) => [r.name, r]));
  const wanted = new Set<string>();
  const pending = [...mentionedRoles(catalog), ...extra];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const role = byName.get(name);
    if (role === undefined || wanted.has(name)) continue;
    wanted.add(name);
    pending.push(...(role.memberOf ?? []));
  }
  return [...wanted].sort(compareKeys).map((name) => byName.get(name) as Role);
};
