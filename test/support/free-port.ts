import { createServer } from "node:net";

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now. The OS picks it (port 0), so parallel
 * test runs do not collide; a server started on it a moment later can still lose a race, so callers retry.
 */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error("no port assigned")) : resolve(port)));
    });
  });
