// examples/browser-chat in real Chromium: the page talks to the edge worker's AICC gateway (the built bundle in
// workerd, listening on 127.0.0.1), which talks to the emulated AICC over HTTP. A user types a question, clicks
// Send, and the robot's answer must render: checked in the DOM, in the emulator, and in a screenshot's pixels.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserChat } from '@tokenwire/example-browser-chat/server.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertPackagesBuilt } from './support/built-packages.js';
import { launchChromium, type LaunchedChromium } from './support/chromium.js';
import { countColor, countDark, decodePng, type Image } from './support/png.js';

const USER_ID = 'visitor-1';
const QUESTION = 'How do I track my order?';
const ANSWER = 'Open Orders in your account; each order shows its tracking number and status.';
/** The page's bubble colors (examples/browser-chat/public/style.css). */
const USER_BUBBLE = '#2563eb';
const ROBOT_BUBBLE = '#e5e7eb';

let chat: Awaited<ReturnType<typeof startBrowserChat>>;
let chromium: LaunchedChromium;
/** The last run's screenshot is kept here (git-ignored) for a human to look at; each run overwrites it. */
const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

beforeAll(async () => {
  assertPackagesBuilt();
  chat = await startBrowserChat({ userId: USER_ID });
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await chat?.close();
});

function crop(image: Image, box: { x: number; y: number; width: number; height: number }): Image {
  const left = Math.max(0, Math.round(box.x));
  const top = Math.max(0, Math.round(box.y));
  const width = Math.min(image.width - left, Math.round(box.width));
  const height = Math.min(image.height - top, Math.round(box.height));
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((top + row) * image.width + left) * 4;
    pixels.set(image.pixels.subarray(start, start + width * 4), row * width * 4);
  }
  return { width, height, pixels };
}

it('sends a typed question with a real click on Send and renders the robot answer from AICC', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 640, height: 560 }, deviceScaleFactor: 1 });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  try {
    await page.goto(chat.pageUrl);
    // Connected, or the page says why not (e.g. a CORS or gateway refusal).
    await page.waitForFunction(
      () => document.body.dataset.ready === 'true' || document.getElementById('status')?.dataset.kind === 'error',
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.locator('#status').textContent()).toBe('Connected as Ada');
    await page.locator('.message.robot').nth(1).waitFor({ timeout: 15_000 }); // the robot's greeting

    await page.locator('#message').pressSequentially(QUESTION); // real key events
    await page.locator('#send').click(); // a real mouse click (CDP input), which submits the form
    await page.locator('.message.robot', { hasText: ANSWER }).waitFor({ timeout: 15_000 });

    const rendered = await page.$$eval('#messages .message', (items) =>
      items.map((item) => ({
        className: item.className,
        sender: item.querySelector('.sender')?.textContent,
        text: item.querySelector('.text')?.textContent,
      })),
    );
    expect(rendered).toEqual([
      { className: 'message robot', sender: 'Virtual Assistant', text: 'connected to robot' },
      {
        className: 'message robot',
        sender: 'Virtual Assistant',
        text: 'Hello Ada, I am the virtual assistant. Ask me about passwords, orders, refunds or shipping, or ask for a human agent.',
      },
      { className: 'message user', sender: 'Ada', text: QUESTION },
      { className: 'message robot', sender: 'Virtual Assistant', text: ANSWER },
    ]);
    expect(await page.locator('#message').inputValue()).toBe('');
    expect(pageErrors).toEqual([]);

    // The screenshot: the message area must show both kinds of bubble, not a blank panel.
    const screenshot = await page.screenshot({ type: 'png' });
    const screenshotPath = join(outputDir, 'browser-chat.png');
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(screenshotPath, screenshot);
    console.log(`browser-chat screenshot: ${screenshotPath}`);
    const image = decodePng(screenshot);
    const box = await page.locator('#messages').boundingBox();
    expect(box).not.toBeNull();
    const messageArea = crop(image, box!);
    const area = messageArea.width * messageArea.height;
    expect(area).toBeGreaterThan(100_000);
    const white = countColor(messageArea, '#ffffff', 2);
    expect(1 - white / area, 'share of non-background pixels in the message area').toBeGreaterThan(0.15);
    expect(countColor(messageArea, USER_BUBBLE), 'pixels of the user bubble').toBeGreaterThan(5_000);
    expect(countColor(messageArea, ROBOT_BUBBLE, 2), 'pixels of robot bubbles').toBeGreaterThan(30_000);
    // The answer itself was drawn: its own bubble, with dark text on it (the greetings alone would pass the above).
    const answerBox = await page.locator('.message.robot', { hasText: ANSWER }).locator('.text').boundingBox();
    expect(answerBox).not.toBeNull();
    const answer = crop(image, answerBox!);
    expect(countColor(answer, ROBOT_BUBBLE, 2) / (answer.width * answer.height), 'share of bubble color behind the answer').toBeGreaterThan(
      0.4,
    );
    expect(countDark(answer), 'pixels of the answer text').toBeGreaterThan(300);

    // The page only talked to its own origin and the gateway; the AK/SK side (the emulated AICC) only to the worker.
    const gatewayCalls = requests.filter((request) => request.includes(`${chat.gatewayUrl}/aicc/`));
    expect(gatewayCalls).toContain(`POST ${chat.gatewayUrl}/aicc/token`);
    expect(gatewayCalls).toContain(`POST ${chat.gatewayUrl}/aicc/ccmessaging/send`);
    expect(requests.filter((request) => request.includes(chat.emulatorUrl))).toEqual([]);
    const upstream = chat.emulator.log.entries();
    expect(upstream.map((entry) => entry.route.name)).toContain('/apigovernance/api/oauth/tokenByAkSk');
    for (const entry of upstream) expect(entry.requestHeaders['user-agent']).toBeUndefined(); // sent by workerd, not the browser
    const conversation = chat.emulator.state.aicc?.messages.get(USER_ID) ?? [];
    expect(conversation.filter((message) => message.sourceType === 'CUSTOMER').map((message) => message.content)).toEqual([QUESTION]);
  } finally {
    await page.close();
  }
});
