/**
 * Normalisation shared by introspection and diff: what PostgreSQL rewrites, undone, so that a declared
 * schema and the same schema read back from a database compare equal.
 *
 * ## Decision: compare deparsed forms; textual keys offline, the server where exactness matters
 *
 * PostgreSQL does not keep the text of an expression; it keeps a parse tree and prints it back
 * (`pg_get_expr`, `pg_get_constraintdef`, `pg_get_viewdef`). The printed form adds parentheses and
 * casts, rewrites `IN (...)` to `= ANY (ARRAY[...])`, `LIKE` to `~~`, `-1` to `'-1'::integer`, qualifies
 * names under an empty search_path, and inserts implicit casts that depend on column types
 * (`(status)::text = ...` for a varchar column). A text rule can undo the predictable part; only the
 * server knows the type-dependent part.
 *
 * How the reference tools handle it (read before deciding):
 * - Atlas normalises a desired schema by applying it to a *dev database* and inspecting it back, so both
 *   sides of every comparison are the server's own rendering.
 * - Stripe's pg-schema-diff builds the target schema in a *temporary database* and compares catalog reads;
 *   it also validates the generated plan there.
 * - migra only ever compares two live databases (target built by the user), i.e. the same principle.
 *
 * What this project does:
 * 1. Introspection stores PostgreSQL's deparsed text, changed only in ways that keep it valid SQL
 *    (`normalizeExpression`: whitespace, redundant outer parentheses). Introspected Catalogs can be
 *    emitted again (`pull`, snapshots).
 * 2. Diff takes an expression comparator. `sameExpression` (comparison keys from `expressionKey`) undoes
 *    PostgreSQL's predictable rewrites textually. It is pure and fast, which `migrate generate` needs: it
 *    runs with no database (declarations vs. the snapshot, both declared text) and is benchmarked.
 * 3. Where a declaration must be compared with a live database exactly (`verify`), what the text rules
 *    cannot settle goes through a server, as Atlas does with its dev database: the declared text is
 *    deparsed by PostgreSQL and compared with PostgreSQL's own read-back. verify does this on the live
 *    server itself, with temporary objects in a rolled-back transaction (src/verify/deparse.ts), which
 *    also gets the version right: deparsing changes between majors (PostgreSQL 16 stopped qualifying the
 *    columns of a single-relation FROM in view definitions: `t.id` before, `id` since), so a scratch
 *    PGlite (18) would match a 16+ server's views but not a 14/15 one's. Only objects whose keys differ
 *    take that round trip, so a clean database costs no extra query.
 * For defaults, CHECKs, policies, index predicates and trigger conditions the textual keys are what
 * decides today; they are checked against real read-backs on PostgreSQL 14–18 and PGlite
 * (test/introspect/normalize.test.ts, round-trip.test.ts). Known limits: casts of literals are ignored
 * (`'1'::text` and `'1'::integer` get one key), as are text-like casts of columns and the difference
 * between a date and a midnight timestamp literal; NOT BETWEEN and type-dependent rewrites other than
 * these are not undone (they show as a difference, never hide one).
 *
 * Catalog-level normal form (`normalizeCatalog`): canonical type spelling, PostgreSQL's defaults dropped,
 * implied NOT NULL made explicit, unordered lists sorted — applied to both sides before comparing.
 */
export { comparableCatalog, normalizeCatalog, normalizeGrants } from "./catalog.js";
export { normalizeIcuLocale } from "./collations.js";
export { implicitObjectName, parseQualifiedName, serialSequenceName } from "./identifiers.js";
export { defaultOpclass } from "./opclasses.js";
export { expressionKey, normalizeExpression, sameExpression } from "./remembered.js";
export { type SequenceDefaults, type SequenceType, sequenceDefaults } from "./sequences.js";
export { closingIndex, renderTokens, splitTopLevel, type Token, type TokenKind, tokenize } from "./tokens.js";
export { normalizeType, SERIAL_TYPES, type TypeNormalizeOptions } from "./types.js";
