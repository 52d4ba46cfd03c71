/**
 * What "the platform works on this server" means, as vitest cases over a database created from the
 * platform's create script: every table takes and returns rows, row level security filters by the
 * session's user, and the compat objects behave as their PocketBase/SQLite namesakes.
 */
import type { SqlClient } from "@platform/migrator/db";
import type { Catalog } from "@platform/schema";
import { beforeAll, expect, it } from "vitest";
import {
  DOC_A,
  DOC_B_PUBLIC,
  EVENT_A,
  EVENT_B,
  insertRows,
  platformFor,
  platformRows,
  readBackRows,
  USER_A,
  USER_B,
  vectorText,
} from "../../fixtures/platform/index.js";
import { createTemplatePartitions, emitCreateScript } from "../../packages/migrator/src/sql/index.js";

export interface PlatformDatabase {
  readonly provider: string;
  readonly client: SqlClient;
  /** extensions the server can install; the platform variant follows from it */
  readonly availableExtensions: ReadonlySet<string>;
}

const rowsOf = async <R>(client: SqlClient, sql: string, params: readonly unknown[] = []): Promise<R[]> =>
  (await client.query<R & Record<string, unknown>>(sql, params)).rows;

const first = async <R>(client: SqlClient, sql: string, params: readonly unknown[] = []): Promise<R> => {
  const [row] = await rowsOf<R>(client, sql, params);
  if (row === undefined) throw new Error(`no row from: ${sql}`);
  return row;
};

/** Runs `query` in a transaction as `role`, with the session user set (transaction-local) or not, then rolls back. */
const asRole = async <R>(
  client: SqlClient,
  role: string,
  userId: string | undefined,
  query: string,
): Promise<{ rows?: R[]; error?: string }> => {
  await client.exec(`BEGIN; SET LOCAL ROLE ${role};`);
  try {
    if (userId !== undefined) await client.query("SELECT set_config('app.current_user_id', $1, true)", [userId]);
    return { rows: await rowsOf<R>(client, query) };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    await client.exec("ROLLBACK");
  }
};

const ids = (result: { rows?: { id: string }[]; error?: string }): string[] | string =>
  result.error ?? (result.rows ?? []).map((r) => r.id).sort();

/** The cases, on the platform variant the server can take (with pgvector or without). */
export const platformChecks = (getDb: () => PlatformDatabase): void => {
  let catalog: Catalog = platformFor(new Set());
  const hasVector = () => catalog.extensions.some((e) => e.name === "vector");

  beforeAll(async () => {
    const { client, availableExtensions } = getDb();
    catalog = platformFor(availableExtensions);
    await client.exec(emitCreateScript(catalog));
    await insertRows(client, catalog);
  });

  it("takes rows into every table and returns them unchanged", async () => {
    const { client } = getDb();
    const filled = platformRows.map((r) => r.table).sort();
    expect(filled).toEqual(catalog.tables.map((t) => `${t.schema}.${t.name}`).sort());
    const readBack = await readBackRows(client, catalog);
    for (const r of readBack) {
      expect(r.stored, `${r.table} (${r.key})`).toEqual([r.expected]);
    }
  });

  it("fills defaults: uuid v7 ids, created_at/updated_at, enum and jsonb defaults", async () => {
    const { client } = getDb();
    const key = await first<{ id: string; created_at: Date | string; scopes: string }>(
      client,
      "SELECT id::text, created_at, scopes::text FROM auth.api_keys WHERE key_prefix = 'pk_live_ab12'",
    );
    expect(key.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(key.created_at).toBeTruthy();
    const user = await first<{ role: string; is_active: boolean }>(
      client,
      "SELECT role::text, is_active FROM auth.users WHERE id = $1",
      [USER_B],
    );
    expect(user).toEqual({ role: "member", is_active: true });
  });

  it("stamps updated_at on a real change only", async () => {
    const { client } = getDb();
    const before = await first<{ t: string }>(client, "SELECT updated_at::text AS t FROM auth.groups LIMIT 1");
    await client.exec("SELECT pg_sleep(0.01)");
    await client.exec("UPDATE auth.groups SET name = name");
    const same = await first<{ t: string }>(client, "SELECT updated_at::text AS t FROM auth.groups LIMIT 1");
    await client.exec("UPDATE auth.groups SET description = 'changed'");
    const after = await first<{ t: string }>(client, "SELECT updated_at::text AS t FROM auth.groups LIMIT 1");
    expect(same.t).toBe(before.t);
    expect(after.t > before.t).toBe(true);
  });

  it("keeps documents' search_vector current through the trigger", async () => {
    const { client } = getDb();
    const hits = await rowsOf<{ id: string }>(
      client,
      "SELECT id::text FROM data_platform.documents WHERE search_vector @@ plainto_tsquery('simple', 'handbook')",
    );
    expect(hits.map((h) => h.id)).toEqual([DOC_B_PUBLIC]);
    await client.query("UPDATE data_platform.documents SET content = 'a handbook too' WHERE id = $1", [DOC_A]);
    const after = await rowsOf<{ id: string }>(
      client,
      "SELECT id::text FROM data_platform.documents WHERE search_vector @@ plainto_tsquery('simple', 'handbook') ORDER BY id",
    );
    expect(after.map((h) => h.id)).toEqual([DOC_A, DOC_B_PUBLIC]);
  });

  it("routes partitioned rows to the DEFAULT partitions, UNLOGGED for logs and metrics", async () => {
    const { client } = getDb();
    const placed = await rowsOf<{ partition: string; n: string | number }>(
      client,
      `SELECT tableoid::regclass::text AS partition, count(*) AS n FROM data_platform.events GROUP BY 1
       UNION ALL SELECT tableoid::regclass::text, count(*) FROM data_platform.storage_records GROUP BY 1
       UNION ALL SELECT tableoid::regclass::text, count(*) FROM service_platform.request_logs GROUP BY 1
       UNION ALL SELECT tableoid::regclass::text, count(*) FROM monitoring.metrics GROUP BY 1
       ORDER BY 1`,
    );
    expect(placed.map((p) => [p.partition, Number(p.n)])).toEqual([
      ["data_platform.events_default", 2],
      ["data_platform.storage_records_default", 2],
      ["monitoring.metrics_default", 2],
      ["service_platform.request_logs_default", 2],
    ]);
    const persistence = await rowsOf<{ relname: string; relpersistence: string }>(
      client,
      `SELECT relname, relpersistence FROM pg_class
        WHERE relname IN ('events', 'events_default', 'request_logs', 'request_logs_default', 'metrics', 'metrics_default')
        ORDER BY relname`,
    );
    expect(persistence.map((r) => `${r.relname}:${r.relpersistence}`)).toEqual([
      "events:p",
      "events_default:p",
      "metrics:p",
      "metrics_default:u",
      "request_logs:p",
      "request_logs_default:u",
    ]);
  });

  it("expires storage records with the TTL sweep", async () => {
    const { client } = getDb();
    const purged = await first<{ n: string | number }>(
      client,
      "SELECT data_platform.purge_expired_storage_records() AS n",
    );
    expect(Number(purged.n)).toBe(1);
    const left = await rowsOf<{ id: string }>(client, "SELECT id FROM data_platform.storage_records ORDER BY id");
    expect(left.map((r) => r.id)).toEqual(["thread:42:state"]);
  });

  it("rolls metrics up into monitoring.daily_stats, refreshable concurrently", async () => {
    const { client } = getDb();
    await client.exec("REFRESH MATERIALIZED VIEW CONCURRENTLY monitoring.daily_stats");
    const stats = await rowsOf<{ day: string; node_id: string; samples: string | number; max_mem: number }>(
      client,
      "SELECT day::text, node_id, samples, max_mem FROM monitoring.daily_stats",
    );
    expect(stats.map((s) => [s.day, s.node_id, Number(s.samples), Number(s.max_mem)])).toEqual([
      ["2026-01-06", "node-1", 2, 768],
    ]);
  });

  it("RLS: app_role sees no events without the session user, only its own with it", async () => {
    const { client } = getDb();
    const query = "SELECT id::text AS id FROM data_platform.events";
    expect(ids(await asRole(client, "app_role", undefined, query))).toEqual([]);
    expect(ids(await asRole(client, "app_role", USER_A, query))).toEqual([EVENT_A]);
    expect(ids(await asRole(client, "app_role", USER_B, query))).toEqual([EVENT_B]);
    expect(ids(await asRole(client, "readonly_role", USER_B, query))).toEqual([EVENT_B]);
    // as the owner (no RLS) both are there
    expect((await rowsOf<{ id: string }>(client, query)).map((r) => r.id).sort()).toEqual([EVENT_A, EVENT_B].sort());
  });

  it("RLS: a transaction-local user id does not leak into the next transaction (and does not raise)", async () => {
    const { client } = getDb();
    expect(ids(await asRole(client, "app_role", USER_A, "SELECT id::text AS id FROM data_platform.events"))).toEqual([
      EVENT_A,
    ]);
    // current_setting now returns '' for the reset placeholder; auth.current_user_id() makes it NULL
    expect(ids(await asRole(client, "app_role", undefined, "SELECT id::text AS id FROM data_platform.events"))).toEqual(
      [],
    );
  });

  it("RLS: app_role may not write events or documents for another user", async () => {
    const { client } = getDb();
    const foreign = await asRole(
      client,
      "app_role",
      USER_A,
      `INSERT INTO data_platform.events (user_id, event_type) VALUES ('${USER_B}', 'click') RETURNING id::text AS id`,
    );
    expect(foreign.error).toMatch(/row-level security/);
    const own = await asRole(
      client,
      "app_role",
      USER_A,
      `INSERT INTO data_platform.events (user_id, event_type) VALUES ('${USER_A}', 'click') RETURNING id::text AS id`,
    );
    expect(own.error).toBeUndefined();
    const stolen = await asRole<{ id: string }>(
      client,
      "app_role",
      USER_A,
      `UPDATE data_platform.documents SET title = 'mine' WHERE id = '${DOC_B_PUBLIC}' RETURNING id::text AS id`,
    );
    expect(stolen.rows).toEqual([]);
  });

  it("RLS: documents show the owner's and public ones", async () => {
    const { client } = getDb();
    const query = "SELECT id::text AS id FROM data_platform.documents";
    expect(ids(await asRole(client, "app_role", undefined, query))).toEqual([DOC_B_PUBLIC]);
    expect(ids(await asRole(client, "app_role", USER_A, query))).toEqual([DOC_A, DOC_B_PUBLIC].sort());
    expect((await asRole<{ id: string }>(client, "app_role", USER_B, query)).rows).toHaveLength(2);
  });

  it("grants: readonly_role reads but cannot write", async () => {
    const { client } = getDb();
    const read = await asRole(client, "readonly_role", undefined, "SELECT id::text AS id FROM auth.organizations");
    expect(read.rows).toHaveLength(1);
    const write = await asRole(client, "readonly_role", undefined, "DELETE FROM auth.groups RETURNING id::text AS id");
    expect(write.error).toMatch(/permission denied/);
  });

  it("uuid_generate_v7(): version 7, RFC 9562 variant, current timestamp, sorted by creation", async () => {
    const { client } = getDb();
    const generated = await rowsOf<{ u: string; ms: string }>(
      client,
      `SELECT u::text, (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text AS ms
         FROM (SELECT i, public.uuid_generate_v7() AS u FROM generate_series(1, 2000) AS i ORDER BY i) s`,
    );
    const separate: string[] = [];
    for (let i = 0; i < 5; i++) {
      separate.push((await first<{ u: string }>(client, "SELECT public.uuid_generate_v7()::text AS u")).u);
    }
    const all = [...generated.map((g) => g.u), ...separate];
    for (const u of all) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    const timestamp = Number.parseInt(all[0]?.replaceAll("-", "").slice(0, 12) ?? "", 16);
    expect(Math.abs(timestamp - Number(generated[0]?.ms))).toBeLessThan(5_000);
  });

  it("nocase: 'ABC' = 'abc', and usernames/e-mails are unique ignoring case", async () => {
    const { client } = getDb();
    const eq = await first<{ eq: boolean; cs: boolean }>(
      client,
      "SELECT 'ABC' = 'abc' COLLATE public.nocase AS eq, 'ABC' = 'abc' COLLATE \"C\" AS cs",
    );
    expect(eq).toEqual({ eq: true, cs: false });
    const found = await rowsOf<{ id: string }>(
      client,
      "SELECT id::text FROM auth.users WHERE email = 'ALICE@example.COM'",
    );
    expect(found.map((r) => r.id)).toEqual([USER_A]);
    const duplicate = await client
      .exec(`INSERT INTO auth.users (username, email, password_hash) VALUES ('ALICE', 'other@example.com', 'x')`)
      .then(
        () => "inserted",
        (e: Error) => e.message,
      );
    expect(duplicate).toMatch(/users_username_key/);
  });

  // Why compat.ts declares nocase as `@colStrength=secondary`: PGlite's reduced ICU ignores the `-u-ks-`
  // keyword of the BCP 47 tag `und-u-ks-level2` (the collation is created but compares case-sensitively).
  // When this starts failing on PGlite, its ICU learned the tag and either spelling will do.
  it("nocase: the ICU keyword form is case-insensitive everywhere, the BCP 47 tag not on PGlite", async () => {
    const { client, provider } = getDb();
    await client.exec(
      "BEGIN; CREATE COLLATION pg_temp.nocase_tag (provider = icu, locale = 'und-u-ks-level2', deterministic = false);",
    );
    try {
      const r = await first<{ tag: boolean; keyword: boolean }>(
        client,
        "SELECT 'ABC' = 'abc' COLLATE pg_temp.nocase_tag AS tag, 'ABC' = 'abc' COLLATE public.nocase AS keyword",
      );
      expect(r).toEqual({ tag: !provider.startsWith("pglite"), keyword: true });
    } finally {
      await client.exec("ROLLBACK");
    }
  });

  it("json_valid(text): true or false, never an error", async () => {
    const { client } = getDb();
    const r = await first<Record<string, boolean | null>>(
      client,
      `SELECT public.json_valid('{"a": [1, 2.5, null]}') AS object, public.json_valid('"text"') AS scalar,
              public.json_valid('{bad') AS broken, public.json_valid('') AS empty,
              public.json_valid('{"a": 1') AS unterminated, public.json_valid(NULL) AS null_input`,
    );
    expect(r).toEqual({
      object: true,
      scalar: true,
      broken: false,
      empty: false,
      unterminated: false,
      null_input: null,
    });
  });

  // last: it adds rows the cases above do not expect
  it("rolling partitions made from the templates take their rows, UNLOGGED where the template says", async () => {
    const { client } = getDb();
    for (const table of catalog.tables.filter((t) => t.partitionTemplate)) {
      await client.exec(createTemplatePartitions(table, { from: "2030-01-01", to: "2030-01-02" }).join("\n"));
    }
    const at = "2030-01-01 12:00:00+00";
    await client.query(
      "INSERT INTO data_platform.events (user_id, event_type, created_at) VALUES ($1::text::uuid, 'view', $2::text::timestamptz)",
      [USER_A, at],
    );
    await client.query(
      "INSERT INTO data_platform.storage_records (id, data, created_at) VALUES ('r2030', '{}', $1::text::timestamptz)",
      [at],
    );
    await client.query(
      "INSERT INTO service_platform.request_logs (url, method, status, created_at) VALUES ('/x', 'GET', 500, $1::text::timestamptz)",
      [at],
    );
    await client.query(
      "INSERT INTO monitoring.metrics (recorded_at, node_id) VALUES ($1::text::timestamptz, 'node-9')",
      [at],
    );
    const placed = await rowsOf<{ partition: string; persistence: string }>(
      client,
      `SELECT p.oid::regclass::text AS partition, p.relpersistence AS persistence
         FROM (SELECT tableoid FROM data_platform.events WHERE created_at >= '2030-01-01'
               UNION ALL SELECT tableoid FROM data_platform.storage_records WHERE created_at >= '2030-01-01'
               UNION ALL SELECT tableoid FROM service_platform.request_logs WHERE created_at >= '2030-01-01'
               UNION ALL SELECT tableoid FROM monitoring.metrics WHERE recorded_at >= '2030-01-01') r
         JOIN pg_class p ON p.oid = r.tableoid
        ORDER BY 1`,
    );
    expect(placed.map((p) => `${p.partition}:${p.persistence}`)).toEqual([
      "data_platform.events_2030_01:p",
      "data_platform.storage_records_2030_01:p",
      "monitoring.metrics_20300101:u",
      "service_platform.request_logs_20300101:u",
    ]);
  });

  it("pgvector: nearest neighbour by cosine distance (servers with pgvector)", async (ctx) => {
    if (!hasVector()) ctx.skip();
    const { client } = getDb();
    const nearest = await rowsOf<{ record_id: string }>(
      client,
      "SELECT record_id FROM data_platform.text_embeddings ORDER BY embedding <=> $1::text::public.vector(1536) LIMIT 1",
      [vectorText(1536, 1)],
    );
    expect(nearest).toEqual([{ record_id: "ticket-2" }]);
  });

  it("no vector columns (servers without pgvector)", async (ctx) => {
    if (hasVector()) ctx.skip();
    const { client } = getDb();
    const n = await first<{ n: string | number }>(
      client,
      "SELECT count(*) AS n FROM information_schema.columns WHERE udt_name IN ('vector', 'halfvec')",
    );
    expect(Number(n.n)).toBe(0);
  });
};
