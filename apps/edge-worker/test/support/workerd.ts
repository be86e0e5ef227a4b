// Runs the built worker bundle inside real workerd through miniflare 3, with a Cloudflare Queue and a consumer
// that hands every message back to the test, and the worker's outbound fetches routed to a test function.
import { Miniflare, Response as MiniflareResponse, type Request as MiniflareRequest } from 'miniflare';
import { workerBundle } from './build-worker.js';

export const COMPATIBILITY_DATE = '2025-07-18';

/** A handler for the worker's outbound fetches (forward targets, AICC), in Node with global Request/Response. */
export type OutboundHandler = (request: Request) => Promise<Response> | Response;

export interface WorkerHarnessOptions {
  readonly bindings: Record<string, string>;
  /** Bind `EVENTS` to a queue whose consumer collects messages into `queued`. */
  readonly queue?: boolean;
  /** Handles the worker's outbound fetches; without it they go to the real network. */
  readonly outbound?: OutboundHandler;
}

export interface WorkerHarness {
  readonly mf: Miniflare;
  /** Sends a request to the worker inside workerd and returns the answer as a Node `Response`. */
  dispatch(request: Request): Promise<Response>;
  /** Messages the queue consumer received, in order. */
  readonly queued: unknown[];
  /** Everything workerd wrote to stdout and stderr (the worker's console lines), as text chunks. */
  readonly logs: string[];
  dispose(): Promise<void>;
}

const CONSUMER_SCRIPT = `
export default {
  async queue(batch, env) {
    await env.SINK.fetch('http://sink.test/', { method: 'POST', body: JSON.stringify(batch.messages.map((message) => message.body)) });
    batch.ackAll();
  },
};
`;

async function toNodeRequest(request: MiniflareRequest): Promise<Request> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(request.url, { method: request.method, headers: [...request.headers] as [string, string][], body });
}

async function toMiniflareResponse(response: Response): Promise<MiniflareResponse> {
  const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
  return new MiniflareResponse(body, { status: response.status, headers: [...response.headers] });
}

/** Starts workerd with the bundle; dispose it in afterAll. */
export async function startWorker(options: WorkerHarnessOptions): Promise<WorkerHarness> {
  const queued: unknown[] = [];
  const logs: string[] = [];
  const outbound = options.outbound;
  const mf = new Miniflare({
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    },
    workers: [
      {
        name: 'edge',
        modules: true,
        scriptPath: workerBundle,
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: options.bindings,
        ...(options.queue ? { queueProducers: { EVENTS: 'tencent-events' } } : {}),
        // Without a handler the worker's fetches go to the real network.
        ...(outbound === undefined
          ? {}
          : {
              outboundService: async (request: MiniflareRequest) => toMiniflareResponse(await outbound(await toNodeRequest(request))),
            }),
      },
      ...(options.queue
        ? [
            {
              name: 'consumer',
              modules: true,
              script: CONSUMER_SCRIPT,
              compatibilityDate: COMPATIBILITY_DATE,
              queueConsumers: { 'tencent-events': { maxBatchSize: 10, maxBatchTimeout: 0 } },
              serviceBindings: {
                SINK: async (request: MiniflareRequest) => {
                  queued.push(...((await request.json()) as unknown[]));
                  return new MiniflareResponse('ok');
                },
              },
            },
          ]
        : []),
    ],
  });
  await mf.ready;
  return {
    mf,
    queued,
    logs,
    async dispatch(request) {
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      const response = await mf.dispatchFetch(request.url, {
        method: request.method,
        headers: [...request.headers] as [string, string][],
        body,
        redirect: 'manual',
      });
      const text = response.status === 204 ? null : await response.arrayBuffer();
      return new Response(text, { status: response.status, headers: [...response.headers] as [string, string][] });
    },
    dispose: () => mf.dispose(),
  };
}

/** Waits until workerd has written a log line containing `text` (console output reaches Node asynchronously). */
export async function waitForLog(harness: WorkerHarness, text: string, timeoutMs = 5000): Promise<string> {
  await waitFor(() => harness.logs.join('').includes(text), timeoutMs);
  return harness.logs.join('');
}

/** Polls `condition` every 10 ms until it holds or `timeoutMs` passes. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A `fetch(input, init)` in Node that sends each request to the worker through `mf.dispatchFetch` and answers with a
 * Node `Response` (for the emulator's `emitCallback`).
 */
export function dispatchingFetch(mf: Miniflare): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await mf.dispatchFetch(request.url, {
      method: request.method,
      headers: [...request.headers] as [string, string][],
      body: await request.text(),
    });
    return new Response(await response.text(), { status: response.status, headers: [...response.headers] as [string, string][] });
  };
}
