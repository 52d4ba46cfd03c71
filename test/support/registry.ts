import { harnessContext } from "./context.js";
import { nativeProvider } from "./native.js";
import { pgliteProvider } from "./pglite.js";
import { PGLITE_EXTENSIONS } from "./pglite-instance.js";
import { pgliteSocketProvider } from "./pglite-socket.js";
import type { DatabaseProvider } from "./provider.js";
import { isSelected, providerFamily } from "./selection.js";
import { testcontainersProvider } from "./testcontainers.js";
import { urlProvider } from "./url.js";

/** A provider plus what a test needs to decide, at collection time, whether it can run there. */
export interface RegisteredProvider {
  readonly provider: DatabaseProvider;
  readonly family: string;
  readonly extensions: ReadonlySet<string>;
}

type ServerFamily = "url" | "testcontainers" | "native";

const serverProviders = {
  url: (_name: string, adminUrl: string) => urlProvider(adminUrl),
  testcontainers: (_name: string, adminUrl: string) => testcontainersProvider(adminUrl),
  native: nativeProvider,
} satisfies Record<ServerFamily, (name: string, adminUrl: string) => DatabaseProvider>;

const isServerFamily = (family: string): family is ServerFamily => Object.hasOwn(serverProviders, family);

const serverProvider = (name: string, adminUrl: string): DatabaseProvider => {
  const family = providerFamily(name);
  if (!isServerFamily(family)) throw new Error(`test database harness: "${name}" is not a server provider`);
  return serverProviders[family](name, adminUrl);
};

/**
 * Every provider of this run, in order of preference (url, testcontainers, native-*, pglite, pglite-socket),
 * already narrowed by TEST_PROVIDERS; plus the ones that cannot run here, with why.
 */
export const registeredProviders = (): {
  available: readonly RegisteredProvider[];
  unavailable: readonly { name: string; reason: string }[];
} => {
  const context = harnessContext();
  const servers = context.servers.map((server) => ({
    provider: serverProvider(server.name, server.adminUrl),
    family: providerFamily(server.name),
    extensions: new Set(server.availableExtensions),
  }));
  const pglite = [pgliteProvider(context.runDir), pgliteSocketProvider(context.runDir)]
    .filter((provider) => isSelected(provider.name))
    .map((provider) => ({ provider, family: provider.name, extensions: PGLITE_EXTENSIONS }));
  return { available: [...servers, ...pglite], unavailable: context.unavailable };
};
