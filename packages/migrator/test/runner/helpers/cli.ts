import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));
const cliSource = join(repoRoot, "packages/migrator/src/cli/main.ts");

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts the CLI from its TypeScript sources as a separate process, like `pnpm migrate` does from dist.
 * `up` gets `--no-verify`: these tests apply small fixtures, not the platform that `verify` checks against.
 */
export const spawnCli = (args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}) => {
  const argv = args[0] === "up" ? [...args, "--no-verify"] : args;
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@platform/source", cliSource, ...argv], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: undefined, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, done: collect(child) };
};

export const runCli = (args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}) =>
  spawnCli(args, env).done;

const collect = (child: ChildProcess): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });

/** A writable copy of a fixture directory, for tests that edit or delete migration files. */
export const copyFixture = async (name: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), `migrator-${name}-`));
  await cp(join(fixturesDir, name), dir, { recursive: true });
  return dir;
};

export const fixture = (name: string): string => join(fixturesDir, name);
