import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { connectPg } from "@platform/migrator/db";
import { describe, expect, it } from "vitest";
import { openNativeRun } from "../support/native-run.js";
import { isSelected, nativeProviderName, pgVersions } from "../support/selection.js";

interface Held {
  readonly runDir: string;
  readonly port: number;
  readonly adminUrl: string;
  readonly postmasterPid: number;
}

const version = pgVersions()[0] ?? 16;
const holdScript = join(import.meta.dirname, "../support/hold-native-server.ts");

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const selectOne = async (url: string): Promise<number> => {
  const client = await connectPg(url);
  try {
    const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
    return rows[0]?.one ?? 0;
  } finally {
    await client.close();
  }
};

/** Starts the holder child, waits for its JSON line, SIGKILLs it; the postmaster it started is orphaned. */
const startAndKillHolder = async (baseDir: string): Promise<Held> => {
  const child = spawn(process.execPath, ["--import", "tsx", holdScript, baseDir, String(version)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`holder exited (${code}) before reporting its server`)));
  });
  lines.close();
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  return JSON.parse(first) as Held;
};

const title = `an interrupted run does not break the next one (native-${version})`;
const run = isSelected(nativeProviderName(version)) ? describe : describe.skip;
if (!isSelected(nativeProviderName(version))) {
  console.log(`[test databases] skipped "${title}": native-${version} is not selected by TEST_PROVIDERS`);
}

run(title, () => {
  it("reaps the postmaster and directory of a SIGKILLed owner, then starts again on the very same port", async () => {
    const baseDir = await mkdtemp(join(tmpdir(), "platform-db-interrupted-"));
    await chmod(baseDir, 0o755);
    try {
      const held = await startAndKillHolder(baseDir);

      // the leftover is real: the owner is gone, its server still answers and holds the port
      expect(isAlive(held.postmasterPid)).toBe(true);
      expect(await selectOne(held.adminUrl)).toBe(1);

      const next = await openNativeRun({ versions: [version], baseDir, port: held.port });
      try {
        expect(next.reaped).toEqual([held.runDir]);
        expect(isAlive(held.postmasterPid)).toBe(false);
        expect(existsSync(held.runDir)).toBe(false);
        const [server] = next.servers;
        expect(server?.port).toBe(held.port);
        expect(server?.postmasterPid).not.toBe(held.postmasterPid);
        expect(await selectOne(server?.adminUrl ?? "")).toBe(1);
      } finally {
        await next.close();
      }
      expect(existsSync(next.runDir)).toBe(false);
    } finally {
      await rm(baseDir, { recursive: true, force: true });
    }
  });
});
