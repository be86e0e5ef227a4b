// The README's Express recipe (examples/express.ts), run as written on Express 5: its `import express from 'express'`
// is express@5 here.
import { createServer } from 'node:http';
import { ValidationError } from '@tokenwire/core';
import express5 from 'express5';
import { expect, it, vi } from 'vitest';
import { listen } from './support/listen.js';
import { describeRecipe } from './support/recipe-scenarios.js';

vi.mock('express', async () => await import('express5'));

describeRecipe('the Express recipe on Express 5', async () => {
  const { app } = await import('../examples/express.js');
  const { version } = (await import('express5/package.json', { with: { type: 'json' } })).default as { version: string };
  expect(version).toMatch(/^5\./);
  expect(app.init).toBe(express5.application.init);
  const listening = await listen(createServer(app));
  return { callbackUrl: `${listening.origin}/tencent/callback`, close: listening.close };
});

it('stops the Express 5 server at start-up when every callback token is unset', async () => {
  vi.resetModules();
  vi.stubEnv('SDK_APP_ID', '1400000000');
  vi.stubEnv('TENCENT_CALLBACK_TOKEN', undefined);
  vi.stubEnv('TENCENT_CALLBACK_PREVIOUS_TOKEN', undefined);
  try {
    const error = await import('../examples/express.js').catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues).toEqual([{ path: 'tokens', message: expect.stringMatching(/^has no callback token/) }]);
  } finally {
    vi.unstubAllEnvs();
  }
});
