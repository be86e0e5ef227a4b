// The worker reads request bodies with core's bounded reader, the one `@tokenwire/aicc-messaging/gateway` uses too:
// one copy in the bundle.
export type { BodyBoundFailure, BoundedBody } from '@tokenwire/core/internal';
export { boundBody } from '@tokenwire/core/internal';
