import { expect, it, vi } from "vitest";
import { fixture, runCli } from "../runner/helpers/cli.js";
import { historyRows } from "../runner/helpers/databases.js";
import { describeOnProviders } from "../runner/helpers/providers.js";

// Every test here starts CLI processes (tsx start-up each); on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 400_000 });

describeOnProviders(
  "16 concurrent `migrate up` processes on one empty database",
  { providers: ["native"] },
  (getDb) => {
    it("apply every migration exactly once, and all exit 0", async () => {
      const db = getDb();
      const url = db.url as string;
      const runs = await Promise.all(
        Array.from({ length: 16 }, () =>
          runCli(["up", "--database-url", url, "--migrations-dir", fixture("basic"), "--lock-wait", "300s"]),
        ),
      );
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
      const rows = await historyRows(db.client);
      expect(rows.map((row) => [row.name, row.state])).toEqual([
        ["0001_create_schema", "applied"],
        ["0002_add_posts", "applied"],
        ["0003_index_users_email", "applied"],
        ["0004_add_user_names", "applied"],
      ]);
      // 0002 inserts 200 users: a second application would have doubled them (or failed on the table).
      const users = await db.client.query<{ n: string }>("SELECT count(*) AS n FROM app.users");
      expect(Number(users.rows[0]?.n)).toBe(200);
      // Exactly one process applied; the others found nothing to do after taking the lock.
      expect(runs.filter((run) => run.stdout.includes("applied 4 migration(s)"))).toHaveLength(1);
      expect(runs.filter((run) => run.stdout.includes("nothing to do"))).toHaveLength(15);
    });
  },
);
