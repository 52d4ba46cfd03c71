/** How a run behaves; the CLI fills it from flags, tests construct it directly. Durations in milliseconds. */
export interface RunSettings {
  /** how long to wait for another runner's advisory lock before giving up (exit 2) */
  readonly lockWaitMs: number;
  /** `lock_timeout` for each migration; 0 disables it (waits forever for table locks) */
  readonly lockTimeoutMs: number;
  /** `statement_timeout` for each migration; 0 disables it */
  readonly statementTimeoutMs: number;
  /** how many times a migration that failed on `lock_timeout` (SQLSTATE 55P03) is retried, with backoff */
  readonly lockRetries: number;
  /** first backoff delay; doubled per retry, with jitter */
  readonly retryBaseDelayMs: number;
}

export const defaultRunSettings: RunSettings = {
  lockWaitMs: 60_000,
  lockTimeoutMs: 10_000,
  statementTimeoutMs: 0,
  lockRetries: 3,
  retryBaseDelayMs: 500,
};
