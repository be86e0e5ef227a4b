import * as v from 'valibot';
import type { DurableObjectNamespaceLike, QueueProducer } from '../env.js';
import {
  durableObjectBinding,
  type Bindings,
  type Configured,
  httpsUrlBinding,
  integerBinding,
  optionalText,
  parseBindings,
  requiredText,
} from './read-bindings.js';
import { sdkAppIdBinding } from './sdk-app-id.js';

/** What the worker answers to `Live.CallbackBeforeSendGift` when no forward target decides in time. */
export type BeforeGiftPolicy = 'allow' | 'block';

/** Default wait for `BEFORE_GIFT_FORWARD_URL`, in ms. */
export const DEFAULT_BEFORE_GIFT_FORWARD_TIMEOUT_MS = 1500;

/**
 * Largest configurable wait for `BEFORE_GIFT_FORWARD_URL`, in ms: Tencent gives up after 2 s, and the worker needs
 * the rest for verification, the policy answer and the network.
 */
export const MAX_BEFORE_GIFT_FORWARD_TIMEOUT_MS = 1500;

/** Configuration of `POST /tencent/callback`. */
export interface CallbackConfig {
  readonly sdkAppId: number;
  /** The current token, then the previous one when a rotation is under way. */
  readonly tokens: readonly string[];
  /** The `EVENTS` queue, when bound. */
  readonly queue: QueueProducer | undefined;
  /** The `REPLAY_GUARD` Durable Object namespace, when bound: the replay memory of every isolate (else per isolate). */
  readonly replayGuard: DurableObjectNamespaceLike | undefined;
  /** `FORWARD_URL`, when set. */
  readonly forwardUrl: URL | undefined;
  /** `FORWARD_AUTHORIZATION`, sent to both forward targets when set. */
  readonly forwardAuthorization: string | undefined;
  readonly beforeGift: {
    readonly policy: BeforeGiftPolicy;
    readonly forwardUrl: URL | undefined;
    readonly forwardTimeoutMs: number;
  };
}

function isQueueProducer(value: unknown): value is QueueProducer {
  return typeof value === 'object' && value !== null && typeof (value as { send?: unknown }).send === 'function';
}

/**
 * The callback route's bindings: `TENCENT_SDK_APP_ID` and `TENCENT_CALLBACK_TOKEN` are required (a missing token
 * never turns verification off); `TENCENT_CALLBACK_TOKEN_PREVIOUS`, `EVENTS`, `REPLAY_GUARD`, `FORWARD_URL`,
 * `FORWARD_AUTHORIZATION` and the `BEFORE_GIFT_*` settings are optional.
 */
const CallbackBindingsSchema = v.pipe(
  v.object({
    TENCENT_SDK_APP_ID: sdkAppIdBinding,
    TENCENT_CALLBACK_TOKEN: requiredText,
    TENCENT_CALLBACK_TOKEN_PREVIOUS: optionalText,
    EVENTS: v.optional(v.custom<QueueProducer>(isQueueProducer, 'must be a Queue producer binding')),
    REPLAY_GUARD: durableObjectBinding,
    FORWARD_URL: httpsUrlBinding,
    FORWARD_AUTHORIZATION: optionalText,
    BEFORE_GIFT_POLICY: v.pipe(
      optionalText,
      v.transform((text) => text?.toLowerCase() ?? 'allow'),
      v.custom<BeforeGiftPolicy>((policy) => policy === 'allow' || policy === 'block', 'must be allow or block'),
    ),
    BEFORE_GIFT_FORWARD_URL: httpsUrlBinding,
    BEFORE_GIFT_FORWARD_TIMEOUT_MS: integerBinding(1, MAX_BEFORE_GIFT_FORWARD_TIMEOUT_MS),
  }),
  v.transform(
    (env): CallbackConfig => ({
      sdkAppId: env.TENCENT_SDK_APP_ID,
      tokens:
        env.TENCENT_CALLBACK_TOKEN_PREVIOUS === undefined || env.TENCENT_CALLBACK_TOKEN_PREVIOUS === env.TENCENT_CALLBACK_TOKEN
          ? [env.TENCENT_CALLBACK_TOKEN]
          : [env.TENCENT_CALLBACK_TOKEN, env.TENCENT_CALLBACK_TOKEN_PREVIOUS],
      queue: env.EVENTS,
      replayGuard: env.REPLAY_GUARD,
      forwardUrl: env.FORWARD_URL,
      forwardAuthorization: env.FORWARD_AUTHORIZATION,
      beforeGift: {
        policy: env.BEFORE_GIFT_POLICY,
        forwardUrl: env.BEFORE_GIFT_FORWARD_URL,
        forwardTimeoutMs: env.BEFORE_GIFT_FORWARD_TIMEOUT_MS ?? DEFAULT_BEFORE_GIFT_FORWARD_TIMEOUT_MS,
      },
    }),
  ),
);

/** Reads the callback route's configuration (see `CallbackBindingsSchema` for the bindings). */
export function readCallbackConfig(env: Bindings): Configured<CallbackConfig> {
  return parseBindings(CallbackBindingsSchema, env);
}
