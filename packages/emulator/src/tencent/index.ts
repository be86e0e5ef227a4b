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
  CallbackBody,
  CallbackDeliveryAttempt,
  CallbackDeliveryResult,
  CallbackDeliverySkipped,
  CallbackSkipReason,
  EmitCallbackOptions,
} from './callback-delivery.js';
export type { CallbackSample, CallbackSampleOptions } from './callback-sample.js';
export { CALLBACK_SAMPLE_DIALECTS, callbackSample } from './callback-sample.js';
export type { CallbackSampleDialect, CallbackSampleDialectId, CallbackSampleField } from './callback-sample-dialects.js';
export type { CallbackConfiguration, CallbackTokenConfiguration } from './live-config-state.js';
export type { LiveConfigCommandName } from './live-config-commands.js';
export type { TencentEnvelopeBody } from './envelope-response.js';
export { REQUEST_ID_PATTERN } from './request-id.js';
