// drainingBodyLimit (hono/body-limit, the refused body drained) on a small Hono app in Node, where a test can
// count what was read: chunked bodies (no Content-Length) and declared ones.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { drainingBodyLimit, OVERSIZED_BODY_DRAIN_BYTES } from '../src/http/draining-body-limit.js';
import type { WorkerHonoEnv } from '../src/worker-hono-env.js';

const LIMIT = 1024;

function app(): Hono<WorkerHonoEnv> {
  const hono = new Hono<WorkerHonoEnv>();
  hono.post(
    '/',
    drainingBodyLimit(
      () => LIMIT,
      (limit) => new Response(`too large: ${limit}`, { status: 413 }),
    ),
    async (c) => new Response(String((await c.req.raw.arrayBuffer()).byteLength)),
  );
  return hono;
}

/** A body of `chunks` chunks of `size` bytes (endless when `chunks` is Infinity), counting what was pulled. */
function source(chunks: number, size: number): { body: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= chunks * size) return controller.close();
        pulled += size;
        controller.enqueue(new Uint8Array(size).fill(1));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled, cancelled: () => cancelled };
}

const post = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  app().request('/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('drainingBodyLimit', () => {
  it('hands a chunked body within the limit to the route, whole', async () => {
    const response = await post(source(4, 256).body);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1024');
  });

  it('refuses a chunked body past the limit, reading on to drain it, then cancelling an endless one', async () => {
    const sent = source(Infinity, 64 * 1024);
    const response = await post(sent.body);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe(`too large: ${LIMIT}`);
    expect(sent.pulled()).toBeGreaterThan(OVERSIZED_BODY_DRAIN_BYTES);
    expect(sent.pulled()).toBeLessThanOrEqual(LIMIT + OVERSIZED_BODY_DRAIN_BYTES + 2 * 64 * 1024);
    expect(sent.cancelled()).toBe(true);
  });

  it('drains a chunked body a little over the limit to its end before answering 413', async () => {
    const sent = source(8, 1024);
    expect((await post(sent.body)).status).toBe(413);
    expect(sent.pulled()).toBe(8 * 1024);
    expect(sent.cancelled()).toBe(false);
  });

  it('refuses a declared Content-Length over the limit: drained when the excess is moderate, cancelled unread beyond it', async () => {
    const moderate = source(2, 1024);
    expect((await post(moderate.body, { 'content-length': String(2 * 1024) })).status).toBe(413);
    expect(moderate.pulled()).toBe(2 * 1024);
    const huge = source(Infinity, 64 * 1024);
    expect((await post(huge.body, { 'content-length': String(LIMIT + OVERSIZED_BODY_DRAIN_BYTES + 1) })).status).toBe(413);
    expect(huge.pulled()).toBe(0);
    expect(huge.cancelled()).toBe(true);
  });
});
