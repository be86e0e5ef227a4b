// Runs the browser-chat example locally, everything on 127.0.0.1:
//
//   page (this server)  ──►  edge worker in workerd (miniflare 3)  ──►  emulated AICC (@tokenwire/emulator)
//   index.html, app.js        /aicc/token, /aicc/ccmessaging/*         tokenByAkSk, applyToken, send, poll …
//   POST /demo/login          holds the AK/SK, checks the user's JWT
//
// `node server.mjs [port]` starts it and prints the page's URL; tests import startBrowserChat(). The worker bundle
// comes from apps/edge-worker/dist (build it first: `pnpm turbo run build --filter=@tokenwire/edge-worker`).
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

const exampleDir = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** The edge worker's single-file bundle, exactly what `wrangler deploy` ships. */
export const workerBundle = join(dirname(require.resolve('@tokenwire/edge-worker/package.json')), 'dist', 'worker.js');

const CHANNEL_ID = 'web-channel-1';
const APP_KEY = 'browser-chat-demo-app-key';
const APP_SECRET = 'browser-chat-demo-app-secret-0123456789';
const JWT_LIFETIME_SECONDS = 15 * 60;

/** An HS256 JWT for `subject`, as the site's own auth backend would issue it (the worker verifies it). */
function signJwt(subject, secret, nowSeconds) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: subject, iat: nowSeconds, exp: nowSeconds + JWT_LIFETIME_SECONDS })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The page's script, bundled with @tokenwire/aicc-messaging's built ESM for the browser. */
async function bundleApp() {
  const result = await build({
    entryPoints: [join(exampleDir, 'src', 'app.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/**
 * Starts the emulated AICC, the edge worker in workerd and the page server.
 *
 * @param {{ port?: number, userId?: string, userName?: string, robotReplyDelayMs?: number }} [options]
 * @returns the page's URL, the worker's and the emulator's URLs, the emulator (for its state and log) and close().
 */
export async function startBrowserChat({ port = 0, userId = 'visitor-1', userName = 'Ada', robotReplyDelayMs = 300 } = {}) {
  const closers = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const emulator = createEmulator({
      aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL_ID], pollHoldMs: 5000, robotReplyDelayMs },
    });
    closers.push(() => emulator.close());
    const servedEmulator = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
    closers.push(() => servedEmulator.close());

    const jwtSecret = randomBytes(32).toString('base64url');
    const files = {
      '/': { type: 'text/html; charset=utf-8', body: await readFile(join(exampleDir, 'public', 'index.html')) },
      '/style.css': { type: 'text/css; charset=utf-8', body: await readFile(join(exampleDir, 'public', 'style.css')) },
      '/app.js': { type: 'text/javascript; charset=utf-8', body: await bundleApp() },
    };
    let gatewayUrl = '';
    const pages = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://page').pathname;
      if (request.method === 'POST' && path === '/demo/login') {
        // Stands in for the site's login: the demo visitor gets a short-lived JWT the worker accepts.
        const nowSeconds = Math.floor(Date.now() / 1000);
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(
          JSON.stringify({
            gatewayUrl,
            channelId: CHANNEL_ID,
            userId,
            userName,
            jwt: signJwt(userId, jwtSecret, nowSeconds),
            expiresAtMs: (nowSeconds + JWT_LIFETIME_SECONDS) * 1000,
          }),
        );
        return;
      }
      const file = request.method === 'GET' ? files[path] : undefined;
      if (file === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      response.end(file.body);
    });
    const pageUrl = await listen(pages, port);
    closers.push(() => new Promise((resolve) => pages.close(() => resolve())));
    closers.push(() => pages.closeAllConnections());

    const worker = new Miniflare({
      modules: true,
      scriptPath: workerBundle,
      modulesRoot: dirname(workerBundle), // module names are relative to it; the bundle lives outside this directory
      compatibilityDate: '2025-07-18',
      host: '127.0.0.1',
      port: 0,
      bindings: {
        AICC_BASE_URL: servedEmulator.url,
        AICC_APP_KEY: APP_KEY,
        AICC_APP_SECRET: APP_SECRET,
        AICC_CHANNEL_IDS: CHANNEL_ID,
        USER_JWT_SECRET: jwtSecret,
        ALLOWED_ORIGINS: pageUrl,
      },
    });
    closers.push(() => worker.dispose());
    gatewayUrl = (await worker.ready).origin;

    return { pageUrl: `${pageUrl}/`, gatewayUrl, emulatorUrl: servedEmulator.url, emulator, close };
  } catch (error) {
    await close();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chat = await startBrowserChat({ port: Number(process.argv[2] ?? 0) });
  console.log(`browser-chat: open ${chat.pageUrl}  (gateway ${chat.gatewayUrl}, emulated AICC ${chat.emulatorUrl})`);
  const stop = async () => {
    await chat.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
