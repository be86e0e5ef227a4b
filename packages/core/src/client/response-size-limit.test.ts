import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { limitResponseSize } from './response-size-limit.js';

const encoder = new TextEncoder();

function chunks(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

describe('limitResponseSize', () => {
  it('reads a body up to the limit as text, like Response.text()', async () => {
    expect(limitResponseSize(7).maxBytes).toBe(7);
    expect(await limitResponseSize(7).read(new Response(chunks('{"a":', '1}'))).text).toBe('{"a":1}');
    expect(await limitResponseSize(0).read(new Response(null)).text).toBe('');
    expect(await limitResponseSize(100).read(new Response(chunks('\uFEFFbom'))).text).toBe(await new Response(chunks('\uFEFFbom')).text());
  });

  it('gives up past the limit and cancels the rest', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(encoder.encode('xxxx')),
      cancel: () => {
        cancelled = true;
      },
    });
    expect(await limitResponseSize(10).read(new Response(stream)).text).toBeUndefined();
    expect(cancelled).toBe(true);
  });

  it('refuses a body announced too large by Content-Length without pulling it', async () => {
    let pulled = false;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull: () => {
          pulled = true;
        },
        cancel: () => {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const reading = limitResponseSize(10).read(new Response(stream, { headers: { 'content-length': '11' } }));
    expect(await reading.text).toBeUndefined();
    reading.cancel();
    expect(pulled).toBe(false);
    expect(cancelled).toBe(true);
  });

  it('rejects when the stream errors, and cancel() stops a pending read', async () => {
    const broken = new ReadableStream<Uint8Array>({ start: (controller) => controller.error(new TypeError('terminated')) });
    await expect(limitResponseSize(10).read(new Response(broken)).text).rejects.toThrow('terminated');
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      cancel: () => {
        cancelled = true;
      },
    });
    const reading = limitResponseSize(10).read(new Response(stalled));
    reading.cancel();
    expect(await reading.text).toBe('');
    expect(cancelled).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10'])('rejects the limit %s', (maxBytes) => {
    expect(() => limitResponseSize(maxBytes as number)).toThrow(ValidationError);
  });
});
