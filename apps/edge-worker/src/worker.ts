/**
 * The Cloudflare Workers entry point (`main` in wrangler.toml): a module worker — the Hono app — whose `fetch` serves
 * every route.
 * Built by tsup into the single bundle `dist/worker.js`, which the Deno and Bun entry points import too. The default
 * export is the worker (`fetch`, and `queue`: the consumer of the `EVENTS` queue); the one other exported value is
 * the Durable Object classes `ReplayGuardObject` and `AiccTokenObject` (workerd treats other exported values of the
 * main module as entry points).
 *
 * @packageDocumentation
 */
import { systemClock } from '@tokenwire/core';
import { createWorker } from './create-worker.js';
import { createEventConsumer } from './tencent/consume-events.js';
import { MemoryReplayGuard } from './tencent/memory-replay-guard.js';

export { AiccTokenObject } from './aicc/aicc-token-object.js';
export { ReplayGuardObject } from './tencent/replay-guard-object.js';

export type { EdgeWorker, WorkerDependencies } from './create-worker.js';
export type { OutboundFetch, QueueProducer, WorkerContext, WorkerEnv } from './env.js';
export type { CallbackEventMessage } from './tencent/callback-event-message.js';
export type { UserSigAnswer } from './tencent/user-sig-route.js';

/**
 * The worker, a Hono app (`{ fetch }`) with the `EVENTS` queue's consumer as its `queue`, both with the global
 * `fetch` and the real clock; one replay memory per isolate, shared by every isolate through `REPLAY_GUARD` when bound
 * (and one AccessToken for every isolate through `AICC_TOKEN`).
 */
const app = Object.assign(createWorker(), {
  queue: createEventConsumer({ fetch: (request) => globalThis.fetch(request), now: systemClock, memory: new MemoryReplayGuard() }),
});

export default app;
