import { compareKeys, type DefaultPrivilege } from "@platform/schema";
import { type IntrospectContext, inUserSchema, queryRows, readStep } from "./context.js";
import type { AclEntry } from "./grants.js";
import { opt } from "./optional.js";

interface DefaultAclRow {
  for_role: string;
  schema: string;
  object_type: string;
  entries: AclEntry[] | null;
}

const OBJECT_TYPES: Readonly<Record<string, DefaultPrivilege["objectType"] | undefined>> = {
  r: "tables",
  S: "sequences",
  f: "functions",
  T: "types",
};

/**
 * `ALTER DEFAULT PRIVILEGES ... IN SCHEMA s GRANT ...` entries. Database-wide entries (no schema) and
 * default privileges on schemas are not part of the Catalog and are left out. `forRole` is omitted when it
 * is the role running introspection, matching "omitted means the role running the migration".
 */
export const readDefaultPrivileges = (ctx: IntrospectContext): Promise<DefaultPrivilege[]> =>
  readStep("default privileges", ctx, async () => {
    const rows = await queryRows<DefaultAclRow>(
      ctx,
      `SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS for_role, n.nspname AS schema,
              d.defaclobjtype::text AS object_type,
              (SELECT json_agg(json_build_object(
                  'grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END,
                  'privilege', a.privilege_type, 'grantable', a.is_grantable))
               FROM pg_catalog.aclexplode(d.defaclacl) a) AS entries
       FROM pg_catalog.pg_default_acl d JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
       WHERE ${inUserSchema("d.defaclnamespace")}`,
      [ctx.namespaces],
    );
    const byKey = new Map<string, DefaultPrivilege & { privileges: string[] }>();
    for (const r of rows) {
      const objectType = OBJECT_TYPES[r.object_type];
      if (objectType === undefined) continue;
      for (const e of r.entries ?? []) {
        const forRole = r.for_role === ctx.currentUser ? null : r.for_role;
        const key = [r.schema, objectType, e.grantee, forRole ?? ""].join("\u0000");
        const entry = byKey.get(key) ?? {
          ...opt("forRole", forRole),
          schema: r.schema,
          objectType,
          grantee: e.grantee,
          privileges: [],
        };
        if (!entry.privileges.includes(e.privilege)) entry.privileges.push(e.privilege);
        byKey.set(key, entry);
      }
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([, entry]) => ({ ...entry, privileges: [...entry.privileges].sort(compareKeys) }));
  });
