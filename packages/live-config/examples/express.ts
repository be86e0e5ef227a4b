import express from 'express';
import { createLiveCallbackVerifier } from '@tokenwire/live-config';
import { createNodeCallbackHandler } from '@tokenwire/live-config/node';
import { router } from './callback-router.js';

// Checked now: an unset SDK_APP_ID or token stops the server as it starts.
const verifier = createLiveCallbackVerifier({
  sdkAppId: Number(process.env.SDK_APP_ID),
  tokens: [process.env.TENCENT_CALLBACK_TOKEN, process.env.TENCENT_CALLBACK_PREVIOUS_TOKEN],
});

export const app: express.Express = express();

// Before any body parser: the handler reads the raw body itself and writes Tencent's answer.
app.post(
  '/tencent/callback',
  createNodeCallbackHandler({
    verifier,
    onEvent: router.answer,
    onRefusal: (error) => console.warn(`Tencent callback refused: ${error.reason}: ${error.message}`),
  }),
);

app.use(express.json()); // the rest of your API

// Errors reach Express's error handlers, in Express 4 as in Express 5.
app.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
  console.error('Request failed:', error);
  response.status(500).send('internal error');
});

// app.listen(Number(process.env.PORT ?? 3000));
