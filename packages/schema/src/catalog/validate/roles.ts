/** Roles named by grants, policies, default privileges and memberships must be declared (or be PUBLIC / pg_*). */
import { functionSignature, objectPath } from "../identity.js";
import type { Grant } from "../model.js";
import { isBuiltinRole, type ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

const PRIVILEGES: Readonly<Record<string, ReadonlySet<string>>> = {
  schema: new Set(["USAGE", "CREATE", "ALL"]),
  table: new Set(["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN", "ALL"]),
  sequence: new Set(["USAGE", "SELECT", "UPDATE", "ALL"]),
  function: new Set(["EXECUTE", "ALL"]),
  type: new Set(["USAGE", "ALL"]),
};

const unknownRole = (ctx: ValidationContext, role: string, path: string, where: string): Finding[] =>
  isBuiltinRole(role) || ctx.roles.has(role)
    ? []
    : [
        error(
          "unknown-role",
          path,
          `${where} names role "${role}", which is not declared`,
          `declare it: role("${role}"), or fix the name`,
        ),
      ];

const grantFindings = (
  ctx: ValidationContext,
  grants: readonly Grant[] | undefined,
  path: string,
  kind: keyof typeof PRIVILEGES,
): Finding[] =>
  (grants ?? []).flatMap((g) => [
    ...unknownRole(ctx, g.grantee, path, `a grant on ${kind} ${path}`),
    ...g.privileges.flatMap((p) =>
      PRIVILEGES[kind]?.has(p)
        ? []
        : [
            error(
              "invalid-privilege",
              path,
              `privilege ${p} does not apply to a ${kind} (granted to ${g.grantee})`,
              `use one of ${[...(PRIVILEGES[kind] ?? [])].join(", ")}`,
            ),
          ],
    ),
  ]);

const DEFAULT_PRIVILEGE_KIND = {
  tables: "table",
  sequences: "sequence",
  functions: "function",
  types: "type",
} as const;

export const checkRolesAndGrants = (ctx: ValidationContext): Finding[] => {
  const c = ctx.catalog;
  return [
    ...c.roles.flatMap((r) =>
      (r.memberOf ?? []).flatMap((m) =>
        m === r.name
          ? [
              error(
                "role-member-of-itself",
                r.name,
                `role ${r.name} is declared a member of itself`,
                "remove it from memberOf",
              ),
            ]
          : unknownRole(ctx, m, r.name, `role ${r.name}'s memberOf`),
      ),
    ),
    ...c.schemas.flatMap((s) => grantFindings(ctx, s.grants, s.name, "schema")),
    ...c.sequences.flatMap((s) => grantFindings(ctx, s.grants, objectPath(s.schema, s.name), "sequence")),
    ...c.functions.flatMap((f) => grantFindings(ctx, f.grants, functionSignature(f), "function")),
    ...c.tables.flatMap((t) => grantFindings(ctx, t.grants, objectPath(t.schema, t.name), "table")),
    ...c.views.flatMap((v) => grantFindings(ctx, v.grants, objectPath(v.schema, v.name), "table")),
    ...c.tables.flatMap((t) =>
      (t.policies ?? []).flatMap((p) =>
        (p.roles ?? []).flatMap((r) => unknownRole(ctx, r, objectPath(t.schema, t.name, p.name), `policy ${p.name}`)),
      ),
    ),
    ...c.defaultPrivileges.flatMap((d) => {
      const path = objectPath(d.schema, `default privileges on ${d.objectType} for ${d.grantee}`);
      const kind = DEFAULT_PRIVILEGE_KIND[d.objectType];
      return [
        ...unknownRole(ctx, d.grantee, path, "default privileges"),
        ...(d.forRole ? unknownRole(ctx, d.forRole, path, "default privileges FOR ROLE") : []),
        ...grantFindings(ctx, [{ grantee: d.grantee, privileges: d.privileges }], path, kind).filter(
          (f) => f.code === "invalid-privilege",
        ),
      ];
    }),
  ];
};
