/**
 * Child process for the interrupted-run test: opens a native run in the given base directory, prints
 * one JSON line describing the server, then waits forever — until the test SIGKILLs it.
 * Usage: node --import tsx test/support/hold-native-server.ts <baseDir> <version>
 */
import { openNativeRun } from "./native-run.js";
import { pgVersions } from "./selection.js";

const [baseDir, version] = process.argv.slice(2);
if (baseDir === undefined || version === undefined) throw new Error("usage: hold-native-server.ts <baseDir> <version>");
const versions = pgVersions({ PG_VERSIONS: version });
const run = await openNativeRun({ versions, baseDir });
const server = run.servers[0];
if (server === undefined) throw new Error("no server started");
process.stdout.write(
  `${JSON.stringify({ runDir: run.runDir, port: server.port, adminUrl: server.adminUrl, postmasterPid: server.postmasterPid })}\n`,
);
setInterval(() => {}, 60_000);
