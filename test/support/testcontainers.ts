import type { DatabaseProvider } from "./provider.js";
import { createServerDatabase } from "./server-database.js";

export const TESTCONTAINERS_IMAGE = "pgvector/pgvector:pg16";

/** Why no container can start here, or undefined when a Docker (or compatible) engine answers. */
export const dockerUnavailableReason = async (): Promise<string | undefined> => {
  const { getContainerRuntimeClient } = await import("testcontainers");
  try {
    await getContainerRuntimeClient();
    return undefined;
  } catch (error) {
    return `no Docker engine reachable (${(error as Error).message}); start Docker or set DOCKER_HOST to use ${TESTCONTAINERS_IMAGE}`;
  }
};

/** Starts `pgvector/pgvector:pg16` once per run; Ryuk removes it even if the run is killed. */
export const startTestcontainer = async (): Promise<{ adminUrl: string; stop(): Promise<void> }> => {
  const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
  const container = await new PostgreSqlContainer(TESTCONTAINERS_IMAGE).start();
  return {
    adminUrl: container.getConnectionUri(),
    async stop() {
      await container.stop();
    },
  };
};

/** A fresh database per call on the run's container. */
export const testcontainersProvider = (adminUrl: string): DatabaseProvider => ({
  name: "testcontainers",
  unavailableReason: async () => undefined,
  createDatabase: () => createServerDatabase("testcontainers", adminUrl),
});
