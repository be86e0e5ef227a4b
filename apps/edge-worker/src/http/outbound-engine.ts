import { createRequestEngine, type RequestEngine } from '@tokenwire/core/internal';
import type { OutboundFetch } from '../env.js';

/**
 * core's request engine (ky: attempts, retries with backoff and `Retry-After`, per-attempt timeouts, refused
 * redirects, response size limits) sending through the worker's outbound `fetch`. `onAnswer` sees the answer of
 * every attempt as it arrived, before the engine reads it (the AICC relay keeps a copy to pass on).
 */
export function outboundEngine(fetch: OutboundFetch, onAnswer?: (response: Response) => void): RequestEngine {
  return createRequestEngine({
    fetch: async (input, init) => {
      const response = await fetch(new Request(input, init));
      onAnswer?.(response);
      return response;
    },
  });
}
