// How much of an upload the worker holds: N concurrent uploads of the maximum size through the worker app in Node,
// where a test can count every byte taken from each browser body and every byte the upstream request consumed.
// (Inside workerd the process's resident memory is dominated by garbage the isolate has not collected yet — it
// keeps growing over sequential uploads until V8 collects — so the worker's own holding is measured here; the
// workerd test, upload-streaming.workerd.test.ts, shows the bytes reach AICC while the browser is still sending.)
import { GATEWAY_MAX_UPLOAD_BODY_BYTES } from '@tokenwire/aicc-messaging';
import { createEmulator } from '@tokenwire/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_UPLOADS_PER_ISOLATE, MAX_UPLOADS_PER_USER } from '@tokenwire/aicc-messaging/gateway';
import { createWorker } from '../src/create-worker.js';
import { bearer, JWT_SECRET } from './support/user-jwt.js';

const APP_KEY = 'aicc-app-key-buffering-0001';
const APP_SECRET = 'aicc-app-secret-buffering-0123456789';
const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: ['web-channel-1'] } });
afterAll(() => emulator.close());

const env = {
  AICC_BASE_URL: 'https://aicc.buffering.test',
  AICC_APP_KEY: APP_KEY,
  AICC_APP_SECRET: APP_SECRET,
  USER_JWT_SECRET: JWT_SECRET,
};
const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };

/** The browser chunk size (64 KiB) and the bound on what the worker may hold of one upload at any time. */
const CHUNK = 64 * 1024;
const MAX_HELD_PER_UPLOAD = 4 * CHUNK;

/** One upload's bookkeeping: bytes taken from the browser's body, and bytes the upstream request consumed. */
interface Flow {
  pulled: number;
  consumed: number;
  maxHeld: number;
  /** How much of the browser's body had been taken when AICC got its first byte. */
  pulledAtFirstConsumed: number | undefined;
}

/** A browser body of exactly `size` bytes — `{"fileType":"txt","channel":"WEB","fileStream":"AAA…"}` — sent in chunks. */
function browserBody(size: number, flow: Flow): ReadableStream<Uint8Array> {
  const head = '{"fileType":"txt","channel":"WEB","fileStream":"';
  const tail = '"}';
  const text = (from: number, to: number): string => {
    const filler = Math.max(0, Math.min(to, size - tail.length) - Math.max(from, head.length));
    return `${head.slice(from, to)}${'A'.repeat(filler)}${tail.slice(Math.max(0, from - (size - tail.length)), Math.max(0, to - (size - tail.length)))}`;
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (flow.pulled >= size) return controller.close();
        const end = Math.min(size, flow.pulled + CHUNK);
        controller.enqueue(new TextEncoder().encode(text(flow.pulled, end)));
        flow.pulled = end;
        flow.maxHeld = Math.max(flow.maxHeld, flow.pulled - flow.consumed);
      },
    },
    { highWaterMark: 0 },
  );
}

describe('uploads through the worker', () => {
  it(`hold at most ${MAX_HELD_PER_UPLOAD / 1024} KiB of each of ${MAX_UPLOADS_PER_ISOLATE} concurrent ${GATEWAY_MAX_UPLOAD_BODY_BYTES / 1024 / 1024} MiB uploads, which reach AICC as they arrive`, async () => {
    const flows = new Map<string, Flow>();
    const worker = createWorker({
      fetch: async (request) => {
        if (!new URL(request.url).pathname.endsWith('/uploadFileStream')) return emulator.fetch(request);
        const flow = flows.get(request.headers.get('ccmessaging-token') ?? '')!;
        const reader = request.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          flow.pulledAtFirstConsumed ??= flow.pulled;
          flow.consumed += value.byteLength;
          await new Promise((resolve) => setImmediate(resolve)); // a network slower than the browser
        }
        return Response.json({ returnCode: '0', objectKey: 'object-1', received: flow.consumed });
      },
    });
    const uploads = Array.from({ length: MAX_UPLOADS_PER_ISOLATE }, (_, index) => {
      const flow: Flow = { pulled: 0, consumed: 0, maxHeld: 0, pulledAtFirstConsumed: undefined };
      flows.set(`upload-${index}`, flow);
      const request = new Request('https://edge.test/aicc/ccmessaging/uploadFileStream', {
        method: 'POST',
        headers: { authorization: bearer(`uploader-${Math.floor(index / MAX_UPLOADS_PER_USER)}`), 'ccmessaging-token': `upload-${index}` },
        body: browserBody(GATEWAY_MAX_UPLOAD_BODY_BYTES, flow),
        duplex: 'half',
      } as RequestInit);
      return worker.fetch(request, env, ctx);
    });
    const answers = await Promise.all(uploads);
    for (const answer of answers) expect(await answer.json()).toMatchObject({ returnCode: '0', received: GATEWAY_MAX_UPLOAD_BODY_BYTES });
    for (const flow of flows.values()) {
      expect(flow.consumed).toBe(GATEWAY_MAX_UPLOAD_BODY_BYTES);
      expect(flow.maxHeld).toBeLessThanOrEqual(MAX_HELD_PER_UPLOAD);
      expect(flow.pulledAtFirstConsumed).toBeLessThanOrEqual(MAX_HELD_PER_UPLOAD); // streamed, not read whole first
    }
  }, 60_000);
});
