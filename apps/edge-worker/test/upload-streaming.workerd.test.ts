// POST /aicc/ccmessaging/uploadFileStream inside real workerd: bodies stream to AICC without being held whole
// (workerd's resident memory read from /proc, the way bench/verify-callback-cpu.mjs reads its CPU time), identity
// fields pinned as the body streams, and concurrent uploads bounded per user and per isolate.
import { readdirSync, readFileSync } from 'node:fs';
import { GATEWAY_MAX_UPLOAD_BODY_BYTES } from '@tokenwire/aicc-messaging';
import { createEmulator } from '@tokenwire/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOADS_PER_ISOLATE, MAX_UPLOADS_PER_USER } from '@tokenwire/aicc-messaging/gateway';
import { tricklingRequest } from './support/trickling-request.js';
import { bearer, JWT_SECRET } from './support/user-jwt.js';
import { startWorker, type WorkerHarness } from './support/workerd.js';

const APP_KEY = 'aicc-app-key-upload-0001';
const APP_SECRET = 'aicc-app-secret-upload-9f8e7d6c5b4a3210';
const GATEWAY = 'https://edge.test';
const UPLOAD_PATH = '/aicc/ccmessaging/uploadFileStream';
const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: ['web-channel-1'] } });

/** What AICC received for each upload: the body text, whole. */
const uploads: string[] = [];

/** AICC: API Fabric from the emulator; uploadFileStream answered here, after reading the whole body. */
async function aicc(request: Request): Promise<Response> {
  if (!new URL(request.url).pathname.endsWith('/uploadFileStream')) return emulator.fetch(request);
  const text = await request.text();
  uploads.push(text);
  return Response.json({ returnCode: '0', objectKey: `object-${uploads.length}`, received: text.length });
}

let worker: WorkerHarness;
beforeAll(async () => {
  worker = await startWorker({
    bindings: {
      AICC_BASE_URL: 'https://aicc.emulator.test',
      AICC_APP_KEY: APP_KEY,
      AICC_APP_SECRET: APP_SECRET,
      USER_JWT_SECRET: JWT_SECRET,
    },
    outbound: aicc,
  });
}, 120_000);
afterAll(async () => {
  emulator.close();
  await worker?.dispose();
});

/** An upload body of exactly `size` bytes: `{"fileType":"txt","channel":"WEB","fileStream":"AAA…"}` plus `extra` members. */
function uploadBody(size: number, extra = ''): string {
  const head = `{"fileType":"txt","channel":"WEB"${extra},"fileStream":"`;
  return `${head}${'A'.repeat(size - head.length - 2)}"}`;
}

const upload = (user: string, body: string) =>
  worker.dispatch(
    new Request(`${GATEWAY}${UPLOAD_PATH}`, {
      method: 'POST',
      headers: { authorization: bearer(user), 'content-type': 'application/json', 'ccmessaging-token': 'mt' },
      body,
    }),
  );

/** The pid of the workerd process miniflare started (a child of this process). */
function workerdPid(): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (command === 'workerd' && parent === process.pid) return Number(name);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('workerd process not found');
}

/** Resident memory of `pid`, in bytes (`VmRSS`). */
function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}

const MiB = 1024 * 1024;

/**
 * What AICC received of refused uploads: the upstream request is aborted, but (through miniflare's outbound
 * service) the part sent before may still arrive as a request of its own — never a complete JSON body.
 */
function expectNoCompleteBody(received: readonly string[]): void {
  for (const text of received) expect(() => JSON.parse(text), text.slice(0, 80)).toThrow();
}

describe('streaming uploads', () => {
  /**
   * The bound: eight concurrent uploads of the maximum size raise workerd's resident memory by less than the bodies
   * themselves (8 × 14 MiB = 112 MiB) — they are never all held; buffered whole they took 222 MiB. Resident memory is
   * an upper bound of what the isolate holds: most of the growth is chunks already passed on that V8 has not
   * collected yet (measured: +60 MiB, and sequential uploads keep it growing until V8 collects), so what the worker
   * itself holds — a few chunks per upload — is measured in Node, by upload-buffering.test.ts.
   */
  const CONCURRENT = MAX_UPLOADS_PER_ISOLATE;
  const BOUND_BYTES = CONCURRENT * GATEWAY_MAX_UPLOAD_BODY_BYTES;

  it.runIf(process.platform === 'linux')(
    `keeps workerd's memory growth under ${BOUND_BYTES / MiB} MiB for ${CONCURRENT} concurrent uploads of ${GATEWAY_MAX_UPLOAD_BODY_BYTES / MiB} MiB`,
    async () => {
      const pid = workerdPid();
      // Warm up: the code paths, the AccessToken, the isolate's first allocations.
      expect((await upload('warm-up', uploadBody(1 * MiB))).status).toBe(200);
      const baseline = residentBytes(pid);
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, residentBytes(pid));
      }, 20);
      const users = Array.from({ length: CONCURRENT }, (_, index) => `uploader-${Math.floor(index / MAX_UPLOADS_PER_USER)}`);
      const before = uploads.length;
      try {
        const answers = await Promise.all(users.map((user) => upload(user, uploadBody(GATEWAY_MAX_UPLOAD_BODY_BYTES))));
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(await answer.json()).toMatchObject({ returnCode: '0', received: GATEWAY_MAX_UPLOAD_BODY_BYTES });
        }
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, residentBytes(pid));
      expect(uploads.length - before).toBe(CONCURRENT);
      expect(uploads.slice(before).every((text) => text === uploadBody(GATEWAY_MAX_UPLOAD_BODY_BYTES))).toBe(true); // byte for byte
      console.info(`workerd resident memory: ${(baseline / MiB).toFixed(1)} MiB before, peak +${((peak - baseline) / MiB).toFixed(1)} MiB`);
      expect(peak - baseline).toBeLessThan(BOUND_BYTES);
    },
    120_000,
  );

  it('refuses an upload whose identity fields name someone else, in any spelling, duplicated or escaped — AICC never gets it whole', async () => {
    const before = uploads.length;
    for (const extra of [
      ',"userId":"victim"',
      ',"from":"victim"',
      ',"from":"mallory","from":"victim"',
      ',"from":"victim","from":"mallory"',
      ',"UserID":"victim"',
      ',"user_id":"victim"',
      ',"\\u0075serId":"victim"',
      ',"callId":"victim"',
      ',"userId":null',
      ',"userId":42',
    ]) {
      // Within the 1 MiB the worker discards of a refused body's rest, so the browser sees the answer.
      const response = await upload('mallory', uploadBody(MiB / 2, extra));
      expect(response.status, extra).toBe(403);
      expect(await response.json()).toMatchObject({
        error: 'forbidden',
        message: expect.stringContaining('must be the authenticated user'),
      });
    }
    // The identity field after the file: most of the body has gone out, but not all of it.
    const late = `${uploadBody(2 * MiB).slice(0, -1)},"userId":"victim"}`;
    expect((await upload('mallory', late)).status).toBe(403);
    const query = await worker.dispatch(
      new Request(`${GATEWAY}${UPLOAD_PATH}?receiverid=victim`, {
        method: 'POST',
        headers: { authorization: bearer('mallory') },
        body: uploadBody(1024),
      }),
    );
    expect(query.status).toBe(403);
    expectNoCompleteBody(uploads.slice(before));
    // Its own identity passes.
    const own = uploadBody(2 * MiB, ',"userId":"mallory","from":"mallory"');
    expect((await upload('mallory', own)).status).toBe(200);
    expect(uploads.at(-1)).toBe(own);
  });

  it('refuses a body that is not one flat JSON object in UTF-8 (400), and one over the limit (413)', async () => {
    const before = uploads.length;
    for (const body of [
      '{"fileStream":"AAAA","nested":{"userId":"victim"}}',
      '{"fileStream":"AAAA","userId":["mallory"]}',
      '{"fileStream":"AAAA",}',
      '{"fileStream":"AAAA"} {"userId":"victim"}',
      "{'fileStream':'AAAA'}",
      '{"fileStream":"AA\nAA"}',
      '{"fileStream":"AAAA"',
      '[]',
      '',
    ]) {
      const response = await upload('mallory', body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_body' });
    }
    const notUtf8 = await worker.dispatch(
      new Request(`${GATEWAY}${UPLOAD_PATH}`, {
        method: 'POST',
        headers: { authorization: bearer('mallory') },
        body: new Uint8Array([...new TextEncoder().encode('{"fileStream":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]),
      }),
    );
    expect(notUtf8.status).toBe(400);
    const tooLarge = await upload('mallory', uploadBody(GATEWAY_MAX_UPLOAD_BODY_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'payload_too_large' });
    expectNoCompleteBody(uploads.slice(before));
  });
});

describe('concurrent uploads', () => {
  it(`allows ${MAX_UPLOADS_PER_USER} uploads per user and ${MAX_UPLOADS_PER_ISOLATE} per isolate at a time: 429, then 503, with Retry-After`, async () => {
    const origin = (await worker.mf.ready).origin;
    const open = (user: string) =>
      tricklingRequest(origin, UPLOAD_PATH, {
        contentLength: 4 * MiB,
        headers: { authorization: bearer(user), 'ccmessaging-token': 'mt' },
        prefix: '{"fileType":"txt","channel":"WEB","fileStream":"',
        filler: 'A',
        everyMs: 50,
      });
    const held = [open('busy-0'), open('busy-0')];
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // both are streaming
      const third = await upload('busy-0', uploadBody(1024));
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('1');
      expect(await third.json()).toMatchObject({ error: 'too_many_uploads' });
      for (let user = 1; held.length < MAX_UPLOADS_PER_ISOLATE; user++) held.push(open(`busy-${user}`), open(`busy-${user}`));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const beyond = await upload('someone-else', uploadBody(1024));
      expect(beyond.status).toBe(503);
      expect(beyond.headers.get('retry-after')).toBe('1');
      expect(await beyond.json()).toMatchObject({ error: 'gateway_busy' });
    } finally {
      for (const request of held) request.stop();
    }
  }, 30_000);
});
