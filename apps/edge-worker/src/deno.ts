/**
 * Deno entry point: serves the same worker bundle with `Deno.serve`, configured from the environment (the same
 * names as the Cloudflare bindings; there is no queue, so events go to `FORWARD_URL`).
 *
 * ```sh
 * deno run --allow-net --allow-env --unstable-no-legacy-abort dist/deno.js
 * ```
 *
 * `--unstable-no-legacy-abort` makes `request.signal` abort only when the client goes away (as on Cloudflare),
 * not after every successful response; the AICC relay passes that signal to its upstream call.
 *
 * @packageDocumentation
 */
import type { WorkerEnv } from './env.js';
import { listenAddress } from './listen-address.js';
import { createServerContext } from './server-context.js';
import { shutDown } from './shut-down.js';
import worker from './worker.js';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(
    options: { hostname: string; port: number; onListen(address: { hostname: string; port: number }): void },
    handler: (request: Request) => Response | Promise<Response>,
  ): { finished: Promise<void>; shutdown(): Promise<void> };
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  exit(code: number): never;
};

const variables = Deno.env.toObject();
const env = variables as WorkerEnv;
const ctx = createServerContext();
const server = Deno.serve(
  {
    ...listenAddress(variables),
    onListen: ({ hostname, port }) => console.log(`tokenwire edge worker listening on http://${hostname}:${port}`),
  },
  (request) => worker.fetch(request, env, ctx),
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  Deno.addSignalListener(signal, () => {
    void shutDown(() => server.shutdown(), ctx).then(() => Deno.exit(0));
  });
}
