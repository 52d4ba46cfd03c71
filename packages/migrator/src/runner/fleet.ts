/**
 * Runs `task` for every target, at most `concurrency` at a time, and returns the outcomes in input order.
 * A failing target never stops or hides the others: its error becomes its outcome.
 */
export const runFleet = async <T, R>(
  targets: readonly T[],
  concurrency: number,
  task: (target: T, index: number) => Promise<R>,
): Promise<readonly ({ ok: true; value: R } | { ok: false; error: unknown })[]> => {
  const outcomes: ({ ok: true; value: R } | { ok: false; error: unknown })[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next;
      next += 1;
      try {
        outcomes[index] = { ok: true, value: await task(targets[index] as T, index) };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, worker));
  return outcomes;
};
