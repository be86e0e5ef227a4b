import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyToken,
  createAiccClient,
  createAiccSession,
  downloadFile,
  leaveMessage,
  queryPhrases,
  querySurveyMode,
  sendFile,
  sendRobotFeedback,
  uploadFile,
  type AiccClient,
  type AiccSession,
} from '@tokenwire/aicc-messaging';
import { createEmulator } from '@tokenwire/emulator';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, samples } from './support/corpus.js';

// What tokenwire sends is validated strictly against Huawei's field tables (corpus/aicc/fields.json): every field
// a page marks mandatory is sent, with the JSON type the page gives it — where pages disagree on "mandatory", it is
// sent (that satisfies both). And the emulator, in both dialects, accepts the requests Huawei's examples send.
const BASE_URL = 'https://aicc.example';
const USER = { userId: 'user-1619573111751', userName: 'Ada', channelId: '1011577355744904195', locale: 'en' } as const;

interface DocumentedField {
  readonly name: string;
  readonly type: string;
  readonly mandatory: boolean | string;
  readonly pages?: readonly string[];
}
interface DocumentedApi {
  readonly method: string;
  readonly path: string;
  readonly request?: readonly DocumentedField[] | null;
}
const FIELDS = (JSON.parse(readFileSync(join(CORPUS_DIR, 'aicc', 'fields.json'), 'utf8')) as { apis: Record<string, DocumentedApi> }).apis;

/** Mandatory on every page, or on some (then sending it satisfies all). A table's wrapper row is not a field. */
const isRequired = (field: DocumentedField): boolean =>
  !field.name.includes(' ') && (field.mandatory === true || (typeof field.mandatory === 'string' && /^True/.test(field.mandatory)));

/** The JSON type a documented type asks for. */
function jsonTypeOf(documented: string): 'string' | 'number' {
  if (/^string/i.test(documented)) return 'string';
  if (/^(integer|int|long|number)/i.test(documented)) return 'number';
  throw new Error(`no JSON type known for the documented type ${documented}`);
}

/** Runs `act` against an AICC that answers every call with a plain success, and returns the bodies sent, by path. */
async function bodiesSent(
  act: (session: AiccSession, client: AiccClient) => Promise<unknown>,
): Promise<Map<string, Record<string, unknown>[]>> {
  const bodies = new Map<string, Record<string, unknown>[]>();
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (request.method === 'POST')
      bodies.set(path, [...(bodies.get(path) ?? []), JSON.parse(await request.text()) as Record<string, unknown>]);
    const answer = path.endsWith('/tokenByAkSk')
      ? { AccessToken: 'access-token', Expires: '600' }
      : path.endsWith('/applyToken')
        ? { token: 'message-token', resultCode: '0' }
        : { resultCode: '0', resultDesc: 'success', returnCode: '0', objectKey: 'object-key' };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = createAiccClient({ baseUrl: BASE_URL, appKey: 'app-key', appSecret: 'app-secret', fetch, retry: false });
  const session = createAiccSession(client, USER);
  await act(session, client).catch(() => undefined); // only what was sent matters here
  return bodies;
}

/** The user calls that send each documented API's request. */
const CALLS: Record<string, readonly ((session: AiccSession, client: AiccClient) => Promise<unknown>)[]> = {
  tokenByAkSk: [(_session, client) => applyToken(client, USER)],
  applyToken: [(_session, client) => applyToken(client, USER)],
  send: [
    (session) => session.connect(),
    (session) => session.send('version'),
    (session) => sendFile(session, { mediaType: 'IMAGE', file: { bytes: new Uint8Array([1, 2, 3]), fileType: 'png' } }),
    (session) => session.transferToAgent(),
    (session) => session.disconnect(),
  ],
  queryQueueInfo: [(session) => session.queueInfo()],
  queryHistoryChatMessage: [(session) => session.history()],
  uploadFileStream: [
    (session) => uploadFile(session, { bytes: new Uint8Array([1, 2, 3]), fileType: 'png' }),
    (session) =>
      sendFile(session, { mediaType: 'FILE', fileName: 'notes.txt', file: { bytes: new Uint8Array([1, 2, 3]), fileType: 'txt' } }),
  ],
  downloadFileStream: [(session) => downloadFile(session, { fileId: 'file-1', fileType: 'png' })],
  queryPhraseByKeyword: [(session) => queryPhrases(session, { keyword: 'version' })],
  getsatisfactionsurveymode: [(session) => querySurveyMode(session)],
  saveSatisfaction: [
    (session) => session.saveSatisfaction({ evaluation: 5 }),
    (session) => session.saveSatisfaction({ evaluation: 4, npsScore: 9, resolved: true }),
  ],
  feedbacksatisfaction: [(session) => sendRobotFeedback(session, { interIdx: 1, satisfied: false, feedbackContent: 'wrong answer' })],
  doLeaveMessage: [(session) => leaveMessage(session, { caller: '13800000000', message: 'Please call me back' })],
};

describe('Huawei AICC: what tokenwire sends has every documented mandatory field, typed as documented', () => {
  const withBodies = Object.entries(FIELDS).filter(([, api]) => api.method === 'POST' && (api.request?.length ?? 0) > 0);

  it('covers every documented API with a request body', () => {
    expect(withBodies.map(([name]) => name).sort()).toEqual(Object.keys(CALLS).sort());
  });

  for (const [name, api] of withBodies) {
    it.each(CALLS[name]?.map((call, index) => [index + 1, call] as const) ?? [])(`${name} (call %i)`, async (_index, call) => {
      const sent = (await bodiesSent(call)).get(api.path) ?? [];
      expect(sent.length, `nothing was sent to ${api.path}`).toBeGreaterThan(0);
      for (const body of sent) {
        for (const field of (api.request ?? []).filter(isRequired)) {
          expect(Object.keys(body), `${name}.${field.name} is mandatory (${field.pages?.join(', ')})`).toContain(field.name);
          expect(typeof body[field.name], `${name}.${field.name} is documented as ${field.type}`).toBe(jsonTypeOf(field.type));
        }
      }
    });
  }
});

describe('the emulator accepts the requests in Huawei’s examples, in both dialects', () => {
  const requests = samples('aicc', 'request').filter(
    (sample) => sample.path === '/apiaccess/ccmessaging/applyToken' || sample.path === '/apigovernance/api/oauth/tokenByAkSk',
  );

  it.each(
    (['api-reference', 'developer-guide'] as const).flatMap((dialect) =>
      requests.map((sample) => [dialect, sample.label, sample] as const),
    ),
  )('%s: %s', async (dialect, _label, sample) => {
    const body = sample.json as Record<string, unknown>;
    const appKey = typeof body['app_key'] === 'string' ? body['app_key'] : 'app-key';
    const appSecret = typeof body['app_secret'] === 'string' ? body['app_secret'] : 'app-secret';
    const channel = typeof body['channelId'] === 'string' ? body['channelId'] : 'web-channel';
    const emulator = createEmulator({ aicc: { appKey, appSecret, channels: [channel], dialect } });
    const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' };
    if (sample.api === 'applyToken') {
      const fabric = await emulator.fetch('http://aicc.test/apigovernance/api/oauth/tokenByAkSk', {
        method: 'POST',
        headers,
        body: JSON.stringify({ app_key: appKey, app_secret: appSecret }),
      });
      const { AccessToken } = (await fabric.json()) as { AccessToken: string };
      Object.assign(headers, { authorization: `Bearer ${AccessToken}`, 'x-app-key': appKey });
    }
    const response = await emulator.fetch(`http://aicc.test${sample.path}`, { method: 'POST', headers, body: sample.text });
    expect(response.status, sample.label).toBe(200);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer['AccessToken'] ?? answer['token'], sample.label).toEqual(expect.any(String));
    emulator.close();
  });
});
