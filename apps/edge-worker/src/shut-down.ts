import type { ServerContext } from './server-context.js';

/**
 * How long a stopping Deno or Bun server waits for the requests in progress, in ms. Every request of the worker is
 * bounded well within it (a callback body 2 s, the callback's forward 1.5 s, the AICC relay's deadline), except an
 * upload or a long poll a browser holds open: shutdown does not wait for those longer than this.
 */
export const SHUTDOWN_GRACE_MS = 5000;

/**
 * The graceful part of a shutdown (SIGTERM, SIGINT) of the Deno and Bun entry points: `stopServer()` — stop
 * accepting connections and finish the requests in progress — for at most {@link SHUTDOWN_GRACE_MS}, so no client
 * (a sender trickling a body, an idle keep-alive connection) can hold the process; then the background work
 * (`ctx.waitUntil`: forward retries, bounded by their retry policy). The caller exits when it resolves.
 */
export async function shutDown(stopServer: () => Promise<void>, ctx: ServerContext): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
  });
  await Promise.race([stopServer().catch(() => undefined), grace]);
  clearTimeout(timer);
  await ctx.drain();
}
