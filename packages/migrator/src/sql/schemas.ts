import type { Schema } from "@platform/schema";
import { quoteIdent } from "./quote.js";

/** `public` exists in every new database, so creating it must not fail; every other schema is created plainly. */
export const createSchema = (schema: Pick<Schema, "name">): string =>
  schema.name === "public" ? "CREATE SCHEMA IF NOT EXISTS public;" : `CREATE SCHEMA ${quoteIdent(schema.name)};`;

export const dropSchema = (schema: Pick<Schema, "name">): string => `DROP SCHEMA ${quoteIdent(schema.name)};`;
