#!/usr/bin/env node
// Load test of the worker inside workerd (miniflare 3), bounded in count and time: sustained verified callbacks per second
// per isolate, workerd CPU per callback, and workerd's memory after many callbacks (the replay memory is bounded) —
// with the REPLAY_GUARD Durable Object off and on — and AICC gateway relays per second, with the AICC_TOKEN Durable
// Object off and on. Every figure is read next to a baseline measured in the same run:
// a routed 404 (a GET of the same URL shape on a path the router does not serve: a POST there is answered before its
// body is read, and with several in flight the client then fails writing the rest, EPIPE).
//
// Method. One workerd process runs five workers: `memory` (the bundle, EVENTS bound: per-isolate replay memory),
// `durable` (the same, REPLAY_GUARD bound to its ReplayGuardObject), `gateway` (the bundle with the AICC bindings,
// relaying to the emulated AICC in this process; each of the senders is a connected chat session of its own user
// sending messages), `gateway-durable` (the same with AICC_TOKEN bound to its AiccTokenObject) and an ack-all
// consumer of the queue. Each worker is one isolate, so its requests per second are per isolate. A round sends `BENCH_LOAD_REQUESTS` requests of one
// scenario with `BENCH_LOAD_CONCURRENCY` in flight, timing the wall clock and the CPU workerd spent (the sum of
// `/proc/<workerd>/task/*/schedstat`, as bench/verify-callback-cpu.mjs explains); scenarios alternate round by round
// so load from the rest of the machine hits them alike, and medians of `BENCH_LOAD_ROUNDS` rounds are reported. Every
// callback is signed and distinct (a new event, so a delivery to the queue each time), and every answer is checked.
// Then `BENCH_LOAD_MEMORY_CALLBACKS` more requests of each scenario, one scenario after the other, with workerd's
// resident memory (VmRSS) read before and after each: the growth per callback is compared with the growth per routed
// 404 (workerd's RSS grows with any request under miniflare). The isolate's own V8 heap is read through workerd's
// inspector after a full GC at every fifth of those requests (bench/isolate-heap.mjs): it stops growing once the
// replay memory holds its 50 000 entries (test/memory-replay-guard.test.ts). The load generator shares the machine
// with workerd: on 2 cores, requests per second are a ratio to the baseline, not a capacity. Linux only.
//
// Knobs: BENCH_LOAD_REQUESTS (400), BENCH_LOAD_ROUNDS (5), BENCH_LOAD_CONCURRENCY (8), BENCH_LOAD_MEMORY_CALLBACKS
// (100 000), BENCH_LOAD_MAX_SECONDS (1800: a longer run is stopped and fails).
// Usage: node bench/load.mjs   (prints a table, then one `RESULT {json}` line for scripts/bench.mjs)
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAiccGatewayClient, createAiccSession } from '@tokenwire/aicc-messaging';
import { signCallback } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { Miniflare, Response as MiniflareResponse } from 'miniflare';
import { freePort, isolateHeap } from './isolate-heap.mjs';
import { builtBundle, cpuNanoseconds, workerdPid } from './workerd-process.mjs';

const knob = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const perRound = knob('BENCH_LOAD_REQUESTS', 400);
const rounds = knob('BENCH_LOAD_ROUNDS', 5);
const concurrency = knob('BENCH_LOAD_CONCURRENCY', 8);
const memoryCallbacks = knob('BENCH_LOAD_MEMORY_CALLBACKS', 100_000);
const maxSeconds = knob('BENCH_LOAD_MAX_SECONDS', 1800);

const SDK_APP_ID = 1400000000;
const TOKEN = 'bench-callback-token-0123456789abcdefghijklmnopqrstuvwxyz';
const BINDINGS = { TENCENT_SDK_APP_ID: String(SDK_APP_ID), TENCENT_CALLBACK_TOKEN: TOKEN };
const JWT_SECRET = 'bench-user-jwt-secret-0123456789abcdef-0123456789';
const AICC = { appKey: 'bench-aicc-app-key', appSecret: 'bench-aicc-app-secret-0123456789', channel: 'web-channel-1' };
const GATEWAY_BINDINGS = {
  AICC_BASE_URL: 'https://aicc.emulator.test',
  AICC_APP_KEY: AICC.appKey,
  AICC_APP_SECRET: AICC.appSecret,
  USER_JWT_SECRET: JWT_SECRET,
};

/** An HS256 end-user JWT for `subject`, valid for an hour. */
function userJwt(subject) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: subject, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${signed}.${createHmac('sha256', JWT_SECRET).update(signed).digest('base64url')}`;
}

/** A miniflare or Node response as a Node `Response` (the gateway client and the emulator speak Node's). */
const nodeResponse = async (response, Type = Response) =>
  new Type(response.status === 204 ? null : await response.arrayBuffer(), { status: response.status, headers: [...response.headers] });

/** Resident memory of `pid`, in MB. */
function residentMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

let sequence = 0;

/** A signed after-event callback, distinct from every other one of the run. */
function callback() {
  const requestTime = Math.floor(Date.now() / 1000);
  const sign = signCallback({ token: TOKEN, requestTime });
  const index = sequence++;
  return [
    `http://edge.test/tencent/callback?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterMemberStateChanged&contenttype=json&Sign=${sign}&RequestTime=${requestTime}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        CallbackCommand: 'Live.CallbackAfterMemberStateChanged',
        RoomId: 'room-load',
        EventType: 'Online',
        EventCause: 'Enter',
        MemberList: [{ Member_Account: `viewer-${index}` }],
        EventTime: Date.now(),
      }),
    },
  ];
}

// The AICC the gateway relays to: the emulator, in this process (the gateway's outbound fetches come back here).
const aicc = createEmulator({ aicc: { appKey: AICC.appKey, appSecret: AICC.appSecret, channels: [AICC.channel], pollHoldMs: 200 } });

/** A worker with the AICC gateway bindings, relaying to the emulated AICC in this process. */
function gatewayWorker(name, durableObjects = {}) {
  return {
    name,
    modules: true,
    scriptPath: builtBundle(),
    compatibilityDate: '2025-07-18',
    bindings: GATEWAY_BINDINGS,
    durableObjects,
    outboundService: async (request) => {
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      const forwarded = new Request(request.url, { method: request.method, headers: [...request.headers], body });
      return nodeResponse(await aicc.fetch(forwarded), MiniflareResponse);
    },
  };
}

const inspectorPort = await freePort();
const mf = new Miniflare({
  inspectorPort,
  workers: [
    gatewayWorker('gateway'),
    // The same gateway with the app's AccessToken in the AICC_TOKEN Durable Object (the isolate keeps a copy).
    gatewayWorker('gateway-durable', { AICC_TOKEN: 'AiccTokenObject' }),
    {
      name: 'memory',
      modules: true,
      scriptPath: builtBundle(),
      compatibilityDate: '2025-07-18',
      bindings: BINDINGS,
      queueProducers: { EVENTS: 'load-events' },
    },
    {
      name: 'durable',
      modules: true,
      scriptPath: builtBundle(),
      compatibilityDate: '2025-07-18',
      bindings: BINDINGS,
      queueProducers: { EVENTS: 'load-events' },
      durableObjects: { REPLAY_GUARD: 'ReplayGuardObject' },
    },
    {
      name: 'consumer',
      modules: true,
      script: 'export default { queue(batch) { batch.ackAll(); } };',
      compatibilityDate: '2025-07-18',
      queueConsumers: { 'load-events': { maxBatchSize: 100, maxBatchTimeout: 1 } },
    },
  ],
});

/** One request to `worker`, its answer checked against `status` (and a callback's `"ErrorCode":0`). */
async function checked(fetchers, worker, [url, init], status) {
  const response = await fetchers[worker].fetch(url, init);
  const text = await response.text();
  if (response.status !== status || (status === 200 && !text.includes('"ErrorCode":0')))
    throw new Error(`${worker}: unexpected answer ${response.status} ${text}`);
}

/** One connected AICC chat session per lane, through each gateway worker. */
const sessions = { gateway: [], 'gateway-durable': [] };

/** The scenarios: one request each, `lane` being which of the `concurrency` senders sends it. */
const scenarios = {
  'routed 404': (fetchers) => checked(fetchers, 'memory', [callback()[0].replace('/tencent/callback', '/tencent/elsewhere')], 404),
  'callback, memory': (fetchers) => checked(fetchers, 'memory', callback(), 200),
  'callback, Durable Object': (fetchers) => checked(fetchers, 'durable', callback(), 200),
  // A chat message relayed to AICC (JWT verified, identity pinned, AccessToken cached, the answer relayed back).
  'gateway relay': (_fetchers, lane) => sessions.gateway[lane].send('hello'),
  'gateway relay, Durable Object': (_fetchers, lane) => sessions['gateway-durable'][lane].send('hello'),
};

/** `count` requests of `scenario`, `concurrency` in flight; returns requests per second and CPU ms per request. */
async function round(fetchers, pid, scenario, count) {
  let next = 0;
  const cpuBefore = cpuNanoseconds(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      while (next < count) {
        next++;
        await scenarios[scenario](fetchers, lane);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, cpuMs: (cpuNanoseconds(pid) - cpuBefore) / 1e6 / count };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Bounded in time as well as in count: a run that overruns (a stalled workerd) stops workerd and fails.
const overrun = setTimeout(() => {
  console.error(`the load test ran longer than BENCH_LOAD_MAX_SECONDS (${maxSeconds} s): stopped`);
  process.exit(1); // workerd exits with its parent (miniflare's control pipe closes)
}, maxSeconds * 1000);
overrun.unref();

try {
  await mf.ready;
  const pid = workerdPid();
  const fetchers = { memory: await mf.getWorker('memory'), durable: await mf.getWorker('durable') };
  for (const [name, lanes] of Object.entries(sessions)) {
    const gateway = await mf.getWorker(name);
    for (let lane = 0; lane < concurrency; lane++)
      lanes.push(
        createAiccSession(
          createAiccGatewayClient({
            gatewayUrl: 'https://edge.test',
            getAuthorization: () => `Bearer ${userJwt(`bench-user-${lane}`)}`,
            fetch: async (input, init) => {
              const request = new Request(input, init);
              const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
              return nodeResponse(await gateway.fetch(request.url, { method: request.method, headers: [...request.headers], body }));
            },
            retry: false,
          }),
          { userId: `bench-user-${lane}`, userName: 'Bench', channelId: AICC.channel, locale: 'en' },
        ),
      );
    await Promise.all(lanes.map((session) => session.connect()));
  }
  for (const scenario of Object.keys(scenarios)) await round(fetchers, pid, scenario, Math.min(200, perRound)); // warm-up
  const samples = Object.fromEntries(Object.keys(scenarios).map((scenario) => [scenario, []]));
  for (let index = 0; index < rounds; index++)
    for (const scenario of Object.keys(scenarios)) samples[scenario].push(await round(fetchers, pid, scenario, perRound));

  const rows = Object.entries(samples).map(([scenario, list]) => ({
    scenario,
    perSecond: median(list.map((sample) => sample.perSecond)),
    cpuMs: median(list.map((sample) => sample.cpuMs)),
  }));
  const [base] = rows;

  // workerd's resident memory grows with any request (miniflare's plumbing, V8 heaps not yet collected): the growth
  // per request of each scenario is read next to that of the routed 404. The isolate's own heap, after a full
  // garbage collection, is read at every fifth of the run: it levels off once the replay memory is full (50 000).
  const memory = {};
  const workerOf = { 'routed 404': 'memory', 'callback, memory': 'memory', 'callback, Durable Object': 'durable' };
  const heaps = {
    memory: await isolateHeap(inspectorPort, 'memory', fetchers.memory),
    durable: await isolateHeap(inspectorPort, 'durable', fetchers.durable),
  };
  const steps = 5;
  for (const scenario of Object.keys(workerOf)) {
    const heap = heaps[workerOf[scenario]];
    const before = residentMb(pid);
    const heapMb = [await heap.usedMb()];
    for (let step = 1; step <= steps; step++) {
      const count = Math.floor((memoryCallbacks * step) / steps) - Math.floor((memoryCallbacks * (step - 1)) / steps);
      await round(fetchers, pid, scenario, count);
      heapMb.push(await heap.usedMb());
    }
    memory[scenario] = { beforeMb: before, afterMb: residentMb(pid), heapMb };
  }
  for (const heap of Object.values(heaps)) heap.close();

  console.log(
    `workerd, one isolate per worker: ${rounds} rounds × ${perRound} requests per scenario, ${concurrency} in flight, medians; then ${memoryCallbacks} callbacks per worker for memory (pid ${pid})`,
  );
  console.log('scenario                         req/s   ×404   CPU ms/req   ×404');
  for (const row of rows)
    console.log(
      `${row.scenario.padEnd(30)} ${row.perSecond.toFixed(0).padStart(7)}  ${(row.perSecond / base.perSecond).toFixed(2).padStart(5)}   ${row.cpuMs.toFixed(3).padStart(10)}  ${(row.cpuMs / base.cpuMs).toFixed(2).padStart(5)}`,
    );
  for (const [scenario, { beforeMb, afterMb, heapMb }] of Object.entries(memory)) {
    console.log(`workerd RSS around ${memoryCallbacks} more requests (${scenario}): ${beforeMb.toFixed(1)} → ${afterMb.toFixed(1)} MB`);
    console.log(
      `  its isolate's heap after GC, every ${memoryCallbacks / steps} requests: ${heapMb.map((mb) => mb.toFixed(1)).join(' → ')} MB`,
    );
  }
  console.log(`RESULT ${JSON.stringify({ rounds, perRound, concurrency, memoryCallbacks, rows, memory })}`);
} finally {
  clearTimeout(overrun);
  await mf.dispose();
  aicc.close();
}
