/**
 * Extensions and the compatibility objects every schema relies on: `uuid_generate_v7()` (the default of
 * every `id`), the case-insensitive collation `nocase`, `json_valid(text)`, and the `updated_at` trigger
 * function. All live in `public`.
 *
 * Why `public` and not an `extensions` schema: pgvector's distance operators (`<=>`, `<->`), pg_trgm's `%`
 * and the functions of pgcrypto/uuid-ossp must resolve through every role's default search_path
 * (`"$user", public`) — with a separate schema each query would need `OPERATOR(extensions.<=>)` or every
 * login role a custom search_path. The source documents install them there too, and since PostgreSQL 15
 * `public` no longer grants CREATE to everyone, so the usual reason to move extensions out is gone.
 */
import { collation, extension, fn, grant, triggerFunction } from "../dsl/factories.js";
import { appRole, readonlyRole } from "./roles.js";

export const vectorExtension = extension("vector", {
  schema: "public",
  comment: "pgvector: vector/halfvec types and the ivfflat/hnsw indexes behind embedding search",
});

export const pgcryptoExtension = extension("pgcrypto", {
  schema: "public",
  comment: "pgcrypto: digest() for API key hashes, crypt() for password checks, gen_random_bytes()",
});

export const uuidOsspExtension = extension("uuid-ossp", {
  schema: "public",
  comment: "uuid-ossp: uuid_generate_v4() for clients written against the original init script",
});

export const pgTrgmExtension = extension("pg_trgm", {
  schema: "public",
  comment: "pg_trgm: trigram similarity and gin_trgm_ops indexes for fuzzy title search",
});

/**
 * The ICU locale of `nocase`, in ICU's keyword form rather than the BCP 47 tag `und-u-ks-level2`. Both mean
 * "root locale, secondary strength" (case-insensitive, accent-sensitive) and PostgreSQL 16+ stores either
 * as `und-u-ks-level2`; but PGlite's reduced ICU build silently ignores the `-u-ks-` extension of a tag
 * (the collation is created and compares case-sensitively), while it honours `@colStrength=secondary`.
 * PostgreSQL 14/15 store the string as written. Introspection must treat the two spellings as equal.
 */
export const NOCASE_ICU_LOCALE = "@colStrength=secondary";

export const nocase = collation("public", "nocase", {
  provider: "icu",
  locale: NOCASE_ICU_LOCALE,
  deterministic: false,
  comment:
    "Case-insensitive comparison (ICU root locale, secondary strength), as SQLite's NOCASE: 'ABC' = 'abc'. Nondeterministic, so LIKE and pattern matching need an explicit deterministic COLLATE.",
});

const executeGrants = [grant(appRole, ["EXECUTE"]), grant(readonlyRole, ["EXECUTE"])];

/**
 * RFC 9562 UUID version 7: 48-bit Unix timestamp in milliseconds, version `0111`, 12 bits of
 * sub-millisecond clock (method 3 of RFC 9562 §6.2) and 62 random bits with variant `10`.
 *
 * Random bits come from core `gen_random_uuid()` (PostgreSQL 13+), so the function does not depend on
 * pgcrypto or on the schema pgcrypto lives in. To keep "generated later sorts later" even when two calls
 * fall in the same microsecond, the last (ms, sub-ms) pair of the session is remembered in the custom
 * setting `platform.uuid_v7_last`; a repeat or a clock step backwards advances the sub-ms counter instead.
 * Ordering across sessions follows the clock, as with PostgreSQL 18's built-in `uuidv7()`.
 */
export const uuidGenerateV7 = fn("public", "uuid_generate_v7", {
  returns: "uuid",
  language: "plpgsql",
  volatility: "volatile",
  searchPath: "pg_catalog",
  comment: "RFC 9562 version 7 UUID (Unix-ms timestamp first), monotonic within a session; the default of every id",
  grants: executeGrants,
  body: `
DECLARE
  now_ms numeric := extract(epoch FROM clock_timestamp()) * 1000;
  ms bigint := floor(now_ms);
  sub_ms integer := floor((now_ms - floor(now_ms)) * 4096);
  last text[] := string_to_array(nullif(current_setting('platform.uuid_v7_last', true), ''), ':');
  bytes bytea := uuid_send(gen_random_uuid());
BEGIN
  IF last IS NOT NULL AND (ms < last[1]::bigint OR (ms = last[1]::bigint AND sub_ms <= last[2]::integer)) THEN
    ms := last[1]::bigint;
    sub_ms := last[2]::integer + 1;
    IF sub_ms > 4095 THEN
      ms := ms + 1;
      sub_ms := 0;
    END IF;
  END IF;
  PERFORM set_config('platform.uuid_v7_last', ms || ':' || sub_ms, false);
  bytes := overlay(bytes PLACING substring(int8send(ms) FROM 3) FROM 1 FOR 6);
  bytes := set_byte(bytes, 6, 112 | (sub_ms >> 8));
  bytes := set_byte(bytes, 7, sub_ms & 255);
  -- byte 8 keeps gen_random_uuid()'s variant bits 10xxxxxx
  RETURN encode(bytes, 'hex')::uuid;
END
`,
});

/**
 * SQLite's `json_valid`: true when the text parses as JSON that jsonb can store, false otherwise, never
 * an error (NULL in, NULL out). The EXCEPTION block runs a subtransaction, which parallel workers may not
 * start — hence PARALLEL UNSAFE (the default) despite being IMMUTABLE.
 */
export const jsonValid = fn("public", "json_valid", {
  args: [{ type: "text" }],
  returns: "boolean",
  language: "plpgsql",
  volatility: "immutable",
  strict: true,
  comment: "true when the argument is valid JSON (storable as jsonb), false otherwise; never raises",
  grants: executeGrants,
  body: `
BEGIN
  PERFORM $1::jsonb;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END
`,
});

/** BEFORE UPDATE row trigger of every table with `updated_at`; tables attach it with `touchUpdatedAt(t)`. */
export const setUpdatedAt = triggerFunction(
  "public",
  "set_updated_at",
  `
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
`,
  { comment: "trigger: stamps updated_at with the transaction time on every real change of a row" },
);
