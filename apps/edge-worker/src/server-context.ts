import type { ExecutionContext } from 'hono';

/** An `ExecutionContext` for long-lived servers (Deno, Bun) and how many background tasks are still running. */
export interface ServerContext extends ExecutionContext {
  /** Background tasks not yet settled. */
  readonly pending: number;
  /** Resolves when every background task started so far has settled (for a graceful shutdown). */
  drain(): Promise<void>;
}

/**
 * The `ctx` the Deno and Bun entry points pass to the worker. A server process outlives its requests, so
 * `waitUntil` only has to keep track of the task (and keep a rejection from becoming an unhandled one); there is
 * no origin behind the server, so `passThroughOnException` does nothing.
 */
export function createServerContext(): ServerContext {
  const tasks = new Set<Promise<unknown>>();
  return {
    waitUntil(promise) {
      const task = promise.then(
        () => undefined,
        (error: unknown) => {
          console.error(
            JSON.stringify({
              worker: 'tokenwire-edge',
              event: 'background_task_failed',
              name: error instanceof Error ? error.name : typeof error,
            }),
          );
        },
      );
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
    },
    passThroughOnException() {},
    props: {},
    get pending() {
      return tasks.size;
    },
    async drain() {
      while (tasks.size > 0) await Promise.all([...tasks]);
    },
  };
}
