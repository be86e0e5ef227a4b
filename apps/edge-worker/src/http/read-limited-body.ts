/** The outcome of {@link readLimitedBody}. */
export type LimitedBody =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly reason: 'too_large' | 'unreadable' };

/**
 * How much of an oversized body is still read (and discarded) before answering 413. A server that answers while
 * the client is still uploading closes the connection, and browsers then report a network error instead of the
 * 413; reading a moderate excess lets them see the answer. Beyond it, the body is cancelled.
 */
export const OVERSIZED_BODY_DRAIN_BYTES = 1024 * 1024;

/**
 * Reads a request body of at most `maxBytes`, whether or not it declares a `Content-Length` (chunked bodies are
 * counted as they arrive). Memory use stays below `maxBytes`: an oversized body is discarded as it is read (up to
 * {@link OVERSIZED_BODY_DRAIN_BYTES} more) or cancelled.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const drainLimit = maxBytes + OVERSIZED_BODY_DRAIN_BYTES;
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > drainLimit) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > drainLimit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      if (total <= maxBytes) chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (total > maxBytes) return { ok: false, reason: 'too_large' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
