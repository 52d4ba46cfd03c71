import type { LockHolder } from "./lock.js";

/** What a run reports while it works; the CLI turns these into progress lines. */
export type RunnerEvent =
  | { readonly kind: "lock-wait"; readonly holder: LockHolder | undefined }
  | { readonly kind: "lock-acquired"; readonly waitedMs: number }
  | { readonly kind: "migration-start"; readonly name: string; readonly direction: "up" | "down" }
  | { readonly kind: "migration-done"; readonly name: string; readonly direction: "up" | "down"; readonly ms: number }
  | { readonly kind: "retry"; readonly name: string; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: "repair"; readonly name: string; readonly droppedIndexes: readonly string[] };

export type RunnerListener = (event: RunnerEvent) => void;
