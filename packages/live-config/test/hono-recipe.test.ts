// The README's Hono recipe (examples/hono.ts), run as written, served over HTTP by @hono/node-server.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { expect } from 'vitest';
import { listen } from './support/listen.js';
import { describeRecipe } from './support/recipe-scenarios.js';

describeRecipe('the Hono recipe', async () => {
  const { app } = await import('../examples/hono.js');
  // hono's exports do not include its package.json.
  const { version } = JSON.parse(readFileSync(new URL('../node_modules/hono/package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(version).toMatch(/^4\./);
  const listening = await listen(createAdaptorServer({ fetch: app.fetch }) as Server);
  return { callbackUrl: `${listening.origin}/tencent/callback`, close: listening.close };
});
