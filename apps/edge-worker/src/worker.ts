/**
 * The Cloudflare Workers entry point (`main` in wrangler.toml): a module worker whose `fetch` serves every route.
 * Built by tsup into the single bundle `dist/worker.js`, which the Deno and Bun entry points import too. Only the
 * default export is a value: workerd treats other exported values of the main module as entry points.
 *
 * @packageDocumentation
 */
import { createWorker } from './handle-request.js';

export type { EdgeWorker, WorkerDependencies } from './handle-request.js';
export type { OutboundFetch, QueueProducer, WorkerContext, WorkerEnv } from './env.js';
export type { CallbackEventMessage } from './tencent/callback-event-message.js';
export type { UserSigAnswer } from './tencent/usersig-route.js';

/** The worker, with the global `fetch` and the real clock; one replay memory per isolate. */
const worker = createWorker();

export default worker;
