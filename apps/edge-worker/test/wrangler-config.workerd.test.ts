// wrangler.toml as deployed (README "Deploying to a Cloudflare account"): its bindings name classes the bundle
// exports and bindings the worker reads, every Durable Object class has its migration, the queue's producer,
// consumer and dead-letter queue fit together, no secret is a [vars] entry — and workerd, configured from the file
// alone (plus test secrets), serves every route with both Durable Objects active and delivers through the queue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare, type Request as MiniflareRequest, Response as MiniflareResponse } from 'miniflare';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDir, workerBundle } from './support/build-worker.js';
import { CALLBACK_BINDINGS, createRoomBody, createTencentApp, type TencentApp } from './support/tencent-app.js';
import { JWT_SECRET } from './support/user-jwt.js';
import { COMPATIBILITY_DATE, dispatchingFetch } from './support/workerd.js';

interface WranglerConfig {
  readonly main: string;
  readonly compatibility_date: string;
  readonly no_bundle?: boolean;
  readonly compatibility_flags?: readonly string[];
  readonly vars: Record<string, string>;
  readonly queues: {
    readonly producers: readonly { readonly binding: string; readonly queue: string }[];
    readonly consumers: readonly {
      readonly queue: string;
      readonly max_batch_size: number;
      readonly max_batch_timeout: number;
      readonly max_retries: number;
      readonly dead_letter_queue: string;
    }[];
  };
  readonly durable_objects: { readonly bindings: readonly { readonly name: string; readonly class_name: string }[] };
  readonly migrations: readonly {
    readonly tag: string;
    readonly new_sqlite_classes?: readonly string[];
    readonly new_classes?: readonly string[];
  }[];
}

const wranglerToml = readFileSync(join(appDir, 'wrangler.toml'), 'utf8');
const config = parse(wranglerToml) as unknown as WranglerConfig;
const envSource = readFileSync(join(appDir, 'src', 'env.ts'), 'utf8');
/** The bindings `WorkerEnv` declares (src/env.ts). */
const declaredBindings = new Set([...envSource.matchAll(/^ {2}readonly ([A-Z][A-Z0-9_]*)\?:/gm)].map((match) => match[1]));
/** The secrets the file's comment tells the operator to `wrangler secret put`. */
const secretNames = [...(/wrangler secret put ([A-Z0-9_, \n#]+)\./.exec(wranglerToml)?.[1] ?? '').matchAll(/[A-Z][A-Z0-9_]+/g)].map(
  (match) => match[0],
);

describe('wrangler.toml', () => {
  it('deploys the single built bundle with the date and runtime the tests use', () => {
    expect(config.main).toBe('dist/worker.js');
    expect(join(appDir, config.main)).toBe(workerBundle);
    expect(config.no_bundle).toBe(true);
    expect(config.compatibility_date).toBe(COMPATIBILITY_DATE);
    expect(config.compatibility_flags ?? []).not.toContain('nodejs_compat');
  });

  it('binds only what the worker reads, and keeps secrets out of [vars]', () => {
    const bindings = [
      ...Object.keys(config.vars),
      ...config.queues.producers.map((producer) => producer.binding),
      ...config.durable_objects.bindings.map((binding) => binding.name),
    ];
    for (const name of bindings) expect(declaredBindings, name).toContain(name);
    expect(secretNames).toEqual(
      expect.arrayContaining(['TENCENT_CALLBACK_TOKEN', 'TENCENT_SECRET_KEY', 'USER_JWT_SECRET', 'AICC_APP_KEY', 'AICC_APP_SECRET']),
    );
    for (const secret of secretNames) {
      expect(declaredBindings, secret).toContain(secret);
      expect(Object.keys(config.vars)).not.toContain(secret);
    }
  });

  it('names Durable Object classes the bundle exports, each created by exactly one migration', async () => {
    const exported = Object.keys(await import(workerBundle));
    const created = config.migrations.flatMap((migration) => [...(migration.new_sqlite_classes ?? []), ...(migration.new_classes ?? [])]);
    expect(new Set(config.migrations.map((migration) => migration.tag)).size).toBe(config.migrations.length);
    expect(config.durable_objects.bindings.map((binding) => [binding.name, binding.class_name])).toEqual([
      ['REPLAY_GUARD', 'ReplayGuardObject'],
      ['AICC_TOKEN', 'AiccTokenObject'],
    ]);
    for (const { class_name } of config.durable_objects.bindings) {
      expect(exported).toContain(class_name);
      expect(created.filter((name) => name === class_name)).toHaveLength(1);
    }
  });

  it('consumes the queue it produces to, with a dead-letter queue of its own', () => {
    const [producer] = config.queues.producers;
    const [consumer] = config.queues.consumers;
    expect(producer).toMatchObject({ binding: 'EVENTS' });
    expect(consumer?.queue).toBe(producer?.queue);
    expect(consumer?.dead_letter_queue).toMatch(/\S/);
    expect(consumer?.dead_letter_queue).not.toBe(consumer?.queue);
    expect(consumer?.max_retries).toBeGreaterThan(0);
  });
});

describe('workerd configured from wrangler.toml', () => {
  const FORWARD_URL = 'https://events.example.test/tencent';
  const forwarded: string[] = [];
  let mf: Miniflare;
  let app: TencentApp;

  beforeAll(async () => {
    app = await createTencentApp();
    const [consumer] = config.queues.consumers;
    const secrets = {
      ...CALLBACK_BINDINGS,
      TENCENT_SECRET_KEY: 'wrangler-config-secret-key-0123456789abcdef',
      USER_JWT_SECRET: JWT_SECRET,
      AICC_BASE_URL: 'https://aicc.emulator.test',
      AICC_APP_KEY: 'wrangler-config-app-key',
      AICC_APP_SECRET: 'wrangler-config-app-secret-0123456789',
      FORWARD_URL,
    };
    mf = new Miniflare({
      modules: true,
      scriptPath: join(appDir, config.main),
      compatibilityDate: config.compatibility_date,
      bindings: { ...config.vars, ...secrets },
      durableObjects: Object.fromEntries(
        config.durable_objects.bindings.map(({ name, class_name }) => [
          name,
          { className: class_name, useSQLite: config.migrations.some((migration) => migration.new_sqlite_classes?.includes(class_name)) },
        ]),
      ),
      queueProducers: Object.fromEntries(config.queues.producers.map(({ binding, queue }) => [binding, queue])),
      queueConsumers: {
        [consumer!.queue]: {
          maxBatchSize: consumer!.max_batch_size,
          maxBatchTimeout: 0,
          maxRetries: consumer!.max_retries,
          deadLetterQueue: consumer!.dead_letter_queue,
        },
      },
      outboundService: async (request: MiniflareRequest) => {
        if (request.url === FORWARD_URL) forwarded.push(await request.text());
        return new MiniflareResponse('', { status: 202 });
      },
    });
    await mf.ready;
  });
  afterAll(async () => {
    await mf?.dispose();
  });

  it('reports every route ready, with the replay memory and the AccessToken in Durable Objects', async () => {
    const health = await (await mf.dispatchFetch('https://edge.test/healthz')).json();
    expect(health).toEqual({
      status: 'ok',
      routes: { tencentCallback: true, userSig: true, aiccGateway: true, cors: true },
      replayGuard: 'durable_object',
      aiccAccessToken: 'durable_object',
    });
  });

  it('accepts a signed callback into the queue, whose consumer delivers it to FORWARD_URL once', async () => {
    const body = createRoomBody('room-wrangler-config');
    const result = await app.emulator.tencent!.emitCallback('Live.CallbackAfterCreateRoom', body, { fetch: dispatchingFetch(mf) });
    expect(result).toMatchObject({ accepted: true, status: 200 });
    await expect.poll(() => forwarded.filter((text) => text.includes('room-wrangler-config')).length, { timeout: 10_000 }).toBe(1);
  });
});
