/**
 * The schema DSL: declare PostgreSQL objects in TypeScript and lower them into the Catalog.
 *
 * - Names are SQL names (no case conversion). Types lower to PostgreSQL's canonical spelling
 *   (`varchar(255)` → `character varying(255)`, `vector(1536)` → `public.vector(1536)`).
 * - Unnamed constraints and indexes get the names PostgreSQL gives them (`users_pkey`, `users_email_key`,
 *   `documents_owner_id_fkey`, `documents_body_check`, `users_updated_at_idx`), cut to 63 bytes as it does.
 * - Primary key, identity and serial columns are NOT NULL, as PostgreSQL makes them.
 * - Expressions are `sql` templates; interpolated columns, tables, functions and types print as names and
 *   must be declared too; strings interpolate as quoted literals. Literal defaults are quoted and cast for you.
 * - `table(...)`'s options may be a function of the table handle; it runs at lowering time, so it may
 *   mention tables declared further down. A self-referencing `.references(...)` needs its return type
 *   spelled out: `.references((): ColumnRef => groups.id)`.
 * - `defineCatalog` validates (see `validateCatalog`) and throws `CatalogValidationError` listing every
 *   error; `lowerDeclarations` returns the catalog and the findings (warnings included) without throwing.
 *
 * @example
 * import {
 *   byRange, check, defaultPartition, defineCatalog, enumType, extension, fn, grant, index, jsonb, monthly,
 *   policy, primaryKey, role, schema, sql, table, timestamptz, trigger, triggerFunction, uuid, varchar, vector,
 * } from "@platform/schema";
 *
 * export const pgvector = extension("vector", { schema: "public" });
 * export const appRole = role("app_role");
 * export const auth = schema("auth", { comment: "identity", grants: [grant(appRole, ["USAGE"])] });
 * export const dataPlatform = schema("data_platform", { grants: [grant(appRole, ["USAGE"])] });
 * export const userStatus = enumType(auth, "user_status", ["active", "disabled"]);
 * export const uuidV7 = fn("public", "uuid_generate_v7", {
 *   returns: "uuid", language: "sql", volatility: "volatile", body: "SELECT gen_random_uuid()",
 * });
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
 * export const documents = table(dataPlatform, "documents", {
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
 * // Validated and deterministically ordered; `import * as auth from "./auth.js"` modules work as inputs too.
 * export const catalog = defineCatalog(pgvector, appRole, auth, dataPlatform, userStatus, uuidV7, touch, users, documents);
 */
export * from "./catalog.js";
export * from "./collect.js";
export * from "./factories.js";
export * from "./relation-shapes.js";
