import { createExtension, dropExtension } from "../sql/extensions.js";
import { quoteIdent } from "../sql/quote.js";
import { ANY_EXTENSION, schemaId } from "./ids.js";
import type { Planner } from "./step.js";

const id = (name: string) => `extension:${name}`;

export const planExtensionCreate: Planner<"extension.create"> = ({ extension }) => [
  {
    description: `create extension ${extension.name}`,
    statements: [createExtension(extension)],
    creates: [id(extension.name), ANY_EXTENSION],
    needs: extension.schema ? [schemaId(extension.schema)] : [],
  },
];

export const planExtensionDrop: Planner<"extension.drop"> = ({ extension }) => [
  {
    description: `drop extension ${extension.name}`,
    statements: [dropExtension(extension)],
    drops: [id(extension.name), ANY_EXTENSION],
    releases: extension.schema ? [schemaId(extension.schema)] : [],
  },
];

export const planExtensionSetSchema: Planner<"extension.set-schema"> = ({ from, to }) => [
  {
    description: `move extension ${to.name} to schema ${to.schema ?? "public"}`,
    statements: [`ALTER EXTENSION ${quoteIdent(to.name)} SET SCHEMA ${quoteIdent(to.schema ?? "public")};`],
    creates: [id(to.name), ANY_EXTENSION],
    needs: [schemaId(to.schema ?? "public")],
    releases: [schemaId(from.schema ?? "public")],
  },
];
