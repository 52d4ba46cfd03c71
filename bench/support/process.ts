import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
let counter = 0;

/** GNU time's `-f "%U %S"` output (seconds) as milliseconds; undefined when it is not there. */
const readCpu = (file: string): number | undefined => {
  try {
    const last = readFileSync(file, "utf8").trim().split("\n").at(-1) ?? "";
    const [user, system] = last.split(" ").map(Number);
    return user !== undefined && system !== undefined && Number.isFinite(user + system)
      ? (user + system) * 1000
      : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(file, { force: true });
  }
};

export interface ProcessResult {
  /** wall clock, spawn to exit */
  readonly ms: number;
  /** user + system CPU of the process and the children it waited for (GNU time), when /usr/bin/time exists */
  readonly cpuMs?: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run a whole process and time it from spawn to exit (start-up included: that is what a user waits for).
 * Also reads the CPU time the process used (GNU time wraps it; its own cost is a fork and a wait): on a
 * machine shared with other work, CPU time is the load-robust number beside the wall clock.
 * Rejects when the exit code is not one of `okCodes`, with the process's output in the message.
 */
export const timeProcess = (
  command: string,
  args: readonly string[],
  options: { cwd: string; okCodes?: readonly number[]; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> =>
  new Promise((resolve, reject) => {
    const cpuFile = join(tmpdir(), `bench-cpu-${process.pid}-${counter++}`);
    const timed = existsSync(GNU_TIME);
    const started = performance.now();
    const child = spawn(timed ? GNU_TIME : command, timed ? ["-f", "%U %S", "-o", cpuFile, command, ...args] : args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      const cpuMs = timed ? readCpu(cpuFile) : undefined;
      if ((options.okCodes ?? [0]).includes(code ?? -1))
        resolve({ ms, code, stdout, stderr, ...(cpuMs !== undefined ? { cpuMs } : {}) });
      else
        reject(
          new Error(`${command} ${args.join(" ")} exited ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`),
        );
    });
  });

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** A Markdown table with columns padded to their widest cell. */
export const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
};

export const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
