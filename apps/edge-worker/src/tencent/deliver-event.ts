import { sleep } from '@tokenwire/core/internal';
import type { CallbackConfig } from '../config/callback-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';
import type { CallbackEventMessage } from './callback-event-message.js';
import { forwardEvent, type ForwardOutcome } from './forward-event.js';

/** How long the callback answer waits for `FORWARD_URL` to accept, in ms (Tencent gives up after 2 s). */
export const FORWARD_ANSWER_BUDGET_MS = 1500;

/** Why no sink can take an event when neither `EVENTS` nor `FORWARD_URL` is configured (no values in it). */
export const NO_EVENT_SINK = 'no event sink is configured (bind EVENTS or set FORWARD_URL)';

/** Whether a sink took the event, and which; or why none did. */
export type DeliveryResult =
  | { readonly accepted: true; readonly sink: 'queue' | 'forward' }
  | {
      readonly accepted: false;
      readonly reason: string;
      /**
       * Present when `FORWARD_URL` did not answer within the budget and is still being retried (in
       * `ctx.waitUntil`): resolves to whether the target accepted the event in the end.
       */
      readonly stillForwarding?: Promise<boolean>;
    };

function logForward(message: CallbackEventMessage, outcome: ForwardOutcome, answered: 'before' | 'after'): void {
  const line = JSON.stringify({
    worker: 'tokenwire-edge',
    event: 'callback.forward',
    id: message.id,
    command: message.command,
    answered,
    ...outcome,
  });
  if (outcome.status !== 'accepted') console.error(line);
  else if (answered === 'after') console.log(line); // recovered after Tencent was answered FAIL
}

/**
 * Hands an accepted callback to a durable sink, in order: the `EVENTS` queue when bound; then `FORWARD_URL` when
 * set (also when the queue refused the message). The forward runs in `ctx.waitUntil` with retries; the answer to
 * Tencent waits for it at most {@link FORWARD_ANSWER_BUDGET_MS}. Accepted in time → the event is delivered;
 * otherwise the result says why not — the caller answers FAIL so the loss is visible at Tencent — and, while the
 * retries go on in the background, `stillForwarding` says how they end (the caller keeps a redelivery from
 * starting a second forward meanwhile).
 */
export async function deliverEvent(
  message: CallbackEventMessage,
  config: Pick<CallbackConfig, 'queue' | 'forwardUrl' | 'forwardAuthorization'>,
  dependencies: { readonly ctx: WorkerContext; readonly fetch: OutboundFetch; readonly answerBudgetMs?: number },
): Promise<DeliveryResult> {
  const failures: string[] = [];
  let stillForwarding: Promise<boolean> | undefined;
  if (config.queue !== undefined) {
    try {
      await config.queue.send(message, { contentType: 'json' });
      return { accepted: true, sink: 'queue' };
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'send failed';
      console.error(
        JSON.stringify({ worker: 'tokenwire-edge', event: 'callback.queue_failed', id: message.id, command: message.command, reason }),
      );
      failures.push(`the EVENTS queue refused the event (${reason})`);
    }
  }
  if (config.forwardUrl !== undefined) {
    let answered = false;
    const forwarding = forwardEvent(message, {
      fetch: dependencies.fetch,
      url: config.forwardUrl,
      authorization: config.forwardAuthorization,
    }).then((outcome) => {
      logForward(message, outcome, answered ? 'after' : 'before');
      return outcome;
    });
    dependencies.ctx.waitUntil(forwarding);
    // The answer waits for the forward at most the budget (core's abortable sleep, stopped once the race is over).
    const stop = new AbortController();
    const budget = sleep(dependencies.answerBudgetMs ?? FORWARD_ANSWER_BUDGET_MS, stop.signal).then(
      () => 'budget' as const,
      () => 'budget' as const,
    );
    const first = await Promise.race([forwarding, budget]);
    stop.abort();
    answered = true;
    if (first !== 'budget' && first.status === 'accepted') return { accepted: true, sink: 'forward' };
    if (first === 'budget') stillForwarding = forwarding.then((outcome) => outcome.status === 'accepted');
    failures.push(
      first === 'budget'
        ? 'FORWARD_URL did not accept the event in time (still retrying)'
        : first.status === 'refused'
          ? `FORWARD_URL refused the event (HTTP ${first.httpStatus})`
          : `FORWARD_URL failed after ${first.attempts} attempts (${first.lastFailure})`,
    );
  }
  if (failures.length === 0) failures.push(NO_EVENT_SINK);
  const reason = `no event sink accepted the event: ${failures.join('; ')}`;
  return stillForwarding === undefined ? { accepted: false, reason } : { accepted: false, reason, stillForwarding };
}
