import { expect, it } from "vitest";
import { fixture, runCli, spawnCli } from "./helpers/cli.js";
import { databaseFactory, historyRows, withClient } from "./helpers/databases.js";
import { describeOnProviders } from "./helpers/providers.js";

const TRIALS = 30;
const PARALLEL = 3;
const migrations = fixture("killable");

/**
 * Kills `migrate up` with SIGKILL at a random moment: half the trials at a random time after start, half at a
 * random delay after the transaction:false migration recorded its `started` marker (so inside it). The next
 * `up` must always converge to the intended state.
 */
describeOnProviders("SIGKILL at random moments during `migrate up`", { providers: ["native"] }, (getDb) => {
  it(`converges on the next run in ${TRIALS} trials`, { timeout: 600_000 }, async () => {
    const db = getDb();
    const databases = databaseFactory(db.url as string, db.client);
    const outcomes: string[] = [];
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < TRIALS) {
          const trial = next;
          next += 1;
          outcomes.push(await runTrial(await databases.create(), trial));
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    } finally {
      await databases.dropAll();
    }
    // The trials really did kill inside the non-transactional migration, not only before or after the run.
    expect(outcomes.filter((outcome) => outcome.startsWith("killed-inside-0002")).length).toBeGreaterThanOrEqual(
      TRIALS / 4,
    );
    expect(outcomes.filter((outcome) => outcome.startsWith("killed")).length).toBeGreaterThanOrEqual(TRIALS / 2);
    // …and some of those left a half-done migration that the next run repaired.
    expect(outcomes.filter((outcome) => outcome.endsWith("+repaired")).length).toBeGreaterThanOrEqual(1);
  });
});

const runTrial = async (url: string, trial: number): Promise<string> => {
  const { child, done } = spawnCli(["up", "--database-url", url, "--migrations-dir", migrations]);
  const insideNonTransactional = trial % 2 === 0;
  let killedAt = "not-killed";
  if (insideNonTransactional) {
    const started = await waitForStarted(url, done);
    if (started) {
      await sleep(Math.random() * 700);
      if (child.exitCode === null && child.kill("SIGKILL")) killedAt = "killed-inside-0002";
    }
  } else {
    await sleep(800 + Math.random() * 2500);
    if (child.exitCode === null && child.kill("SIGKILL")) killedAt = "killed-random";
  }
  await done;
  const rerun = await runCli(["up", "--database-url", url, "--migrations-dir", migrations, "--lock-wait", "60s"]);
  expect(rerun.code, `trial ${trial} (${killedAt}): ${rerun.stdout}\n${rerun.stderr}`).toBe(0);
  await withClient(url, async (client) => {
    expect((await historyRows(client)).map((row) => `${row.name}:${row.state}`)).toEqual([
      "0001_create_items:applied",
      "0002_index_items:applied",
      "0003_add_tags:applied",
      "0004_item_counts:applied",
    ]);
    const indexes = await client.query<{ name: string; valid: boolean }>(
      `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid IN ('items'::regclass, 'tags'::regclass) ORDER BY 1`,
    );
    expect(indexes.rows).toEqual([
      { name: "items_a_idx", valid: true },
      { name: "items_b_idx", valid: true },
      { name: "items_pkey", valid: true },
      { name: "tags_pkey", valid: true },
    ]);
    const counts = await client.query<{ tag: string; n: string }>("SELECT tag, n::text FROM tag_counts");
    expect(counts.rows).toEqual([{ tag: "even", n: "10000" }]);
  });
  return rerun.stdout.includes("was interrupted by an earlier run; repairing") ? `${killedAt}+repaired` : killedAt;
};

/** Polls history until 0002 is recorded as started (true) or the run ends first (false). */
const waitForStarted = async (url: string, done: Promise<unknown>): Promise<boolean> => {
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  return withClient(url, async (client) => {
    while (!finished) {
      const { rows } = await client
        .query<{ state: string }>("SELECT state FROM platform_migrator.history WHERE name = '0002_index_items'")
        .catch(() => ({ rows: [] as { state: string }[] }));
      if (rows[0]?.state === "started") return true;
      await sleep(20);
    }
    return false;
  });
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
