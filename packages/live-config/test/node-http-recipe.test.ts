// The README's node:http recipe (examples/node-http.ts), run as written.
import { expect, it } from 'vitest';
import { listen } from './support/listen.js';
import { describeRecipe } from './support/recipe-scenarios.js';

describeRecipe('the node:http recipe', async () => {
  const { server } = await import('../examples/node-http.js');
  const listening = await listen(server);
  return { callbackUrl: `${listening.origin}/tencent/callback`, close: listening.close };
});

it('answers 404 off the callback route', async () => {
  const { server } = await import('../examples/node-http.js');
  const listening = await listen(server);
  try {
    expect((await fetch(`${listening.origin}/elsewhere`, { method: 'POST' })).status).toBe(404);
  } finally {
    await listening.close();
  }
});
