/**
 * The emulated Tencent Cloud Chat / TUILiveKit REST service (`live_config`) and its callback delivery.
 *
 * @packageDocumentation
 */

export type {
  CommandCounters,
  TencentService,
  TencentServiceOptions,
  TencentServiceState,
} from './tencent-service.js';
export { createTencentService } from './tencent-service.js';
export type {
  CallbackDeliveryAttempt,
  CallbackDeliveryResult,
  CallbackDeliverySkipped,
  CallbackFetch,
  CallbackFetchInit,
  CallbackFetchResponse,
  CallbackSkipReason,
  EmitCallbackOptions,
} from './callback-delivery.js';
export type { CallbackBody, SampledCallbackCommand } from './callback-body.js';
export { callbackBody } from './callback-body.js';
export type { CallbackRequestInit } from './callback-request.js';
export type { SignedCallbackRequestOptions } from './create-signed-callback-request.js';
export { createSignedCallbackRequest } from './create-signed-callback-request.js';
export type { CallbackSample, CallbackSampleOptions } from './callback-sample.js';
export { CALLBACK_SAMPLE_DIALECTS, callbackSample } from './callback-sample.js';
export type { CallbackSampleDialect, CallbackSampleDialectId, CallbackSampleField } from './callback-sample-dialects.js';
export type { CallbackConfiguration, CallbackTokenConfiguration } from './live-config-state.js';
export type { LiveConfigCommandName } from './live-config-commands.js';
export type { TencentEnvelopeBody } from './envelope-response.js';
export { REQUEST_ID_PATTERN } from './request-id.js';
