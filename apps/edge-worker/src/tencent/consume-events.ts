import type { Clock } from '@tokenwire/core';
import type { CallbackConfig } from '../config/callback-config.js';
import { workerConfig } from '../config/worker-config.js';
import type { OutboundFetch } from '../env.js';
import type { CallbackEventMessage } from './callback-event-message.js';
import { replayGuardFor } from './durable-replay-guard.js';
import { FORWARD_RETRY_POLICY, forwardEvent } from './forward-event.js';
import type { ReplayGuard } from './replay-guard.js';

/** The part of a Cloudflare Queues message the consumer uses. */
export interface QueueMessageLike {
  readonly body: unknown;
  /** How many times this message has been handed to a consumer, this time included (from 1). */
  readonly attempts: number;
  ack(): void;
  retry(options?: { readonly delaySeconds?: number }): void;
}

/** The part of a Cloudflare Queues batch the consumer uses. */
export interface MessageBatchLike {
  readonly messages: readonly QueueMessageLike[];
}

/** The longest wait before a message is tried again, in seconds. */
export const QUEUE_RETRY_MAX_DELAY_SECONDS = 600;

/** How long an event delivered from the queue is remembered by its id, in seconds: a duplicate within it is acked, not sent. */
export const QUEUED_EVENT_MEMORY_SECONDS = 3600;

/** How long a message being delivered stays claimed by its consumer, in seconds (one attempt: 5 s at most). */
const QUEUE_CLAIM_SECONDS = 30;

/** One attempt per delivery from the queue: the queue's own retries (with {@link queueRetryDelaySeconds}) repeat it. */
const ONE_ATTEMPT = { ...FORWARD_RETRY_POLICY, limit: 0 };

/** The answer remembered for a delivered event. */
const DELIVERED = { errorCode: 0, errorInfo: '' };

/** The backoff before the next try of a message that has had `attempts` tries: 2, 4, 8 … s, at most {@link QUEUE_RETRY_MAX_DELAY_SECONDS}. */
export function queueRetryDelaySeconds(attempts: number): number {
  return Math.min(QUEUE_RETRY_MAX_DELAY_SECONDS, 2 ** Math.max(1, attempts));
}

function logQueue(event: string, fields: Record<string, unknown>): void {
  console.error(JSON.stringify({ worker: 'tokenwire-edge', event, ...fields }));
}

/** What the queue consumer needs besides the bindings. */
export interface EventConsumerDependencies {
  readonly fetch: OutboundFetch;
  readonly now: Clock;
  /** The isolate's replay memory (the fast first check under a `REPLAY_GUARD` binding, the whole memory without). */
  readonly memory: ReplayGuard;
}

/**
 * The worker's `queue(batch, env)` handler, the consumer of the `EVENTS` queue: delivers each message (a
 * {@link CallbackEventMessage}) to `FORWARD_URL` with `forwardEvent`, one attempt per delivery, the messages of a
 * batch side by side. Accepted → acked and its id remembered ({@link QUEUED_EVENT_MEMORY_SECONDS}, in the
 * `REPLAY_GUARD` Durable Object when bound): a duplicate of a delivered event is acked without a second POST, one
 * being delivered right now is retried later. Refused, failed, or no `FORWARD_URL` → `retry` after
 * {@link queueRetryDelaySeconds}; once the queue's `max_retries` are spent the queue moves the message to its
 * dead-letter queue. Log lines name the event id and the outcome, never `FORWARD_AUTHORIZATION`.
 */
export function createEventConsumer(dependencies: EventConsumerDependencies): (batch: MessageBatchLike, env: object) => Promise<void> {
  return async (batch: MessageBatchLike, env: object): Promise<void> => {
    const config = workerConfig(env).callback;
    const replayGuard = config.ok ? replayGuardFor(config.value.replayGuard, dependencies.memory) : dependencies.memory;
    await Promise.all(
      batch.messages.map(async (message) => {
        const retry = (event: string, fields: Record<string, unknown>) => {
          logQueue(event, { ...fields, attempts: message.attempts });
          message.retry({ delaySeconds: queueRetryDelaySeconds(message.attempts) });
        };
        if (!config.ok || config.value.forwardUrl === undefined)
          return retry('queue.misconfigured', { reason: 'the consumer needs the callback bindings and FORWARD_URL' });
        const event = message.body as Partial<CallbackEventMessage> | null;
        if (typeof event?.id !== 'string') return retry('queue.malformed_message', {});
        try {
          await deliverOne(event as CallbackEventMessage, message, config.value, replayGuard, dependencies, retry);
        } catch (error) {
          // The replay guard could not be reached: tried again later, like a failed forward.
          retry('queue.failed', { id: event.id, name: error instanceof Error ? error.name : typeof error });
        }
      }),
    );
  };
}

async function deliverOne(
  event: CallbackEventMessage,
  message: QueueMessageLike,
  config: CallbackConfig,
  replayGuard: ReplayGuard,
  dependencies: EventConsumerDependencies,
  retry: (event: string, fields: Record<string, unknown>) => void,
): Promise<void> {
  const key = `queued:${event.id}`;
  const nowSeconds = Math.floor(dependencies.now() / 1000);
  const seen = await replayGuard.decide(key, nowSeconds + QUEUE_CLAIM_SECONDS, nowSeconds);
  if (seen.state === 'answered') return message.ack();
  if (seen.state === 'in_progress') return retry('queue.repeat_in_progress', { id: event.id });
  const outcome = await forwardEvent(event, {
    fetch: dependencies.fetch,
    url: config.forwardUrl!,
    authorization: config.forwardAuthorization,
    retry: ONE_ATTEMPT,
  });
  if (outcome.status === 'accepted') {
    await replayGuard.settle(key, DELIVERED, Math.floor(dependencies.now() / 1000) + QUEUED_EVENT_MEMORY_SECONDS);
    return message.ack();
  }
  await replayGuard.release(key);
  retry('queue.forward_failed', { id: event.id, ...outcome });
}
