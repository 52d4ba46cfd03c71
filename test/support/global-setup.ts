import { connectPg, redactUrl } from "@platform/migrator/db";
import type { TestProject } from "vitest/node";
import type { ServerEntry, UnavailableProvider } from "./context.js";
import { openNativeRun } from "./native-run.js";
import { writePgliteTemplate } from "./pglite-instance.js";
import { isSelected, nativeProviderName, pgVersions, providerSelectors } from "./selection.js";
import { readServerFacts } from "./server-database.js";
import { dockerUnavailableReason, startTestcontainer } from "./testcontainers.js";

/**
 * vitest globalSetup: runs once per `vitest run`, in the main process. Starts what is shared by the
 * whole run (native servers, the testcontainers container), probes each server's version and
 * extensions, prints one line per provider, and hands it all to the test files via `provide`.
 * The returned teardown always runs at the end, also when tests fail.
 */
const probe = async (name: string, adminUrl: string): Promise<ServerEntry> => {
  const client = await connectPg(adminUrl, "platform-db-test-probe").catch((error: Error) => {
    throw new Error(
      `test databases: ${name} at ${redactUrl(adminUrl)}: cannot connect (${error.message})\n  fix: ${name === "url" ? "check TEST_DATABASE_URL, or unset it" : "see the server log above"}`,
      { cause: error },
    );
  });
  try {
    const facts = await readServerFacts(client);
    return {
      name,
      adminUrl,
      serverVersion: facts.serverVersion,
      availableExtensions: [...facts.availableExtensions],
    };
  } finally {
    await client.close();
  }
};

const versionText = (num: number): string => `${Math.floor(num / 10000)}.${num % 100}`;

/** A start-up step that hangs would hang the whole `vitest run` silently; fail it loudly instead. */
const withTimeout = <T>(what: string, ms: number, promise: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `test databases: ${what} did not finish within ${ms / 1000} s\n  fix: check the machine's load; TEST_PROVIDERS narrows what starts`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

const STARTUP_TIMEOUT_MS = 240_000;

const line = (text: string) => console.log(`[test databases] ${text}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  providerSelectors(); // validates TEST_PROVIDERS and PG_VERSIONS before anything starts
  const versions = pgVersions().filter((version) => isSelected(nativeProviderName(version)));
  // the PGlite template (one initdb for the whole run) is built while the native servers start
  const usesPglite = isSelected("pglite") || isSelected("pglite-socket");
  const native = await withTimeout(
    "starting native PostgreSQL and building the PGlite template",
    STARTUP_TIMEOUT_MS,
    openNativeRun({ versions, ...(usesPglite ? { alongside: writePgliteTemplate } : {}) }),
  );
  if (native.reaped.length > 0) line(`cleaned up ${native.reaped.length} run(s) left behind by interrupted test runs`);
  const stops: (() => Promise<void>)[] = [native.close];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
  };

  try {
    const servers: ServerEntry[] = [];
    const unavailable: UnavailableProvider[] = [];

    const testDatabaseUrl = process.env.TEST_DATABASE_URL;
    if (testDatabaseUrl && isSelected("url")) servers.push(await probe("url", testDatabaseUrl));

    if (isSelected("testcontainers")) {
      const reason = await dockerUnavailableReason();
      if (reason === undefined) {
        const container = await withTimeout(
          "starting the testcontainers container",
          STARTUP_TIMEOUT_MS,
          startTestcontainer(),
        );
        stops.push(container.stop);
        servers.push(await probe("testcontainers", container.adminUrl));
      } else {
        unavailable.push({ name: "testcontainers", reason });
      }
    }

    for (const server of native.servers) servers.push(await probe(nativeProviderName(server.version), server.adminUrl));

    for (const server of servers) line(`${server.name}: PostgreSQL ${versionText(server.serverVersion)}`);
    for (const name of ["pglite", "pglite-socket"]) if (isSelected(name)) line(`${name}: in-process PGlite`);
    for (const skipped of unavailable) line(`${skipped.name}: skipped — ${skipped.reason}`);

    project.provide("platformDb", { servers, unavailable, runDir: native.runDir });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
