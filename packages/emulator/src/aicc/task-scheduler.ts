/**
 * Runs the emulated robot's and agent's delayed actions. A delay of 0 runs the task at once (so tests need no
 * waiting); longer delays use `setTimeout`, and every pending timer can be cancelled when the service closes.
 */
export interface TaskScheduler {
  /** Runs `task` after `delayMs` (immediately when `delayMs` is 0). */
  schedule(delayMs: number, task: () => void): void;
  /** Cancels every task not yet run. */
  cancelAll(): void;
  /** How many tasks are waiting. */
  readonly pendingTasks: number;
}

/** Creates a {@link TaskScheduler}. */
export function createTaskScheduler(): TaskScheduler {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    schedule(delayMs, task) {
      if (delayMs <= 0) {
        task();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        task();
      }, delayMs);
      timers.add(timer);
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    get pendingTasks() {
      return timers.size;
    },
  };
}
