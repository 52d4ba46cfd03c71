/**
 * `pnpm bench`: every `bench/*.bench.ts`, one after another (never in parallel: they time whole processes
 * on a shared machine), each as its own standalone process with the workspace sources condition. Extra
 * arguments are passed to each bench. Exit 1 when any bench failed; the others still run.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL("./", import.meta.url));
const repoRoot = join(benchDir, "..");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--") && a.endsWith(".bench.ts"));
const passThrough = process.argv.slice(2).filter((a) => !only.includes(a));
const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.includes(f)))
  .sort();
const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=@platform/source", join(benchDir, bench), ...passThrough],
    { cwd: repoRoot, stdio: "inherit" },
  );
  if (result.status !== 0) failed.push(`${bench} (exit ${result.status ?? result.signal})`);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
