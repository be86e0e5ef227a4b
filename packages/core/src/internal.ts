/**
 * `@tokenwire/core/internal` — the toolbox tokenwire's own packages (`@tokenwire/aicc-messaging`,
 * `@tokenwire/live-config`, `@tokenwire/emulator`, the CLI and the edge worker) share with core: the request engine
 * (ky, set up for tokenwire's clients), its one abortable sleep and one signal helper, the retry policy's internals,
 * the response size limit, input parsing without quoting values, and text and byte helpers.
 *
 * Not part of the public API: it follows tokenwire's own needs and may change in any release. Users import
 * `@tokenwire/core`.
 *
 * @internal
 * @packageDocumentation
 */

// -- the request engine --
export type {
  AnswerFailure,
  AttemptOutcome,
  EngineAnswer,
  EngineCall,
  RequestEngine,
  RequestEngineOptions,
  RetryNotice,
} from './engine/request-engine.js';
export { createRequestEngine } from './engine/request-engine.js';
export type { OutboundEngineOptions } from './engine/outbound-engine.js';
export { outboundEngine } from './engine/outbound-engine.js';
export { untilAborted } from './engine/until-aborted.js';
export type { Sleep } from './engine/sleep.js';
export { MAX_TIMER_DELAY_MS, sleep } from './engine/sleep.js';

// -- retries, size limits and causes --
export type { FailureRetryClass } from './client/retry-policy.js';
export { backoffCeiling, classifyFailure, NO_RETRY_POLICY, resolveRetryPolicy } from './client/retry-policy.js';
export type { BoundedBodyRead, ResponseSizeLimit } from './client/response-size-limit.js';
export { limitResponseSize } from './client/response-size-limit.js';
export { sanitizeCause } from './client/sanitize-cause.js';

// -- request bodies a server reads --
export type { BodyBoundFailure, BodyBounds, BoundedBody } from './engine/bounded-request-body.js';
export { answerUnread, boundBody } from './engine/bounded-request-body.js';

// -- validation, text and bytes --
export { parseInput } from './validation/parse-input.js';
export { BaseUrlSchema } from './endpoint/base-url-schema.js';
export { originOf } from './endpoint/origin-of.js';
export {
  AbortSignalSchema,
  describeType,
  expected,
  functionSchema,
  KySchema,
  numberIn,
  optionsObject,
  RetryOptionSchema,
  TimeoutSchema,
} from './validation/option-schemas.js';
export { VALUE_FREE_PARSE_CONFIG, issuePath, issueText } from './validation/value-free-issues.js';
export { characterCount, utf8ByteLength } from './encoding/text-measures.js';
export { base64ToBytes, bytesToBase64 } from './encoding/base64.js';
export { randomUint32 } from './endpoint/random-uint32.js';
