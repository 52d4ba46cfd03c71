/**
 * `migrate verify` and `migrate up` as processes: exit codes, the object path in every output format,
 * up running verify afterwards. The embedded PGlite default (full platform, from the repository's
 * migrations) and a native server (the platform without pgvector, chosen by `--vector auto`).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { platformWithoutVector } from "../../fixtures/platform/index.js";
import { openEmbedded } from "../../packages/migrator/src/embedded/index.js";
import { describeOnProviders } from "../support/index.js";
import { createPlatform } from "./create-platform.js";
import { migrate } from "./migrate-cli.js";

vi.setConfig({ testTimeout: 400_000, hookTimeout: 400_000 });

describe("migrate up + verify on the embedded database", () => {
  let dir: string;

  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), "verify-embedded-")), "pglite");
  });

  it("up applies the platform and verifies it clean (exit 0)", async () => {
    const run = await migrate(["up", "--embedded-dir", dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain("drift");
  });

  it("verify reports out-of-band changes by object path, as text and JSON, exit 1", async () => {
    const client = await openEmbedded(dir);
    try {
      await client.exec(
        "DROP INDEX auth.users_organization_id_idx; ALTER TABLE data_platform.documents DISABLE ROW LEVEL SECURITY",
      );
    } finally {
      await client.close();
    }
    const text = await migrate(["verify", "--embedded-dir", dir]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toContain(
      "✖ index is declared but missing from the database\n  → at auth.users.users_organization_id_idx",
    );
    expect(text.stdout).toContain(
      "  → at data_platform.documents\n  fix: ALTER TABLE data_platform.documents ENABLE ROW LEVEL SECURITY",
    );
    expect(text.stdout).toContain("2 drifts in");

    const json = await migrate(["verify", "--embedded-dir", dir, "--json"]);
    expect(json.code, json.stderr).toBe(1);
    const doc = JSON.parse(json.stdout) as { exitCode: number; results: { drift: { code: string; path: string }[] }[] };
    expect(doc.exitCode).toBe(1);
    expect(doc.results[0]?.drift.map((d) => `${d.code} ${d.path}`)).toEqual([
      "index_missing auth.users.users_organization_id_idx",
      "table_rls_changed data_platform.documents",
    ]);
  });

  it("up with nothing pending still verifies and exits 1 on drift", async () => {
    const run = await migrate(["up", "--embedded-dir", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("→ at auth.users.users_organization_id_idx");
  });
});

describeOnProviders("migrate verify on a server without pgvector", { providers: ["native"] }, (getDb) => {
  beforeAll(async () => {
    await createPlatform(getDb().client, platformWithoutVector());
  });

  it("picks the no-vector declarations by itself and is clean, then reports a dropped trigger", async () => {
    const url = getDb().url as string;
    const clean = await migrate(["verify", "--database-url", url]);
    expect(clean.code, `${clean.stdout}${clean.stderr}`).toBe(0);
    expect(clean.stdout).toContain("matches the declarations");
    await getDb().client.exec("DROP TRIGGER set_updated_at ON auth.groups");
    const drift = await migrate(["verify", "--database-url", url]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("→ at auth.groups.set_updated_at");
    const sql = await migrate(["diff", "--from", url, "--to", "declarations"]);
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toContain("CREATE TRIGGER set_updated_at BEFORE UPDATE ON auth.groups");
  });

  it("exits 2 when the server cannot be reached", async () => {
    const run = await migrate(["verify", "--database-url", "postgres://nobody@127.0.0.1:1/none"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot reach a PostgreSQL server");
  });
});
