// The built package served under Bun and Deno (and Node, as a control), called over HTTP from Node.
// Needs dist/ built and current (turbo builds it before `test`).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AICC, aiccLogin, sendBody, TENCENT, tencentCall } from './fixtures.js';
import { runtimeBinary } from '../../../scripts/runtime-binary.mjs';
import { runtimeEnvironment } from '../../../scripts/runtime-env.mjs';
import { assertBuilt } from '../../../scripts/assert-built.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(packageDir, 'package.json'));

/** A consumer project that depends on the package the way users do, through node_modules links. */
function makeConsumer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokenwire-emulator-smoke-'));
  mkdirSync(join(dir, 'node_modules', '@tokenwire'), { recursive: true });
  symlinkSync(packageDir, join(dir, 'node_modules', '@tokenwire', 'emulator'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke-consumer', private: true, type: 'module' }));
  copyFileSync(join(packageDir, 'test', 'smoke-server.mjs'), join(dir, 'smoke-server.mjs'));
  return dir;
}

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly serveModule: string;
  readonly runtime: string;
  readonly lines: string[];
  readonly stderr: string[];
}

/** The emulator options the smoke server is started with (faults are fixed in smoke-server.mjs). */
interface SmokeOptions {
  readonly tencent?: unknown;
  readonly aicc?: unknown;
}

function startServer(command: string, args: readonly string[], cwd: string, options: SmokeOptions): Promise<Started> {
  const child = spawn(command, [...args, 'smoke-server.mjs', JSON.stringify(options)], {
    cwd,
    env: runtimeEnvironment(),
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  let buffered = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start in time:\n${stderr.join('')}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let newline = buffered.indexOf('\n'); newline !== -1; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        if (lines.length === 1) {
          clearTimeout(timer);
          const started = JSON.parse(line) as { url: string; serveModule: string; runtime: string };
          resolve({ child, lines, stderr, ...started });
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before listening:\n${stderr.join('')}`));
    });
  });
}

/** Sends "stop", waits for the exit, and returns the request log the server printed. */
function stopServer(started: Started): Promise<{ code: number | null; log: { route: string; outcome: string; status: number | null }[] }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      started.child.kill('SIGKILL');
      reject(new Error(`the server did not stop in time:\n${started.stderr.join('')}`));
    }, 15_000);
    started.child.on('exit', (code) => {
      clearTimeout(timer);
      const last = started.lines.at(-1) ?? '[]';
      resolve({ code, log: JSON.parse(last) as { route: string; outcome: string; status: number | null }[] });
    });
    started.child.stdin.write('stop\n');
  });
}

const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

let consumer = '';
const children: ChildProcessWithoutNullStreams[] = [];
beforeAll(() => {
  assertBuilt({
    name: '@tokenwire/emulator',
    outputs: ['index.js', 'serve.js', 'serve.node.js'].map((name) => join(packageDir, 'dist', name)),
    inputs: [join(packageDir, 'src'), join(packageDir, 'tsup.config.ts')],
  });
  consumer = makeConsumer();
}, 180_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('the package layout', () => {
  it('points every export, main, module and types at a file the build emits', () => {
    const manifest = require('./package.json') as Record<string, unknown>;
    const targets: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(manifest.exports);
    collect([manifest.main, manifest.module, manifest.types]);
    const files = targets.filter((target) => target.startsWith('./dist/'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) expect(existsSync(join(packageDir, file)), file).toBe(true);
    const emitted = readdirSync(join(packageDir, 'dist')).filter((name) => !name.endsWith('.map'));
    expect(emitted.sort()).toEqual([...new Set(files.map((file) => file.slice('./dist/'.length)))].sort());
  });
});

const runtimes = [
  { name: 'bun', command: () => runtimeBinary('bun'), args: ['run'], serveFile: 'dist/serve.js' },
  {
    name: 'deno',
    command: () => runtimeBinary('deno'),
    args: ['run', '--allow-net=127.0.0.1', '--allow-read'],
    serveFile: 'dist/serve.js',
  },
  { name: 'node', command: () => process.execPath, args: [], serveFile: 'dist/serve.node.js' },
] as const;

describe.each(runtimes)('the built emulator served under $name', ({ name, command, args, serveFile }) => {
  it('answers signed Tencent calls, CORS and faults over HTTP, and closes cleanly', async () => {
    const started = await startServer(command(), args, consumer, { tencent: TENCENT });
    children.push(started.child);
    expect(started.runtime).toBe(name);
    expect(started.serveModule).toContain(serveFile); // the exports map picked this runtime's server
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect(await tencentCall(fetch, 'get_callback', {}, { base: started.url })).toMatchObject({ status: 200, body: { ErrorCode: 100301 } });
    const set = await tencentCall(
      fetch,
      'set_callback',
      { Url: 'https://hook.test/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] },
      { base: started.url },
    );
    expect(set.body).toMatchObject({ ActionStatus: 'OK' });
    expect((await tencentCall(fetch, 'get_callback', {}, { base: started.url })).body).toMatchObject({
      Response: { Url: 'https://hook.test/cb' },
    });

    const preflight = await fetch(`${started.url}/v4/live_config/get_callback`, {
      method: 'OPTIONS',
      headers: { origin: 'http://page.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

    const gateway = await fetch(`${started.url}/smoke/gateway`, { method: 'POST' });
    expect(gateway.status).toBe(502);
    expect(await gateway.text()).toContain('502 Bad Gateway');

    // A dropped connection: Node and Bun reset before the status line, so fetch itself rejects. Deno.serve cannot
    // close a connection without answering: the status line (502) goes out, then the body is cut.
    const dropping = fetch(`${started.url}/smoke/drop`, { method: 'POST' });
    if (name === 'deno') {
      const cut = await dropping;
      expect(cut.status).toBe(502);
      expect(await settle(cut.text())).toBeInstanceOf(TypeError);
    } else {
      expect(await settle(dropping)).toBeInstanceOf(TypeError);
    }

    // A stalled body: headers arrive, the body hangs until the client aborts.
    const controller = new AbortController();
    const stalled = await fetch(`${started.url}/smoke/stall`, { signal: controller.signal });
    expect(stalled.status).toBe(200);
    const reading = settle(stalled.text());
    setTimeout(() => controller.abort(), 50);
    expect(await reading).toMatchObject({ name: 'AbortError' });

    // A client that gives up during added latency: the server sees the disconnect and logs an abort.
    const impatient = new AbortController();
    const slow = settle(fetch(`${started.url}/smoke/slow`, { signal: impatient.signal }));
    setTimeout(() => impatient.abort(), 50);
    expect(await slow).toMatchObject({ name: 'AbortError' });

    // Another stalled body left open: close() must end it.
    const open = await fetch(`${started.url}/smoke/stall`);
    const openBody = settle(open.text());
    const { code, log } = await stopServer(started);
    expect(code).toBe(0);
    expect(await openBody).toBeInstanceOf(Error);
    const outcomes = log.map((entry) => `${entry.route} ${entry.outcome}`);
    expect(outcomes.slice(0, 7)).toEqual([
      'live_config/get_callback response',
      'live_config/set_callback response',
      'live_config/get_callback response',
      'live_config/get_callback response',
      '/smoke/gateway response',
      '/smoke/drop dropped',
      '/smoke/stall stalled',
    ]);
    // The disconnect during latency and the stall left open are logged in whichever order they ended.
    expect(outcomes.slice(7).sort()).toEqual(['/smoke/slow aborted', '/smoke/stall stalled']);
    expect(log[4]).toEqual({ route: '/smoke/gateway', outcome: 'response', status: 502 });
  }, 60_000);

  it('runs the AICC token lifecycle and a long poll over HTTP: tokenByAkSk, applyToken, rotation, CORS', async () => {
    // Every chat call presents a token within rotateWithinSeconds of expiry, so every answer carries a rotated one.
    const aicc = { ...AICC, pollHoldMs: 1000, robotReplyDelayMs: 50, rotateWithinSeconds: 3600 };
    const started = await startServer(command(), args, consumer, { aicc });
    children.push(started.child);
    expect(started.runtime).toBe(name);

    const { accessToken, messageToken, headers } = await aiccLogin(fetch, 'smoke-user', started.url);
    expect(accessToken).toMatch(/\S{16,}/);
    expect(messageToken).toMatch(/%3D$/);
    const chat = (path: string, init: RequestInit = {}) =>
      fetch(`${started.url}/apiaccess/ccmessaging/${path}`, { ...init, headers: { ...headers, origin: 'http://page.test' } });

    const connected = await chat('send', { method: 'POST', body: JSON.stringify(sendBody('smoke-user', 'CONNECT')) });
    expect(connected.status).toBe(200);
    expect(await connected.json()).toMatchObject({ resultCode: '0' });
    const rotated = connected.headers.get('ccmessaging-token');
    expect(rotated).toMatch(/%3D$/);
    expect(rotated).not.toBe(messageToken);
    expect(connected.headers.get('access-control-allow-origin')).toBe('*');
    expect(connected.headers.get('access-control-expose-headers')).toContain('ccmessaging-token');

    const pollUrl = 'poll?receiverId=smoke-user&channel=WEB';
    const greeting = (await (await chat(pollUrl)).json()) as { resultCode: string; downlinkMessages: unknown[] };
    expect(greeting).toMatchObject({ resultCode: '0' });
    expect(greeting.downlinkMessages).toHaveLength(2);

    // The poll is held until the robot answers the CHAT sent meanwhile (or finds the answer already queued).
    const held = chat(pollUrl).then((response) => response.json());
    await chat('send', { method: 'POST', body: JSON.stringify(sendBody('smoke-user', 'CHAT', 'shipping')) });
    expect(await held).toMatchObject({
      resultCode: '0',
      downlinkMessages: [{ sourceType: 'ROBOT', content: expect.stringContaining('shipping') }],
    });

    // Nothing queued: the poll holds for pollHoldMs and answers with no messages.
    expect(await (await chat(pollUrl)).json()).toEqual({
      resultCode: '0',
      resultDesc: 'query user messages success.',
      downlinkMessages: [],
    });

    const { code, log } = await stopServer(started);
    expect(code).toBe(0);
    expect(log.map((entry) => `${entry.route} ${entry.status}`)).toEqual([
      '/apigovernance/api/oauth/tokenByAkSk 200',
      '/apiaccess/ccmessaging/applyToken 200',
      '/apiaccess/ccmessaging/send 200',
      '/apiaccess/ccmessaging/poll 200',
      '/apiaccess/ccmessaging/send 200', // the held poll can only answer after the robot's delayed reply
      '/apiaccess/ccmessaging/poll 200',
      '/apiaccess/ccmessaging/poll 200',
    ]);
  }, 60_000);
});
