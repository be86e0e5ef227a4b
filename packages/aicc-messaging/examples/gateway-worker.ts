import { type AiccGatewayHandler, createAiccGatewayHandler } from '@tokenwire/aicc-messaging/gateway';
import { currentUser } from './app-auth.js';

interface Env {
  readonly AICC_BASE_URL: string;
  readonly AICC_APP_KEY: string; // wrangler secret put AICC_APP_KEY
  readonly AICC_APP_SECRET: string; // wrangler secret put AICC_APP_SECRET
}

// One handler per isolate: it holds the AccessToken cache and the upload limits.
let gateway: AiccGatewayHandler | undefined;

export default {
  fetch(request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<Response> {
    gateway ??= createAiccGatewayHandler({
      baseUrl: env.AICC_BASE_URL,
      appKey: env.AICC_APP_KEY,
      appSecret: env.AICC_APP_SECRET,
      authenticate: async (request) => {
        const user = await currentUser(request);
        return user === undefined ? undefined : { userId: user.id }; // the userId the browser's session uses
      },
      allowedOrigins: ['https://app.example.com'],
      channels: ['web-channel-1'],
    });
    return gateway(request, env, ctx);
  },
};
