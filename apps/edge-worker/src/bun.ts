/**
 * Bun entry point: serves the same worker bundle with `Bun.serve`, configured from the environment (the same
 * names as the Cloudflare bindings; there is no queue, so events go to `FORWARD_URL`).
 *
 * ```sh
 * bun dist/bun.js
 * ```
 *
 * @packageDocumentation
 */
import type { WorkerEnv } from './env.js';
import { listenAddress } from './listen-address.js';
import { createServerContext } from './server-context.js';
import { shutDown } from './shut-down.js';
import worker from './worker.js';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { hostname: string; port: number; fetch(request: Request): Response | Promise<Response> }): {
    hostname: string;
    port: number;
    stop(closeActiveConnections?: boolean): Promise<void>;
  };
};
declare const process: { on(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void; exit(code: number): never };

const env = Bun.env as WorkerEnv;
const ctx = createServerContext();
const server = Bun.serve({ ...listenAddress(Bun.env), fetch: (request) => worker.fetch(request, env, ctx) });
console.log(`tokenwire edge worker listening on http://${server.hostname}:${server.port}`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void shutDown(() => server.stop(), ctx).then(() => process.exit(0));
  });
}
