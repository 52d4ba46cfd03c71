/** A seed failure as data: where, what, what to do, and the exit code the CLI uses. */
export class SeedError extends Error {
  override readonly name = "SeedError";
  constructor(
    readonly code:
      | "not_migrated"
      | "connect_failed"
      | "embedded_missing"
      | "usage"
      | "partition_failed"
      | "copy_failed",
    readonly path: string,
    message: string,
    readonly fix: string,
    readonly exitCode: 1 | 2 = 2,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `✖ message\n  → at path\n  fix: ...`, for SeedError and for the migrator's typed errors (lock file). */
export const renderError = (error: unknown): { text: string; exitCode: number } => {
  if (error instanceof Error && "fix" in error && "path" in error) {
    const typed = error as Error & { path: string; fix: string; exitCode?: number };
    return {
      text: `✖ ${typed.message}\n  → at ${typed.path}\n  fix: ${typed.fix}`,
      exitCode: typeof typed.exitCode === "number" ? typed.exitCode : 1,
    };
  }
  return { text: `✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, exitCode: 1 };
};
