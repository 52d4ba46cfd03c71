/**
 * The schema DSL: declare PostgreSQL objects in TypeScript and lower them into the Catalog.
 * Names are SQL names (no case conversion); types lower to PostgreSQL's canonical spelling; unnamed
 * constraints and indexes get the names PostgreSQL would give them.
 *
 * @example
 * import {
 *   byRange, check, defaultPartition, primaryKey, defineCatalog, enumType, extension, fn, grant, index, jsonb, monthly,
 *   policy, role, schema, sql, table, text, timestamptz, trigger, triggerFunction, uuid, varchar, vector,
 * } from "@platform/schema";
 *
 * export const pgvector = extension("vector", { schema: "public" });
 * export const appRole = role("app_role");
 * export const auth = schema("auth", { comment: "identity", grants: [grant(appRole, ["USAGE"])] });
 * export const userStatus = enumType(auth, "user_status", ["active", "disabled"]);
 * export const uuidV7 = fn("public", "uuid_generate_v7", { returns: "uuid", language: "plpgsql", body: "..." });
 * export const touch = triggerFunction("public", "touch_updated_at", "BEGIN NEW.updated_at := now(); RETURN NEW; END");
 *
 * export const users = table(auth, "users", {
 *   id: uuid().primaryKey().default(sql`${uuidV7}()`),        // users_pkey, NOT NULL
 *   email: varchar(255).notNull().unique(),                   // character varying(255), users_email_key
 *   status: userStatus().notNull().default("active"),         // auth.user_status, 'active'::auth.user_status
 *   updated_at: timestamptz().notNull().default(sql`now()`),
 * }, (t) => ({
 *   comment: "people who sign in",
 *   indexes: [index().on(t.updated_at.desc())],               // users_updated_at_idx
 *   triggers: [trigger("users_touch", { timing: "before", events: ["update"], level: "row", function: touch })],
 *   grants: [grant(appRole, ["SELECT", "INSERT", "UPDATE"])],
 * }));
 *
 * export const documents = table("data_platform", "documents", {
 *   id: uuid().notNull(),
 *   owner_id: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),  // documents_owner_id_fkey
 *   body: jsonb().notNull().default("{}"),                                            // '{}'::jsonb
 *   embedding: vector(1536),                                                          // public.vector(1536)
 *   created_at: timestamptz().notNull().default(sql`now()`),
 * }, (t) => ({
 *   primaryKey: primaryKey(t.id, t.created_at),              // the partition key must be in it
 *   checks: [check(sql`jsonb_typeof(${t.body}) = 'object'`)], // documents_body_check
 *   indexes: [
 *     index().using("gin", t.body.op("jsonb_path_ops")),
 *     index().using("hnsw", t.embedding.op("vector_cosine_ops")).with({ m: 16, ef_construction: 64 }),
 *   ],
 *   partitionBy: byRange(t.created_at),
 *   partitions: [defaultPartition("documents_default")],
 *   partitionTemplate: monthly("documents_y{YYYY}m{MM}"),
 *   rowLevelSecurity: "enabled",
 *   policies: [policy("documents_owner", { to: appRole, using: sql`${t.owner_id} = current_setting('app.user_id')::uuid` })],
 * }));
 *
 * // Everything exported from the modules, validated and ordered; throws CatalogValidationError on errors.
 * export const catalog = defineCatalog({ pgvector, appRole, auth, userStatus, uuidV7, touch, users, documents });
 */
export * from "./catalog.js";
export * from "./collation.js";
export * from "./column.js";
export * from "./column-types.js";
export * from "./constraints.js";
export * from "./declaration.js";
export * from "./domain.js";
export * from "./enum.js";
export * from "./extension.js";
export * from "./function.js";
export * from "./grant.js";
export * from "./indexes.js";
export { castTypeName, type Literal, lowerLiteral } from "./literal.js";
export { keyNamePart, mentionedColumns } from "./lower-keys.js";
export { lowerBoundValue } from "./lower-partitions.js";
export * from "./names.js";
export * from "./partitions.js";
export * from "./policy.js";
export { quoteIdent, quoteLiteral, quoteQualified } from "./quote.js";
export * from "./role.js";
export * from "./schema.js";
export * from "./sequence.js";
export * from "./sql.js";
export * from "./table.js";
export * from "./trigger.js";
export { canonicalType, EXTENSION_TYPES, lowerType, type TypeSpec, typeSpec } from "./types.js";
export * from "./view.js";
