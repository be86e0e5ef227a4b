import { CallbackSignatureError, callbackAck, createLiveCallbackVerifier, type LiveCallbackVerifier } from '@tokenwire/live-config';
import { router } from './callback-router.js';

interface Env {
  SDK_APP_ID: string;
  TENCENT_CALLBACK_TOKEN: string;
  TENCENT_CALLBACK_PREVIOUS_TOKEN?: string;
}

// Workers hand over env with each request: the verifier is built, and its options checked, on the first one.
let verifier: LiveCallbackVerifier | undefined;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    verifier ??= createLiveCallbackVerifier({
      sdkAppId: Number(env.SDK_APP_ID),
      tokens: [env.TENCENT_CALLBACK_TOKEN, env.TENCENT_CALLBACK_PREVIOUS_TOKEN],
    });
    try {
      const event = await verifier.verify(request);
      return callbackAck(await router.answer(event));
    } catch (error) {
      if (!CallbackSignatureError.isInstance(error)) throw error;
      console.warn(`Tencent callback refused: ${error.reason}: ${error.message}`);
      return new Response(`refused: ${error.reason}`, { status: error.reason === 'malformed_body' ? 400 : 401 });
    }
  },
};
