import type { Clock, RandomUint32Source } from '@tokenwire/core';
import type { ResolvedAiccServiceOptions } from './aicc-service-options.js';
import { createAiccState, type MutableAiccState } from './aicc-state.js';
import { createMessageHub, type MessageHub } from './message-hub.js';
import { createTaskScheduler, type TaskScheduler } from './task-scheduler.js';

/** What every part of the emulated AICC shares: configuration, state, clock, message queues and timers. */
export interface AiccContext {
  readonly options: ResolvedAiccServiceOptions;
  readonly state: MutableAiccState;
  readonly now: Clock;
  /** The source of every random identifier (AccessTokens, Scopes, token nonces, object keys). */
  readonly random: RandomUint32Source;
  readonly hub: MessageHub;
  readonly scheduler: TaskScheduler;
  /** A new unique message id (`messageCode`). */
  nextMessageCode(): string;
  /** A new unique session id (`callId`). */
  nextCallId(): string;
}

/** Creates the shared context of a fresh emulated AICC. */
export function createAiccContext(options: ResolvedAiccServiceOptions, now: Clock, random: RandomUint32Source): AiccContext {
  const state = createAiccState();
  let sequence = 0;
  return {
    options,
    state,
    now,
    random,
    hub: createMessageHub(state.pendingMessages, state.messages),
    scheduler: createTaskScheduler(),
    nextMessageCode() {
      sequence += 1;
      return `${Math.max(0, Math.floor(now()))}${String(sequence).padStart(6, '0')}`;
    },
    nextCallId() {
      sequence += 1;
      return `${Math.max(0, Math.floor(now() / 1000))}-${String(sequence).padStart(6, '0')}`;
    },
  };
}
