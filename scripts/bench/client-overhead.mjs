// createTencentClient against raw fetch, both calling the emulator served over HTTP on 127.0.0.1 with 32
// requests in flight.
//
// The emulator runs in a child process (emulator-server.mjs) so that its CPU does not share this event loop:
// what differs between the sides is then only the client-side work. The raw side sends pre-built signed
// requests (the URLs with the same UserSig and fresh `random`s, built before the clock starts) with the same
// headers and body, reads the body and checks `ErrorCode` — the least any caller must do. A third side does the
// same with a deadline that can cancel the request (an AbortSignal and a timer), as a careful caller would: on
// Node, handing fetch a signal is most of what the client costs beyond a raw fetch. The client side runs the
// whole call path: argument validation, URL building, per-attempt deadline, envelope schema, retry policy (on,
// default settings) and hooks; its rate limiter is off, and so is the emulator's.
//
// Method. On a shared 2-core machine the client, the server and the neighbours compete for the same cores, so
// throughput drifts by tens of percent within seconds; a ratio of two medians taken seconds apart inherits that
// drift. Instead each round runs the three sides back to back (short runs, the order rotated every round), each
// round gives its ratios, and the result is the median of the per-round ratios, printed with their interquartile
// range. Every side also reports the CPU this process spent per request (process.cpuUsage): the client's own cost
// even when the server, not the client, bounds the throughput.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { formatCount, median, quartiles, root } from './stats.mjs';

const CONCURRENCY = 32;
const TENCENT = { sdkAppId: 1400000000, secretKey: 'bench-secret-key-0123456789abcdef', admins: ['administrator'] };

function startServer() {
  const child = spawn(process.execPath, [join(root, 'scripts/bench/emulator-server.mjs'), JSON.stringify(TENCENT)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the emulator server did not start within 30 s')), 30_000);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      resolve({ child, ...JSON.parse(buffered.slice(0, newline)) });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator server exited with ${code} before listening`));
    });
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin.end('stop\n');
  });
}

/** Runs `count` calls of `send(index)` with `CONCURRENCY` in flight; returns requests/s and CPU µs per request. */
async function run(send, count) {
  let next = 0;
  const worker = async () => {
    while (next < count) await send(next++);
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / seconds, cpuMicrosPerRequest: (cpu.user + cpu.system) / count };
}

export async function benchClientOverhead({ rounds, requests }) {
  const core = await import(join(root, 'packages/core/dist/index.js'));
  const server = await startServer();
  try {
    const client = core.createTencentClient({
      sdkAppId: TENCENT.sdkAppId,
      identifier: 'administrator',
      secretKey: TENCENT.secretKey,
      baseUrl: server.url,
      rateLimit: false,
    });
    await client.call('live_config', 'set_callback', {
      Url: 'https://bench.test/tencent/callback',
      CallbackCommandList: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'],
    });

    const userSig = core.genUserSig({ sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey, identifier: 'administrator', expireSeconds: 86_400 });
    const urls = Array.from({ length: requests }, () =>
      core.buildRequestUrl({
        baseUrl: server.url,
        service: 'live_config',
        command: 'get_callback',
        sdkAppId: TENCENT.sdkAppId,
        identifier: 'administrator',
        userSig,
        random: core.randomUint32(),
      }),
    );
    const init = { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '{}' };

    const viaClient = async () => {
      const body = await client.call('live_config', 'get_callback');
      if (body.Response?.Url !== 'https://bench.test/tencent/callback') throw new Error(`client: unexpected answer ${JSON.stringify(body)}`);
    };
    const check = (side, response, body) => {
      if (!response.ok || body.ErrorCode !== 0 || body.Response?.Url !== 'https://bench.test/tencent/callback') {
        throw new Error(`${side}: unexpected answer ${response.status} ${JSON.stringify(body)}`);
      }
    };
    const viaFetch = async (index) => {
      const response = await fetch(urls[index], init);
      check('raw fetch', response, JSON.parse(await response.text()));
    };
    // What a careful raw caller adds: a deadline that can cancel the request (the client's default is 10 s).
    const viaFetchWithDeadline = async (index) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(urls[index], { ...init, signal: controller.signal });
        check('raw fetch with a deadline', response, JSON.parse(await response.text()));
      } finally {
        clearTimeout(timer);
      }
    };

    const sides = [viaClient, viaFetch, viaFetchWithDeadline];
    // Warm-up: connections, JIT, the server's caches.
    for (const side of sides) await run(side, Math.min(requests, 500));
    const results = sides.map(() => []);
    const ratios = { raw: [], deadline: [] };
    for (let round = 0; round < rounds; round++) {
      // Each round runs the three sides back to back, in an order rotated every round.
      const measured = [];
      for (let step = 0; step < sides.length; step++) {
        const index = (round + step) % sides.length;
        measured[index] = await run(sides[index], requests);
      }
      measured.forEach((result, index) => results[index].push(result));
      ratios.raw.push(measured[0].perSecond / measured[1].perSecond);
      ratios.deadline.push(measured[0].perSecond / measured[2].perSecond);
    }
    const [oursRate, rawRate, deadlineRate] = results.map((side) => median(side.map((result) => result.perSecond)));
    const [oursCpu, rawCpu, deadlineCpu] = results.map((side) => median(side.map((result) => result.cpuMicrosPerRequest)));
    const withSpread = (values) => {
      const [low, high] = quartiles(values);
      return `${median(values).toFixed(2)}× (IQR ${low.toFixed(2)}–${high.toFixed(2)})`;
    };
    const ratio = median(ratios.raw);
    return {
      rows: [
        {
          benchmark: `client vs raw fetch, ${CONCURRENCY} in flight, req/s`,
          tokenwire: formatCount(oursRate),
          baseline: `${formatCount(rawRate)} (raw fetch, pre-built signed requests)`,
          ratio: withSpread(ratios.raw),
          budget: '≥ 0.9×',
          ok: ratio >= 0.9,
        },
        {
          benchmark: `client vs raw fetch + deadline, ${CONCURRENCY} in flight, req/s`,
          tokenwire: formatCount(oursRate),
          baseline: `${formatCount(deadlineRate)} (the same, with an AbortSignal and a 10 s timer)`,
          ratio: withSpread(ratios.deadline),
          budget: '—',
        },
        {
          benchmark: 'client vs raw fetch, client-process CPU µs/req',
          tokenwire: `${oursCpu.toFixed(0)} µs`,
          baseline: `${rawCpu.toFixed(0)} µs raw, ${deadlineCpu.toFixed(0)} µs with a deadline`,
          ratio: `${(oursCpu / rawCpu).toFixed(2)}× / ${(oursCpu / deadlineCpu).toFixed(2)}× CPU`,
          budget: '—',
        },
      ],
      note: `client overhead: live_config/get_callback to the emulator served by a child Node process at ${server.url} (rate limits off, retry on); ${rounds} rounds, each running the client, raw fetch and raw fetch with a deadline back to back (${requests} requests each, order rotated per round) after a warm-up; ratios = medians of the per-round ratios, req/s and CPU = medians`,
    };
  } finally {
    await stopServer(server.child);
  }
}
