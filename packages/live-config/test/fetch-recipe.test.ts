// The README's Workers / Deno / Bun recipe (examples/fetch.ts), run as written: its fetch handler served over HTTP
// with the environment a Worker would get.
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { listen } from './support/listen.js';
import { describeRecipe } from './support/recipe-scenarios.js';
import { RECIPE_ENV } from './support/signed-callback.js';

describeRecipe('the Workers / Deno / Bun fetch recipe', async () => {
  const worker = (await import('../examples/fetch.js')).default;
  const listening = await listen(createAdaptorServer({ fetch: (request: Request) => worker.fetch(request, { ...RECIPE_ENV }) }) as Server);
  return { callbackUrl: `${listening.origin}/tencent/callback`, close: listening.close };
});
