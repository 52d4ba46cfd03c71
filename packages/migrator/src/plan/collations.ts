import { createCollation, dropCollation } from "../sql/collations.js";
import { qpath, schemaId } from "./ids.js";
import type { Planner } from "./step.js";

const id = (c: { schema: string; name: string }) => `collation:${qpath(c)}`;

export const planCollationCreate: Planner<"collation.create"> = ({ collation }) => [
  {
    description: `create collation ${qpath(collation)}`,
    statements: [createCollation(collation)],
    creates: [id(collation)],
    needs: [schemaId(collation.schema)],
  },
];

export const planCollationDrop: Planner<"collation.drop"> = ({ collation }) => [
  {
    description: `drop collation ${qpath(collation)}`,
    statements: [dropCollation(collation)],
    drops: [id(collation)],
    releases: [schemaId(collation.schema)],
  },
];
