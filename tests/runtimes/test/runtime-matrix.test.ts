// The one smoke scenario (scenario/smoke.mjs) over the BUILT packages, on Node, Deno, Bun, workerd and real
// Chromium, each against its own emulator served over HTTP on 127.0.0.1. Every runtime must return exactly
// EXPECTED_RESULTS, and the emulator must have seen that runtime's requests (its user agent, its writes).
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_RESULTS } from './expected-results.js';
import { assertPackagesBuilt, scenarioDir } from './support/built-packages.js';
import { bundleScenario } from './support/bundle.js';
import { launchChromium, type LaunchedChromium } from './support/chromium.js';
import { lastJsonLine, runProcess } from './support/run-process.js';
import { runtimeBinary, runtimeEnvironment } from './support/runtime-binary.js';
import { startServedEmulator, type ServedEmulator } from './support/served-emulator.js';
import { serveStatic } from './support/static-server.js';

const COMPATIBILITY_DATE = '2025-07-18';

let chromium: LaunchedChromium | undefined;
beforeAll(() => assertPackagesBuilt());
afterAll(async () => {
  await chromium?.close();
});

/** Runs scenario/cli.mjs with a runtime's executable; the runtime resolves the packages from node_modules. */
async function runCli(command: string, args: readonly string[], emulatorUrl: string, userId: string): Promise<unknown> {
  const result = await runProcess(command, [...args, 'cli.mjs', emulatorUrl, userId], {
    cwd: scenarioDir,
    env: runtimeEnvironment(),
  });
  return lastJsonLine(result, `${command} cli.mjs`);
}

async function runInWorkerd(emulatorUrl: string, userId: string): Promise<unknown> {
  const bundle = await bundleScenario('worker.mjs', 'workerd');
  expectBuiltInputs(bundle.inputs);
  // The worker's fetches go out over the network to the emulator on 127.0.0.1 (no outbound interception).
  const mf = new Miniflare({
    modules: true,
    script: bundle.code,
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: { EMULATOR_URL: emulatorUrl },
  });
  try {
    const response = await mf.dispatchFetch(`http://smoke.test/?user=${encodeURIComponent(userId)}`);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text}`);
    return JSON.parse(text);
  } finally {
    await mf.dispose();
  }
}

async function runInChromium(emulatorUrl: string, userId: string): Promise<unknown> {
  const bundle = await bundleScenario('browser.mjs', 'browser');
  expectBuiltInputs(bundle.inputs);
  // The page comes from its own origin; the emulator is another origin, so every call is a CORS request.
  const site = await serveStatic({
    '/': {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>tokenwire smoke</title><pre id="results"></pre><script type="module" src="/smoke.js"></script>',
    },
    '/smoke.js': { type: 'text/javascript; charset=utf-8', body: bundle.code },
  });
  chromium ??= await launchChromium();
  const page = await chromium.browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  try {
    await page.goto(`${site.origin}/?emulator=${encodeURIComponent(emulatorUrl)}&user=${encodeURIComponent(userId)}`);
    await page.waitForSelector('body[data-state]', { state: 'attached', timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    return JSON.parse((await page.textContent('#results')) ?? 'null');
  } finally {
    await page.close();
    await site.close();
  }
}

/** Every @tokenwire module in a bundle must come from a package's dist/, never from its sources. */
function expectBuiltInputs(inputs: readonly string[]): void {
  const packageFiles = inputs.filter((input) => /(^|\/)packages\//.test(input));
  expect(packageFiles.length).toBeGreaterThanOrEqual(3);
  for (const file of packageFiles)
    expect(file).toMatch(/packages\/(core|live-config|aicc-messaging)\/dist\/(index|internal|chunk-[A-Z0-9]+)\.js$/);
}

const runtimes = [
  { name: 'node', reports: 'node', userAgent: /^node$/, run: (url: string, user: string) => runCli(process.execPath, [], url, user) },
  {
    name: 'deno',
    reports: 'deno',
    userAgent: /^Deno\/2\./,
    run: (url: string, user: string) => runCli(runtimeBinary('deno'), ['run', '--allow-net=127.0.0.1', '--allow-read'], url, user),
  },
  {
    name: 'bun',
    reports: 'bun',
    userAgent: /^Bun\/1\./,
    run: (url: string, user: string) => runCli(runtimeBinary('bun'), ['run'], url, user),
  },
  { name: 'workerd', reports: 'workerd', userAgent: null, run: runInWorkerd },
  { name: 'chromium', reports: 'browser', userAgent: /HeadlessChrome\/\d+/, run: runInChromium },
] as const;

describe.each(runtimes)('the smoke scenario on $name', ({ name, reports, userAgent, run }) => {
  let served: ServedEmulator;
  beforeAll(async () => {
    served = await startServedEmulator();
  });
  afterAll(async () => {
    await served?.close();
  });

  it('signs, verifies, and round-trips live_config and an AICC chat with the emulator over HTTP', async () => {
    const userId = `smoke-${name}`;
    const results = await run(served.url, userId);
    expect(results).toEqual({ runtime: reports, ...EXPECTED_RESULTS });

    // The emulator, on the other side of a real socket, saw this runtime's calls and holds what they wrote.
    const state = served.emulator.state;
    expect(state.tencent?.callback).toEqual({
      url: EXPECTED_RESULTS.liveConfig.callback.url,
      commands: EXPECTED_RESULTS.liveConfig.callback.commands,
    });
    const chat = state.aicc?.messages.get(userId) ?? [];
    expect(chat.filter((message) => message.sourceType === 'CUSTOMER').map((message) => message.content)).toEqual(['I forgot my password']);
    expect(state.aicc?.counters).toMatchObject({ issuedAccessTokens: 1, issuedMessageTokens: 2 });
    const logged = served.emulator.log.entries();
    // Only the page is cross-origin: its JSON POSTs and custom headers are preflighted.
    const preflights = logged.filter((entry) => entry.method === 'OPTIONS');
    if (name === 'chromium') expect(preflights.length).toBeGreaterThan(0);
    else expect(preflights).toEqual([]);
    const entries = logged.filter((entry) => entry.method !== 'OPTIONS');
    expect(entries.map((entry) => `${entry.route.name} ${entry.status}`)).toEqual([
      'live_config/get_callback 200',
      'live_config/set_callback 200',
      'live_config/get_callback 200',
      'live_config/set_callback_token 200',
      'live_config/get_callback_token 200',
      'live_config/get_callback 200',
      '/apigovernance/api/oauth/tokenByAkSk 200',
      '/apiaccess/ccmessaging/applyToken 200',
      '/apiaccess/ccmessaging/applyToken 200',
      '/apiaccess/ccmessaging/send 200',
      '/apiaccess/ccmessaging/send 200',
      ...entries.filter((entry) => entry.route.name === '/apiaccess/ccmessaging/poll').map(() => '/apiaccess/ccmessaging/poll 200'),
      '/apiaccess/ccmessaging/send 200',
      '/apigovernance/api/oauth/tokenByAkSk 403',
    ]);
    // Each runtime's own fetch made the calls (workerd's outbound fetch sends no user agent).
    for (const entry of entries) {
      const agent = entry.requestHeaders['user-agent'];
      if (userAgent === null) expect(agent, `user agent of ${entry.route.name}`).toBeUndefined();
      else expect(agent ?? '', `user agent of ${entry.route.name}`).toMatch(userAgent);
    }
  });
});
