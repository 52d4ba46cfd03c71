import { createSchema, dropSchema } from "../sql/schemas.js";
import { roleId, schemaId } from "./ids.js";
import type { Planner } from "./step.js";

export const planSchemaCreate: Planner<"schema.create"> = ({ schema }) => [
  { description: `create schema ${schema.name}`, statements: [createSchema(schema)], creates: [schemaId(schema.name)] },
];

/** DROP SCHEMA without CASCADE: it fails rather than delete objects the plan did not drop itself. */
export const planSchemaDrop: Planner<"schema.drop"> = ({ schema }) => [
  {
    description: `drop schema ${schema.name}`,
    statements: [dropSchema(schema)],
    drops: [schemaId(schema.name)],
    releases: (schema.grants ?? []).map((g) => roleId(g.grantee)),
  },
];
