/**
 * @tokenwire/emulator — a faithful in-memory emulator of the Tencent Cloud Chat / TUILiveKit REST API
 * (`live_config`) and the Huawei AICC CC-Messaging web client API, as one fetch handler, with deterministic
 * fault injection and a redacted request log. Serve it over HTTP with `@tokenwire/emulator/serve`.
 *
 * @packageDocumentation
 */

export type { Emulator, EmulatorOptions, EmulatorState } from './create-emulator.js';
export { createEmulator } from './create-emulator.js';
export type { CorsOptions } from './cors.js';
export type { RouteInfo, RouteKind } from './route.js';
export { describeRoute } from './route.js';
export type { RequestLog, RequestLogEntry, RequestLogFilter, RequestOutcome } from './request-log.js';
export type { EmulatedService, ServiceDependencies } from './service.js';

// faults
export type {
  DropConnectionFault,
  Fault,
  FaultKind,
  FaultSpecification,
  HttpStatusFault,
  LatencyFault,
  MalformedJsonFault,
  RateLimitFault,
  StallBodyFault,
  TransientFault,
} from './faults/fault.js';
export type { FaultReport, FaultRule } from './faults/fault-rule.js';
export type { AppliedFault, FaultController, FaultHandle } from './faults/fault-injector.js';
export type { RoutePattern, RoutePredicate } from './faults/route-pattern.js';

// The emulated services: everything their folders export publicly.
export * from './tencent/index.js';
export * from './aicc/index.js';

// The error of @tokenwire/core the emulator throws for bad options, re-exported (the same class).
export { ValidationError } from '@tokenwire/core';
