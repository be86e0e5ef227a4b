import { describe, expect, it } from 'vitest';
import { limitRequestBody } from '../src/http/limit-request-body.js';
import { OVERSIZED_BODY_DRAIN_BYTES, readLimitedBody } from '../src/http/read-limited-body.js';

/** A request whose body is streamed in `chunks` (no Content-Length, like chunked encoding). */
function streamed(chunks: readonly Uint8Array[]): Request {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return new Request('https://edge.test/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

const bytes = (length: number, value = 1) => new Uint8Array(length).fill(value);

describe('readLimitedBody', () => {
  it('returns the whole body within the limit, joined from its chunks', async () => {
    const result = await readLimitedBody(streamed([bytes(3, 1), bytes(2, 2)]), 5);
    expect(result).toEqual({ ok: true, bytes: new Uint8Array([1, 1, 1, 2, 2]) });
  });

  it('refuses a chunked body past the limit (reading on to drain it), and refuses a declared one without reading', async () => {
    expect(await readLimitedBody(streamed([bytes(4), bytes(4)]), 5)).toEqual({ ok: false, reason: 'too_large' });
    let read = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        read += 64 * 1024;
        controller.enqueue(bytes(64 * 1024));
      },
    });
    const request = new Request('https://edge.test/', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(await readLimitedBody(request, 1024)).toEqual({ ok: false, reason: 'too_large' });
    expect(read).toBeLessThanOrEqual(1024 + OVERSIZED_BODY_DRAIN_BYTES + 128 * 1024);
    const declared = new Request('https://edge.test/', { method: 'POST', body: 'x'.repeat(10), headers: { 'content-length': String(2 * 1024 * 1024) } });
    expect(await readLimitedBody(declared, 5)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('returns an empty body for a request without one', async () => {
    expect(await readLimitedBody(new Request('https://edge.test/'), 5)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });
});

describe('limitRequestBody', () => {
  it('lets a body within the limit through untouched, and makes a longer one fail to read', async () => {
    const small = limitRequestBody(streamed([bytes(3)]), 5);
    expect((await small.request.arrayBuffer()).byteLength).toBe(3);
    expect(small.exceeded()).toBe(false);
    const large = limitRequestBody(streamed([bytes(4), bytes(4)]), 5);
    await expect(large.request.text()).rejects.toThrow();
    expect(large.exceeded()).toBe(true);
  });
});
