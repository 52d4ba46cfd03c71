import type { Extension } from "@platform/schema";
import { quoteIdent } from "./quote.js";

/**
 * Idempotent, because an extension may already be installed by the server's template database.
 *
 * @example
 * createExtension({ name: "uuid-ossp", schema: "public" }) // CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
 */
export const createExtension = (extension: Extension): string =>
  `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension.name)}${
    extension.schema === undefined ? "" : ` WITH SCHEMA ${quoteIdent(extension.schema)}`
  };`;

export const dropExtension = (extension: Pick<Extension, "name">): string =>
  `DROP EXTENSION ${quoteIdent(extension.name)};`;

/** Moves a relocatable extension's objects to another schema. */
export const setExtensionSchema = (extension: Pick<Extension, "name">, schema: string): string =>
  `ALTER EXTENSION ${quoteIdent(extension.name)} SET SCHEMA ${quoteIdent(schema)};`;
