// The README's Express recipe (examples/express.ts), run as written on Express 4: its `import express from 'express'`
// is express@4 here.
import { createServer } from 'node:http';
import { ValidationError } from '@tokenwire/core';
import express4 from 'express4';
import { expect, it, vi } from 'vitest';
import { listen } from './support/listen.js';
import { describeRecipe } from './support/recipe-scenarios.js';

vi.mock('express', async () => await import('express4'));

describeRecipe('the Express recipe on Express 4', async () => {
  const { app } = await import('../examples/express.js');
  const { version } = (await import('express4/package.json', { with: { type: 'json' } })).default as { version: string };
  expect(version).toMatch(/^4\./);
  expect(app.init).toBe(express4.application.init);
  const listening = await listen(createServer(app));
  return { callbackUrl: `${listening.origin}/tencent/callback`, close: listening.close };
});

it('stops the Express 4 server at start-up when SDK_APP_ID is unset', async () => {
  vi.resetModules();
  vi.stubEnv('SDK_APP_ID', undefined);
  vi.stubEnv('TENCENT_CALLBACK_TOKEN', 'a-token');
  try {
    const error = await import('../examples/express.js').catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Invalid callback verifier options: sdkAppId: must be a positive integer (the SDKAppID from the console), got NaN',
    );
  } finally {
    vi.unstubAllEnvs();
  }
});
