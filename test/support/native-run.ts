import {
  createRunDir,
  defaultNativeBaseDir,
  type NativeServer,
  reapOrphanedRuns,
  removeRunDir,
  startNativeServer,
} from "./native-server.js";
import type { PgVersion } from "./selection.js";

export interface NativeRun {
  readonly runDir: string;
  /** run directories of interrupted runs that were cleaned up before this one started */
  readonly reaped: readonly string[];
  readonly servers: readonly NativeServer[];
  /** stops every server and removes the run directory */
  close(): Promise<void>;
}

/**
 * What the global setup does for native servers, in one place so the interrupted-run test exercises the
 * real path: reap runs whose owner died, make this run's directory, start one server per version
 * (in parallel). If any server fails, the others are stopped before the error is thrown.
 */
export const openNativeRun = async (options: {
  versions: readonly PgVersion[];
  baseDir?: string;
  port?: number;
  /** more start-up work that needs the run directory, run concurrently with the servers' start */
  alongside?: (runDir: string) => Promise<void>;
}): Promise<NativeRun> => {
  const baseDir = options.baseDir ?? defaultNativeBaseDir();
  const reaped = await reapOrphanedRuns(baseDir);
  const runDir = await createRunDir(baseDir);
  const removeOnExit = () => removeRunDir(runDir);
  process.once("exit", removeOnExit);
  const alongside = options.alongside?.(runDir) ?? Promise.resolve();
  const results = await Promise.allSettled(
    options.versions.map((version) =>
      startNativeServer(options.port === undefined ? { version, runDir } : { version, runDir, port: options.port }),
    ),
  );
  const servers = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const alongsideResult = await alongside.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const close = async () => {
    await Promise.all(servers.map((server) => server.stop().catch((error) => console.error(error))));
    process.off("exit", removeOnExit);
    removeRunDir(runDir);
  };
  const failed = results.find((result) => result.status === "rejected");
  if (failed || alongsideResult) {
    await close();
    throw failed ? failed.reason : alongsideResult?.error;
  }
  return { runDir, reaped, servers, close };
};
