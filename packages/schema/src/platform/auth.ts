/**
 * `auth`: organizations, users, groups and their memberships, API keys, and the session context that row
 * level security reads.
 *
 * Session context convention: one setting, `app.current_user_id` (the name of document 002), set the way
 * document 004 sets `pb.auth.id` — per transaction with `SELECT set_config('app.current_user_id', $1, true)`,
 * so a pooled connection never carries one request's user into the next. `app.` is neutral where `pb.` is
 * PocketBase's; policies read it only through `auth.current_user_id()`, which also turns the empty string a
 * reset placeholder setting keeps after such a transaction into NULL (no user → no rows), where a bare
 * `current_setting(...)::uuid` would raise.
 */
import {
  boolean,
  bytea,
  check,
  enumType,
  fn,
  grant,
  index,
  jsonb,
  key,
  primaryKey,
  schema,
  sql,
  table,
  text,
  timestamptz,
  uuid,
  varchar,
} from "../dsl/factories.js";
import { createdAt, id, touchUpdatedAt, updatedAt } from "./common.js";
import { nocase } from "./compat.js";
import { appRole, readonlyRole, schemaUsage, tableAccess } from "./roles.js";

export const auth = schema("auth", {
  comment: "Identity: organizations, users, groups, API keys, and the session context of row level security",
  grants: schemaUsage,
});

/** The name of the per-transaction setting row level security keys on. */
export const CURRENT_USER_SETTING = "app.current_user_id";

export const currentUserId = fn(auth, "current_user_id", {
  returns: "uuid",
  language: "sql",
  volatility: "stable",
  comment: `The user of the current request: ${CURRENT_USER_SETTING} as uuid, NULL when unset or empty`,
  grants: [grant(appRole, ["EXECUTE"]), grant(readonlyRole, ["EXECUTE"])],
  body: `SELECT nullif(current_setting('${CURRENT_USER_SETTING}', true), '')::uuid`,
});

export const memberRole = enumType(auth, "member_role", ["owner", "admin", "member", "viewer"], {
  comment: "What a user may do inside their organization",
});

export const organizations = table(
  auth,
  "organizations",
  {
    id: id(),
    name: varchar(200).notNull().comment("display name"),
    slug: varchar(100)
      .notNull()
      .unique()
      .check((c) => sql`${c} ~ '^[a-z0-9][a-z0-9-]*$'`)
      .comment("URL-safe identifier: lower-case letters, digits and dashes"),
    settings: jsonb().notNull().default("{}").comment("organization-wide preferences and quotas"),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  () => ({
    comment: "Tenants: every model, endpoint and API key belongs to one",
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const users = table(
  auth,
  "users",
  {
    id: id(),
    organization_id: uuid()
      .references(() => organizations.id, { onDelete: "set null" })
      .comment("the user's organization; NULL for platform staff"),
    username: varchar(150).notNull().collate(nocase).unique().comment("login name, unique ignoring case"),
    email: varchar(254).notNull().collate(nocase).unique().comment("unique ignoring case"),
    password_hash: varchar(255).notNull().comment("bcrypt hash ($2b$...), never the password"),
    first_name: varchar(150),
    last_name: varchar(150),
    role: memberRole().notNull().default("member"),
    is_active: boolean().notNull().default(true).comment("false blocks sign-in without deleting the user"),
    is_superuser: boolean().notNull().default(false).comment("platform administrator, beyond any organization"),
    profile: jsonb().comment("preferences and profile fields the services keep (document 002)"),
    last_login: timestamptz(),
    created_at: createdAt().comment("when the user joined (date_joined of the original init script)"),
    updated_at: updatedAt(),
  },
  (t) => ({
    comment: "People who sign in to the platform",
    indexes: [
      index().on(t.organization_id),
      index().using("gin", t.profile.op("jsonb_path_ops")),
      // split_part cannot search a nondeterministic collation, hence COLLATE "C"
      index("users_email_domain_idx")
        .on(key(sql`lower(split_part(${t.email} COLLATE "C", '@', 2))`))
        .comment("users by e-mail domain (single sign-on, abuse checks)"),
    ],
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const groups = table(
  auth,
  "groups",
  {
    id: id(),
    name: varchar(150).notNull().unique(),
    description: text(),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  () => ({
    comment: "Named sets of users that permissions are granted to",
    triggers: [touchUpdatedAt()],
    grants: tableAccess,
  }),
);

export const groupMemberships = table(
  auth,
  "group_memberships",
  {
    group_id: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    user_id: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    created_at: createdAt(),
  },
  (t) => ({
    comment: "Which user is in which group",
    primaryKey: primaryKey(t.group_id, t.user_id),
    indexes: [index().on(t.user_id)],
    grants: tableAccess,
  }),
);

export const apiKeys = table(
  auth,
  "api_keys",
  {
    id: id(),
    user_id: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" })
      .comment("whose permissions the key carries"),
    organization_id: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    name: varchar(100).notNull().comment("label chosen by the owner"),
    key_prefix: varchar(16).notNull().unique().comment("first characters of the key, shown to identify it"),
    key_hash: bytea()
      .notNull()
      .unique()
      .comment("SHA-256 of the whole key (pgcrypto digest(key, 'sha256')); the key itself is never stored"),
    scopes: text().array().notNull().default("{}").comment("what the key may do, e.g. {models:read}"),
    expires_at: timestamptz(),
    last_used_at: timestamptz(),
    revoked_at: timestamptz().comment("set instead of deleting, so request logs keep their meaning"),
    created_at: createdAt(),
  },
  (t) => ({
    comment: "Programmatic credentials; only their SHA-256 is stored",
    checks: [check("api_keys_key_hash_check", sql`octet_length(${t.key_hash}) = 32`)],
    indexes: [index("api_keys_user_id_active_idx").on(t.user_id).where(sql`${t.revoked_at} IS NULL`)],
    grants: tableAccess,
  }),
);
