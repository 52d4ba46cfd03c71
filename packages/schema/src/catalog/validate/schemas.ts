/** Every schema an object lives in must be declared (`public`, `pg_catalog` exist already). */
import { functionSignature, objectPath } from "../identity.js";
import type { ValidationContext } from "./context.js";
import { error, type Finding } from "./finding.js";

export const checkSchemasDeclared = (ctx: ValidationContext): Finding[] => {
  const c = ctx.catalog;
  const objects: { readonly schema: string; readonly path: string; readonly what: string }[] = [
    ...c.extensions.flatMap((e) => (e.schema ? [{ schema: e.schema, path: e.name, what: "extension" }] : [])),
    ...c.collations.map((o) => ({ schema: o.schema, path: objectPath(o.schema, o.name), what: "collation" })),
    ...c.enums.map((o) => ({ schema: o.schema, path: objectPath(o.schema, o.name), what: "enum" })),
    ...c.domains.map((o) => ({ schema: o.schema, path: objectPath(o.schema, o.name), what: "domain" })),
    ...c.sequences.map((o) => ({ schema: o.schema, path: objectPath(o.schema, o.name), what: "sequence" })),
    ...c.functions.map((o) => ({ schema: o.schema, path: functionSignature(o), what: "function" })),
    ...c.tables.map((o) => ({ schema: o.schema, path: objectPath(o.schema, o.name), what: "table" })),
    ...c.views.map((o) => ({ schema: o.schema, path: objectPath(o.schema, o.name), what: "view" })),
    ...c.defaultPrivileges.map((o) => ({
      schema: o.schema,
      path: objectPath(o.schema, `default privileges on ${o.objectType} for ${o.grantee}`),
      what: "default privilege",
    })),
  ];
  return objects.flatMap((o) =>
    ctx.schemas.has(o.schema)
      ? []
      : [
          error(
            "unknown-schema",
            o.path,
            `${o.what} ${o.path} is in schema "${o.schema}", which is not declared`,
            `declare it: schema("${o.schema}"), and pass it to defineCatalog`,
          ),
        ],
  );
};
