import { createServer } from 'node:http';
import { createLiveCallbackVerifier } from '@tokenwire/live-config';
import { createNodeCallbackHandler } from '@tokenwire/live-config/node';
import { router } from './callback-router.js';

// Checked now: an unset SDK_APP_ID or token stops the server as it starts.
const verifier = createLiveCallbackVerifier({
  sdkAppId: Number(process.env.SDK_APP_ID),
  tokens: [process.env.TENCENT_CALLBACK_TOKEN, process.env.TENCENT_CALLBACK_PREVIOUS_TOKEN],
});

const tencentCallback = createNodeCallbackHandler({
  verifier,
  onEvent: router.answer,
  onRefusal: (error) => console.warn(`Tencent callback refused: ${error.reason}: ${error.message}`),
});

export const server = createServer((request, response) => {
  if (request.method === 'POST' && new URL(request.url ?? '/', 'http://localhost').pathname === '/tencent/callback') {
    // The third argument gets what the handler could not answer; without it, a 500 and console.error.
    tencentCallback(request, response, (error) => {
      console.error('Tencent callback failed:', error);
      response.statusCode = 500;
      response.end('internal error');
    });
    return;
  }
  response.statusCode = 404;
  response.end();
});

// server.listen(Number(process.env.PORT ?? 3000));
