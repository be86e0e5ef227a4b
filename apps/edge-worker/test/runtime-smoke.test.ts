// The same worker bundle served by the Deno and Bun entry points (dist/deno.js, dist/bun.js), called over HTTP
// from Node: health, one verified callback forwarded to FORWARD_URL, its repeat answered as the first, a UserSig
// minted; forged callbacks trickling their bodies answered within the body deadline, and SIGTERM while one trickles.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyUserSig } from '@tokenwire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS } from '../src/shut-down.js';
import { CALLBACK_BODY_DEADLINE_MS } from '../src/tencent/callback-route.js';
import { appDir } from './support/build-worker.js';
import { CALLBACK_TOKEN, createRoomBody, createTencentApp, SDK_APP_ID, SECRET_KEY, type TencentApp } from './support/tencent-app.js';
import { tricklingRequest } from './support/trickling-request.js';
import { bearer, JWT_SECRET } from './support/user-jwt.js';
import { runtimeBinary } from '../../../scripts/runtime-binary.mjs';
import { certificateTrust } from '../../../scripts/runtime-env.mjs';

/** A FORWARD_URL target in Node that records the events it receives. */
const events: { authorization: string | undefined; body: Record<string, unknown> }[] = [];
let eventServer: Server;
let eventUrl = '';
let app: TencentApp;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  app = await createTencentApp();
  eventServer = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      events.push({ authorization: request.headers.authorization, body: JSON.parse(text) as Record<string, unknown> });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => eventServer.listen(0, '127.0.0.1', resolve));
  eventUrl = `http://127.0.0.1:${(eventServer.address() as AddressInfo).port}/events`;
}, 120_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await new Promise((resolve) => eventServer?.close(resolve));
});

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stderr: string[];
}

function serve(command: string, args: readonly string[]): Promise<Served> {
  const child = spawn(command, args, {
    cwd: appDir,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      NO_COLOR: '1',
      DENO_NO_UPDATE_CHECK: '1',
      DENO_NO_PROMPT: '1',
      ...certificateTrust(),
      PORT: '0',
      HOST: '127.0.0.1',
      TENCENT_SDK_APP_ID: String(SDK_APP_ID),
      TENCENT_CALLBACK_TOKEN: CALLBACK_TOKEN,
      FORWARD_URL: eventUrl,
      FORWARD_AUTHORIZATION: 'Bearer smoke-forward',
      TENCENT_SECRET_KEY: SECRET_KEY,
      USER_JWT_SECRET: JWT_SECRET,
    },
  });
  children.push(child);
  const stderr: string[] = [];
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start in time:\n${stderr.join('')}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, stderr });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before listening:\n${stderr.join('')}`));
    });
  });
}

function stop(served: Served): Promise<number | null> {
  return new Promise((resolve) => {
    served.child.on('exit', (code) => resolve(code));
    served.child.kill('SIGTERM');
  });
}

// Deno's server (hyper) sends the 401 with `connection: close` but keeps reading a body its sender still trickles
// before it closes the connection: the request is over, only the socket stays (documented in the README).
const runtimes = [
  {
    name: 'deno',
    command: () => runtimeBinary('deno'),
    args: ['run', '--allow-net=127.0.0.1', '--allow-env', '--unstable-no-legacy-abort', 'dist/deno.js'],
    closesTrickledConnections: false,
  },
  { name: 'bun', command: () => runtimeBinary('bun'), args: ['dist/bun.js'], closesTrickledConnections: true },
] as const;

describe.each(runtimes)('the worker served by the $name entry point', ({ name, command, args, closesTrickledConnections }) => {
  it('answers healthz, accepts a verified callback (forwarded), answers its repeat as the first, and mints a UserSig', async () => {
    const served = await serve(command(), args);
    const health = await fetch(`${served.url}/healthz`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      routes: { tencentCallback: true, userSig: true, aiccGateway: false, cors: true },
    });

    let sent: Request | undefined;
    const body = createRoomBody(`room-${name}`);
    const result = await app.emulator.tencent!.emitCallback('Live.CallbackAfterCreateRoom', body, {
      fetch: async (input, init) => {
        const original = new Request(input, init);
        const target = new URL(original.url);
        sent = new Request(`${served.url}${target.pathname}${target.search}`, {
          method: 'POST',
          headers: original.headers,
          body: await original.text(),
        });
        return fetch(sent.clone());
      },
    });
    expect(result).toMatchObject({ delivered: true, accepted: true, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
    expect(events.at(-1)).toMatchObject({
      authorization: 'Bearer smoke-forward',
      body: { command: 'Live.CallbackAfterCreateRoom', rawBody: body },
    });

    // An exact repeat is answered as the first was, and not forwarded again.
    const forwardedBefore = events.length;
    const replay = await fetch(sent!);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(events.length).toBe(forwardedBefore);

    const minted = await fetch(`${served.url}/tencent/usersig`, { method: 'POST', headers: { authorization: bearer(`viewer-${name}`) } });
    expect(minted.status).toBe(200);
    const { userSig } = (await minted.json()) as { userSig: string };
    expect(verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: `viewer-${name}` }).identifier).toBe(
      `viewer-${name}`,
    );

    expect(await stop(served)).toBe(0);
    expect(served.stderr.join('')).toBe('');
  }, 60_000);

  it('answers forged callbacks whose bodies trickle within about 2 s, and stops on SIGTERM within its grace while one trickles', async () => {
    const served = await serve(command(), args);
    const path = `/tencent/callback?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&RequestTime=${Math.floor(Date.now() / 1000)}&Sign=${'0'.repeat(64)}`;
    const trickling = Array.from({ length: 20 }, (_, index) =>
      tricklingRequest(served.url, path, index % 2 === 0 ? { contentLength: 10_000 } : {}),
    );
    try {
      const answers = await Promise.all(trickling.map((request) => request.answered));
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.afterMs).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 2000);
      }
      if (closesTrickledConnections) {
        for (const closedAfter of await Promise.all(trickling.map((request) => request.closed))) {
          expect(closedAfter).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 4000);
        }
      }
      // A sender that keeps its connection open and trickles: SIGTERM still stops the server, without waiting for it.
      const holding = tricklingRequest(served.url, path, { contentLength: 10_000_000 });
      trickling.push(holding);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      expect(await stop(served)).toBe(0);
      expect(performance.now() - started).toBeLessThan(SHUTDOWN_GRACE_MS + 2000);
    } finally {
      for (const request of trickling) request.stop();
    }
  }, 60_000);
});
