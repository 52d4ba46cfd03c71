/**
 * Comparing expressions through the server. PostgreSQL keeps a parse tree, not the text of a view body,
 * and prints it back in its own words (casts, parentheses, qualified columns before 16). The textual
 * normaliser undoes the predictable part; what is left is decided here by letting the live server
 * deparse the declared text too, so both sides of the comparison are PostgreSQL's own output.
 *
 * Decision: the declared text is deparsed on the LIVE server, as temporary objects (`pg_temp`) inside a
 * transaction (or a savepoint when the caller has one open) that is always rolled back. Not a scratch
 * PGlite or a scratch database, because:
 * - the deparse is the live server's own version (views print differently on 14/15 than on 16+, and a
 *   PGlite scratch is 18), so it is exact on every supported version;
 * - the declared text is resolved against the live objects, with the live extensions (a scratch PGlite
 *   lacks PostGIS & co.; a scratch database needs CREATEDB, which production roles rarely have);
 * - only the objects whose text differs are built, so a clean database costs no extra round trip.
 * A declared body that does not even compile against the live database (it reads a column that was
 * dropped) keeps its declared text and stays drift.
 */
import type { Catalog, View } from "@platform/schema";
import type { SqlClient } from "../db/client.js";
import { type Change, diff } from "../diff/index.js";
import { sameExpression } from "../normalize/index.js";
import { quoteIdent } from "../sql/quote.js";

const key = (o: { schema: string; name: string }): string => `${o.schema}.${o.name}`;

/**
 * `changes` (a textual diff of live → expected) with the differences that were only in PostgreSQL's
 * wording removed: expected view bodies are replaced by the live server's deparse of them (the returned
 * `expected`), and the diff is taken again. Nothing to confirm → the changes are returned as they are, with no query.
 */
export const confirmThroughServer = async (
  client: SqlClient,
  live: Catalog,
  expected: Catalog,
  changes: readonly Change[],
): Promise<{ readonly expected: Catalog; readonly changes: Change[] }> => {
  const liveViews = new Map(live.views.map((v) => [key(v), v]));
  const candidates = expected.views.filter((v) => {
    const actual = liveViews.get(key(v));
    return actual !== undefined && !sameExpression(actual.definition, v.definition);
  });
  if (candidates.length === 0) return { expected, changes: [...changes] };
  const deparsed = await deparseViews(client, candidates);
  const rewritten: Catalog = {
    ...expected,
    views: expected.views.map((v) => {
      const text = deparsed.get(key(v));
      return text === undefined ? v : { ...v, definition: text };
    }),
  };
  return { expected: rewritten, changes: diff(live, rewritten, { sameExpression }) };
};

/** The server's `pg_get_viewdef` of each declared body, keyed by view; bodies that fail to compile are left out. */
const deparseViews = async (client: SqlClient, views: readonly View[]): Promise<Map<string, string>> =>
  inRolledBackTransaction(client, async () => {
    const created: Array<{ view: View; temp: string }> = [];
    for (const [i, view] of views.entries()) {
      const temp = `platform_verify_${i}`;
      await client.exec(`SAVEPOINT platform_verify_view`);
      try {
        await client.exec(`CREATE TEMPORARY VIEW ${quoteIdent(temp)} AS\n${view.definition}`);
        await client.exec(`RELEASE SAVEPOINT platform_verify_view`);
        created.push({ view, temp });
      } catch {
        await client.exec(`ROLLBACK TO SAVEPOINT platform_verify_view; RELEASE SAVEPOINT platform_verify_view`);
      }
    }
    const out = new Map<string, string>();
    if (created.length === 0) return out;
    // The same rendering introspection uses: an empty search_path qualifies every name.
    await client.query(`SELECT pg_catalog.set_config('search_path', '', true)`);
    const { rows } = await client.query<{ name: string; definition: string }>(
      `SELECT c.relname AS name, pg_catalog.pg_get_viewdef(c.oid) AS definition
         FROM pg_catalog.pg_class c
        WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname = ANY($1::text[])`,
      [created.map((c) => c.temp)],
    );
    const byTemp = new Map(rows.map((r) => [r.name, r.definition]));
    for (const { view, temp } of created) {
      const text = byTemp.get(temp);
      if (text !== undefined) out.set(key(view), text.trim().replace(/;\s*$/, ""));
    }
    return out;
  });

/**
 * Runs `body` in a transaction that is always rolled back; inside a caller's open transaction, in a
 * savepoint rolled back to instead (a SAVEPOINT outside a transaction block fails with 25P01 and
 * changes nothing, which is how the two cases are told apart).
 */
const inRolledBackTransaction = async <T>(client: SqlClient, body: () => Promise<T>): Promise<T> => {
  let nested = true;
  try {
    await client.exec("SAVEPOINT platform_verify");
  } catch {
    nested = false;
    await client.exec("BEGIN");
  }
  try {
    return await body();
  } finally {
    await client.exec(nested ? "ROLLBACK TO SAVEPOINT platform_verify; RELEASE SAVEPOINT platform_verify" : "ROLLBACK");
  }
};
