import { expect, it, vi } from "vitest";
import { fixture, runCli } from "../runner/helpers/cli.js";
import { historyRows } from "../runner/helpers/databases.js";
import { describeOnProviders } from "../runner/helpers/providers.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

interface StatusDocument {
  exitCode: number;
  results: { target: string; ok: boolean; migrations: { name: string; state: string; durationMs?: number }[] }[];
}

describeOnProviders("migrate up / down / status / --dry-run", { providers: ["native"] }, (getDb) => {
  const args = () => ["--database-url", getDb().url as string, "--migrations-dir", fixture("basic")];
  const applied = async () => (await historyRows(getDb().client)).map((row) => row.name);
  const schemas = async () =>
    (
      await getDb().client.query<{ nspname: string }>(
        "SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'platform_migrator') ORDER BY 1",
      )
    ).rows.map((row) => row.nspname);

  it("--dry-run prints the SQL and changes nothing", async () => {
    const run = await runCli(["up", "--dry-run", ...args()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("-- 0003_index_users_email (up, transaction:false)");
    expect(run.stdout).toContain("CREATE TABLE app.posts (");
    expect(run.stdout).toContain("dry run: would apply 4 migration(s); nothing was changed");
    expect(await schemas()).toEqual([]);
  });

  it("status --json on a fresh database: everything pending, exit 1", async () => {
    const run = await runCli(["status", "--json", ...args()]);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as StatusDocument;
    expect(document.exitCode).toBe(1);
    expect(document.results[0]?.migrations.map((migration) => migration.state)).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
  });

  it("up --to applies up to and including the named migration", async () => {
    const run = await runCli(["up", "--to", "0002_add_posts", ...args()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/↑ 0001_create_schema \d+ ms/);
    expect(run.stdout).toContain("applied 2 migration(s)");
    expect(await applied()).toEqual(["0001_create_schema", "0002_add_posts"]);
  });

  it("up applies the rest; status --json then reports all applied with timings, exit 0", async () => {
    expect((await runCli(["up", ...args()])).code).toBe(0);
    const run = await runCli(["status", "--json", ...args()]);
    expect(run.code).toBe(0);
    const migrations = (JSON.parse(run.stdout) as StatusDocument).results[0]?.migrations ?? [];
    expect(migrations.map((migration) => migration.state)).toEqual(["applied", "applied", "applied", "applied"]);
    for (const migration of migrations) expect(migration.durationMs).toBeGreaterThanOrEqual(0);
    // 0004 mixes statements with a BEGIN ATOMIC function body; both functions exist and work.
    const counted = await getDb().client.query<{ n: string; hi: string }>(
      "SELECT app.user_count()::text AS n, (SELECT app.greet(u) FROM app.users u WHERE email = 'user1@example.com') AS hi",
    );
    expect(counted.rows).toEqual([{ n: "200", hi: "hi; user1" }]);
  });

  it("down --dry-run prints the down SQL and changes nothing", async () => {
    const run = await runCli(["down", "--steps", "2", "--dry-run", ...args()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("-- 0004_add_user_names (down, in a transaction)");
    expect(run.stdout).toContain("DROP INDEX CONCURRENTLY IF EXISTS app.posts_author_idx;");
    expect((await applied()).length).toBe(4);
  });

  it("down reverts the latest; --steps N the latest N; --to NAME everything after NAME; --to 0 all", async () => {
    expect((await runCli(["down", ...args()])).code).toBe(0);
    expect(await applied()).toEqual(["0001_create_schema", "0002_add_posts", "0003_index_users_email"]);
    const column =
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'display_name'";
    expect((await getDb().client.query(column)).rows).toHaveLength(0);

    expect((await runCli(["down", "--steps", "2", ...args()])).code).toBe(0);
    expect(await applied()).toEqual(["0001_create_schema"]);
    const index = await getDb().client.query("SELECT 1 FROM pg_class WHERE relname = 'users_email_key'");
    expect(index.rows).toHaveLength(0);

    expect((await runCli(["up", ...args()])).code).toBe(0);
    expect((await runCli(["down", "--to", "0002", ...args()])).code).toBe(0);
    expect(await applied()).toEqual(["0001_create_schema", "0002_add_posts"]);

    expect((await runCli(["down", "--to", "0", ...args()])).code).toBe(0);
    expect(await applied()).toEqual([]);
    expect(await schemas()).toEqual(["platform_migrator"]);

    const nothing = await runCli(["down", ...args()]);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain("nothing to revert");
  });

  it("usage errors exit 2: --to and --steps together, an unknown --to, an unknown flag", async () => {
    const both = await runCli(["down", "--to", "0001", "--steps", "1", ...args()]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("down takes --to or --steps, not both");
    const unknown = await runCli(["up", "--to", "0099_nope", ...args()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--to 0099_nope: there is no migration with that name or version");
    const flag = await runCli(["up", "--frobnicate", ...args()]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--frobnicate'");
  });
});
