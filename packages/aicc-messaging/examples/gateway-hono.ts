import { createAiccGatewayHandler } from '@tokenwire/aicc-messaging/gateway';
import { Hono } from 'hono';
import { currentUser } from './app-auth.js';

// Created once, as the server starts: a missing or malformed option throws a ValidationError now.
const gateway = createAiccGatewayHandler({
  baseUrl: process.env.AICC_BASE_URL ?? '',
  appKey: process.env.AICC_APP_KEY ?? '',
  appSecret: process.env.AICC_APP_SECRET ?? '',
  authenticate: async (request) => {
    const user = await currentUser(request);
    return user === undefined ? undefined : { userId: user.id };
  },
  allowedOrigins: ['https://app.example.com'],
});

export const app = new Hono();
// The browser's createAiccGatewayClient({ gatewayUrl: 'https://your.server/support', … }) calls /support/aicc/….
app.mount('/support', gateway);

// Node: serve({ fetch: app.fetch }) from @hono/node-server. Deno: Deno.serve(app.fetch). Bun: export default app.
