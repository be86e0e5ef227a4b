import type { QueueProducer } from '../env.js';
import { configured, readHttpsUrl, readInteger, readText, requireText, type Bindings, type Configured } from './read-bindings.js';
import { readSdkAppId } from './sdk-app-id.js';

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
 * Reads the callback route's bindings: `TENCENT_SDK_APP_ID` and `TENCENT_CALLBACK_TOKEN` are required (a missing
 * token never turns verification off); `TENCENT_CALLBACK_TOKEN_PREVIOUS`, `EVENTS`, `FORWARD_URL`,
 * `FORWARD_AUTHORIZATION` and the `BEFORE_GIFT_*` settings are optional.
 */
export function readCallbackConfig(env: Bindings): Configured<CallbackConfig> {
  const problems: string[] = [];
  const sdkAppId = readSdkAppId(env, problems);
  const token = requireText(env, 'TENCENT_CALLBACK_TOKEN', problems);
  const previous = readText(env, 'TENCENT_CALLBACK_TOKEN_PREVIOUS', problems);
  const queue = env['EVENTS'];
  if (queue !== undefined && !isQueueProducer(queue)) problems.push('EVENTS must be a Queue producer binding');
  const forwardUrl = readHttpsUrl(env, 'FORWARD_URL', problems);
  const forwardAuthorization = readText(env, 'FORWARD_AUTHORIZATION', problems);
  const policyText = readText(env, 'BEFORE_GIFT_POLICY', problems)?.toLowerCase() ?? 'allow';
  if (policyText !== 'allow' && policyText !== 'block') problems.push('BEFORE_GIFT_POLICY must be allow or block');
  const beforeGiftForwardUrl = readHttpsUrl(env, 'BEFORE_GIFT_FORWARD_URL', problems);
  const forwardTimeoutMs = readInteger(
    env,
    'BEFORE_GIFT_FORWARD_TIMEOUT_MS',
    { minimum: 1, maximum: MAX_BEFORE_GIFT_FORWARD_TIMEOUT_MS, fallback: DEFAULT_BEFORE_GIFT_FORWARD_TIMEOUT_MS },
    problems,
  );
  return configured(problems, () => ({
    sdkAppId,
    tokens: previous === undefined || previous === token ? [token!] : [token!, previous],
    queue: queue as QueueProducer | undefined,
    forwardUrl,
    forwardAuthorization,
    beforeGift: { policy: policyText as BeforeGiftPolicy, forwardUrl: beforeGiftForwardUrl, forwardTimeoutMs },
  }));
}
