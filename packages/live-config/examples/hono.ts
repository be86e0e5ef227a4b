import { Hono } from 'hono';
import { callbackAck, createLiveCallbackVerifier } from '@tokenwire/live-config';
import { createHonoCallbackMiddleware, type LiveCallbackVariables } from '@tokenwire/live-config/hono';
import { router } from './callback-router.js';

// Checked now: an unset SDK_APP_ID or token stops the server as it starts.
const verifier = createLiveCallbackVerifier({
  sdkAppId: Number(process.env.SDK_APP_ID),
  tokens: [process.env.TENCENT_CALLBACK_TOKEN, process.env.TENCENT_CALLBACK_PREVIOUS_TOKEN],
});

export const app = new Hono<{ Variables: LiveCallbackVariables }>();

app.post(
  '/tencent/callback',
  // Answers refusals itself (401, or 400 for a malformed body); the handler after it gets c.var.liveCallback.
  createHonoCallbackMiddleware({
    verifier,
    onRefusal: (error) => console.warn(`Tencent callback refused: ${error.reason}: ${error.message}`),
  }),
  async (c) => callbackAck(await router.answer(c.var.liveCallback)),
);

// Node: serve({ fetch: app.fetch, port: 3000 }) from @hono/node-server. Deno, Bun: export default app.
