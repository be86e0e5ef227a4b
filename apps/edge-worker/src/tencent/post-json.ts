import type { OutboundFetch } from '../env.js';

/** The answer of {@link postJson}: a response, or why there is none. */
export type PostJsonResult =
  | { readonly kind: 'response'; readonly status: number; readonly text: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly message: string };

/**
 * POSTs JSON text and reads the whole answer, within `timeoutMs` for headers and body together. Never throws:
 * timeouts and network failures come back as values, with messages that carry no URL (a URL may hold a secret).
 */
export async function postJson(
  fetch: OutboundFetch,
  url: URL,
  body: string,
  options: { readonly timeoutMs: number; readonly headers?: Readonly<Record<string, string>> },
): Promise<PostJsonResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await fetch(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...options.headers },
        body,
        redirect: 'manual',
        signal: controller.signal,
      }),
    );
    return { kind: 'response', status: response.status, text: await response.text() };
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network', message: error instanceof Error ? error.name : 'fetch failed' };
  } finally {
    clearTimeout(timer);
  }
}
