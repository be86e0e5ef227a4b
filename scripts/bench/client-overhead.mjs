// createTencentClient against raw fetch, both calling the emulator served over HTTP on 127.0.0.1 with 32 requests
// in flight: once behind 30 ms of injected latency (the budget: what a server talking to Tencent sees, where the
// client must not cost throughput), once on bare loopback (for information: there the client's CPU is the
// bottleneck), plus the client's CPU per call above raw fetch and where it goes.
//
// The emulators run in a child process (emulator-server.mjs) so that their CPU does not share this event loop:
// what differs between the sides is then only the client-side work. The raw side sends pre-built signed requests
// (the URLs with the same UserSig and fresh `random`s, built before the clock starts) with the same headers and
// body, reads the body and checks `ErrorCode` — the least any caller must do. On loopback a third side does the
// same with a deadline that can cancel the request (an AbortSignal and a timer), as a careful caller would. The
// client side runs the whole call path through ky: argument validation, URL signing, ky's Request and hooks, the
// body read under the per-attempt timeout, envelope check, retry policy (on, default settings) and hooks; its rate
// limiter is off, and so is the emulator's.
//
// Method. On a shared 2-core machine the client, the server and the neighbours compete for the same cores, so
// throughput drifts by tens of percent within seconds; a ratio of two medians taken seconds apart inherits that
// drift. Instead each round runs the sides back to back (short runs, the order rotated every round), each round
// gives its ratios, and the result is the median of the per-round ratios, printed with their interquartile range.
// Every side also reports the CPU this process spent per request (process.cpuUsage): the client's own cost even
// when the server, not the client, bounds the throughput. The breakdown of that cost is measured in process, on a
// stub fetch that answers at once (no network), layer by layer: the floor (a fetch-shaped call and JSON.parse),
// ky's own call, the engine's additions and the Tencent semantics, with the Request construction ky does per call.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatCount, median, quartiles, root } from './stats.mjs';

const CONCURRENCY = 32;
const LATENCY_MS = 30;
const BUDGET = 0.95;
const TENCENT = { sdkAppId: 1400000000, secretKey: 'bench-secret-key-0123456789abcdef', admins: ['administrator'] };
const CALLBACK_URL = 'https://bench.test/tencent/callback';

function startServer() {
  const child = spawn(process.execPath, [join(root, 'scripts/bench/emulator-server.mjs'), JSON.stringify(TENCENT), String(LATENCY_MS)], {
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

/**
 * Runs `sides` back to back for `rounds` rounds (order rotated per round) after a warm-up; returns each side's
 * results and, per round, each side's req/s divided by side 0's… inverted: side 0 over side i.
 */
async function rounds(sides, { rounds: count, requests }) {
  for (const side of sides) await run(side, Math.min(requests, 320));
  const results = sides.map(() => []);
  const ratios = sides.map(() => []);
  for (let round = 0; round < count; round++) {
    const measured = [];
    for (let step = 0; step < sides.length; step++) {
      const index = (round + step) % sides.length;
      measured[index] = await run(sides[index], requests);
    }
    measured.forEach((result, index) => {
      results[index].push(result);
      ratios[index].push(measured[0].perSecond / result.perSecond);
    });
  }
  return {
    perSecond: results.map((side) => median(side.map((result) => result.perSecond))),
    cpu: results.map((side) => median(side.map((result) => result.cpuMicrosPerRequest))),
    ratios,
  };
}

const withSpread = (values) => {
  const [low, high] = quartiles(values);
  return `${median(values).toFixed(2)}× (IQR ${low.toFixed(2)}–${high.toFixed(2)})`;
};

/** The sides for one emulator: the client, raw fetch, raw fetch with a deadline. */
async function sidesFor(core, baseUrl, requests) {
  const client = core.createTencentClient({
    sdkAppId: TENCENT.sdkAppId,
    identifier: 'administrator',
    secretKey: TENCENT.secretKey,
    baseUrl,
    rateLimit: false,
  });
  await client.call('live_config', 'set_callback', {
    Url: CALLBACK_URL,
    CallbackCommandList: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'],
  });
  const userSig = core.genUserSig({
    sdkAppId: TENCENT.sdkAppId,
    secretKey: TENCENT.secretKey,
    identifier: 'administrator',
    expireSeconds: 86_400,
  });
  const urls = Array.from({ length: requests }, () =>
    core.buildRequestUrl({
      baseUrl,
      service: 'live_config',
      command: 'get_callback',
      sdkAppId: TENCENT.sdkAppId,
      identifier: 'administrator',
      userSig,
      random: Math.floor(Math.random() * 2 ** 32),
    }),
  );
  const init = { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '{}' };
  const check = (side, response, body) => {
    if (!response.ok || body.ErrorCode !== 0 || body.Response?.Url !== CALLBACK_URL)
      throw new Error(`${side}: unexpected answer ${response.status} ${JSON.stringify(body)}`);
  };
  const viaClient = async () => {
    const body = await client.call('live_config', 'get_callback');
    if (body.Response?.Url !== CALLBACK_URL) throw new Error(`client: unexpected answer ${JSON.stringify(body)}`);
  };
  const viaFetch = async (index) => {
    const response = await fetch(urls[index % urls.length], init);
    check('raw fetch', response, JSON.parse(await response.text()));
  };
  // What a careful raw caller adds: a deadline that can cancel the request (the client's default is 10 s).
  const viaFetchWithDeadline = async (index) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    try {
      const response = await fetch(urls[index % urls.length], { ...init, signal: controller.signal });
      check('raw fetch with a deadline', response, JSON.parse(await response.text()));
    } finally {
      clearTimeout(timer);
    }
  };
  return { viaClient, viaFetch, viaFetchWithDeadline };
}

/** CPU µs per sequential call of each function, in alternating rounds; medians. */
async function cpuPerCall(functions, { calls = 4000, repeats = 7 } = {}) {
  const samples = functions.map(() => []);
  for (const fn of functions) for (let index = 0; index < 500; index++) await fn();
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (let step = 0; step < functions.length; step++) {
      const index = (repeat + step) % functions.length;
      const before = process.cpuUsage();
      for (let call = 0; call < calls; call++) await functions[index]();
      const used = process.cpuUsage(before);
      samples[index].push((used.user + used.system) / calls);
    }
  }
  return samples.map(median);
}

/**
 * Where the client's CPU goes, in process on a stub fetch that answers at once: each layer adds to the one before —
 * the floor (a fetch-shaped call and JSON.parse), ky's call as the engine makes it (a POST answered by its
 * beforeRequest hook, retry options, no ky timeout), the engine (hooks, the attempt's deadline, the body read inside
 * it, a Response for ky, the retry plumbing) and the Tencent semantics (arguments, URL signing, envelope). Also what
 * a Request costs to build (ky does on every call) and to clone (ky would before each fetch it makes itself).
 */
async function breakdown(core, internal) {
  const requireFromCore = createRequire(join(root, 'packages/core/package.json'));
  const { default: ky } = await import(pathToFileURL(requireFromCore.resolve('ky')).href);
  const url = `http://127.0.0.1:1/v4/live_config/get_callback?sdkappid=${TENCENT.sdkAppId}&identifier=administrator&usersig=${'x'.repeat(180)}&random=1&contenttype=json`;
  const text = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: 'Id-1', Response: { Url: CALLBACK_URL } });
  const headers = { accept: 'application/json', 'content-type': 'application/json' };
  const stub = async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  const engine = internal.createRequestEngine({ fetch: stub });
  const client = core.createTencentClient({
    sdkAppId: TENCENT.sdkAppId,
    identifier: 'administrator',
    secretKey: TENCENT.secretKey,
    baseUrl: 'http://127.0.0.1:1',
    rateLimit: false,
    fetch: stub,
  });
  const engineCall = {
    url,
    body: '{}',
    timeoutMs: 10_000,
    retry: core.DEFAULT_RETRY_OPTIONS,
    random: internal.randomUint32,
    where: 'live_config/get_callback',
    context: () => ({ service: 'live_config', command: 'get_callback' }),
    secrets: () => [],
  };
  const request = new Request(url, { method: 'POST', headers });
  const [floor, kyCall, engineSend, clientCall, construct, clone] = await cpuPerCall([
    async () => JSON.parse(await (await stub()).text()),
    // ky's call as the engine makes it: its beforeRequest hook answers (so ky neither clones its Request nor arms a timer).
    async () =>
      JSON.parse(
        await (
          await ky(url, { method: 'post', headers, redirect: 'manual', retry: 3, timeout: false, hooks: { beforeRequest: [stub] } })
        ).text(),
      ),
    () => engine.send(engineCall),
    () => client.call('live_config', 'get_callback'),
    async () => new Request(url, { method: 'POST', headers }),
    async () => request.clone(),
  ]);
  return {
    floor,
    ky: kyCall - floor,
    engine: engineSend - kyCall,
    tencent: clientCall - engineSend,
    total: clientCall - floor,
    construct,
    clone,
  };
}

export async function benchClientOverhead({ rounds: roundCount, requests, latencyRounds, latencyRequests }) {
  const core = await import(join(root, 'packages/core/dist/index.js'));
  // The request engine is tokenwire's own toolbox, not public API: @tokenwire/core/internal.
  const internal = await import(join(root, 'packages/core/dist/internal.js'));
  const server = await startServer();
  try {
    const delayed = await sidesFor(core, server.delayed, latencyRequests);
    const direct = await sidesFor(core, server.direct, requests);

    const slow = await rounds([delayed.viaClient, delayed.viaFetch], { rounds: latencyRounds, requests: latencyRequests });
    const fast = await rounds([direct.viaClient, direct.viaFetch, direct.viaFetchWithDeadline], { rounds: roundCount, requests });
    const cost = await breakdown(core, internal);

    const latencyRatio = median(slow.ratios[1]);
    const µs = (value) => `${value.toFixed(0)} µs`;
    return {
      rows: [
        {
          benchmark: `client vs raw fetch, emulator +${LATENCY_MS} ms latency, ${CONCURRENCY} in flight, req/s`,
          tokenwire: formatCount(slow.perSecond[0]),
          baseline: `${formatCount(slow.perSecond[1])} (raw fetch, pre-built signed requests)`,
          ratio: withSpread(slow.ratios[1]),
          budget: `≥ ${BUDGET}×`,
          ok: latencyRatio >= BUDGET,
        },
        {
          benchmark: `client vs raw fetch, loopback (no latency), ${CONCURRENCY} in flight, req/s`,
          tokenwire: formatCount(fast.perSecond[0]),
          baseline: `${formatCount(fast.perSecond[1])} raw, ${formatCount(fast.perSecond[2])} raw with a deadline`,
          ratio: `${withSpread(fast.ratios[1])} / ${median(fast.ratios[2]).toFixed(2)}×`,
          budget: '— (information)',
        },
        {
          benchmark: 'client CPU per call above raw fetch (loopback, client process)',
          tokenwire: `${µs(fast.cpu[0])}`,
          baseline: `${µs(fast.cpu[1])} raw, ${µs(fast.cpu[2])} with a deadline`,
          ratio: `+${µs(fast.cpu[0] - fast.cpu[1])}`,
          budget: '— (reported)',
        },
        {
          benchmark: 'where it goes, per call',
          tokenwire: `ky +${µs(cost.ky)}, engine +${µs(cost.engine)}, Tencent +${µs(cost.tencent)} (in process); network path +${µs(fast.cpu[0] - fast.cpu[1] - cost.total)}`,
          baseline: `in process on a stub fetch, over a floor of ${µs(cost.floor)}; the rest of the loopback difference`,
          ratio: `+${µs(fast.cpu[0] - fast.cpu[1])}`,
          budget: '—',
        },
      ],
      note:
        `client overhead: live_config/get_callback to two emulators served by a child Node process (${server.direct}, and ${server.delayed} with a ${LATENCY_MS} ms latency fault), rate limits off, retry on; ` +
        `+${LATENCY_MS} ms: ${latencyRounds} rounds of ${latencyRequests} requests per side, loopback: ${roundCount} rounds of ${requests} (client, raw, raw with a deadline), order rotated per round, after a warm-up; ratios = medians of the per-round ratios, req/s and CPU = medians. ` +
        `CPU breakdown: ky's call builds a Request (${µs(cost.construct)} alone; cloning one would cost ${µs(cost.clone)} more, which the engine spares ky by answering from its beforeRequest hook), merges its options, makes an AbortController and clones the response for the engine's afterResponse hook; ` +
        "the engine adds the attempt's deadline (an AbortController following ky's signal, and a timer), the body read inside it, a bodiless Response for ky, JSON decoding and the retry/hook plumbing; Tencent adds argument checks, URL signing and the envelope check. " +
        "The network path is what the in-process layers do not show: undici's fetch following the attempt's signal per request, and more garbage to collect (every Request and AbortSignal) under 32 requests in flight.",
    };
  } finally {
    await stopServer(server.child);
  }
}
