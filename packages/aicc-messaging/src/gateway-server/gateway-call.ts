import type { BodyBounds, BoundedBody } from '@tokenwire/core/internal';

/** One browser request the gateway accepted for relaying: the route, the method and the user are known. */
export interface GatewayCall {
  /** The browser's request (its body is read through {@link body}). */
  readonly request: Request;
  readonly url: URL;
  /** The CC-Messaging API: `applyToken` for `/aicc/token`, else the path after `/aicc/ccmessaging/`. */
  readonly api: string;
  readonly method: 'GET' | 'POST';
  /** The authenticated end user: every identity field must be this id. */
  readonly userId: string;
  /** The request body, bounded by {@link bounds}. */
  readonly body: BoundedBody;
  readonly bounds: BodyBounds;
}
