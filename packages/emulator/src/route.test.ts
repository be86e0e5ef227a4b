import { describe, expect, it } from 'vitest';
import { describeRoute } from './route.js';

const route = (url: string, aiccPaths?: ReadonlySet<string>) => describeRoute(new URL(url), aiccPaths);

describe('describeRoute', () => {
  it('names Tencent REST routes service/command', () => {
    expect(route('https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1')).toEqual({
      kind: 'tencent',
      name: 'live_config/get_callback',
      path: '/v4/live_config/get_callback',
      service: 'live_config',
      command: 'get_callback',
    });
  });

  it('names AICC routes by path', () => {
    expect(route('https://x/apiaccess/ccmessaging/send')).toEqual({
      kind: 'aicc',
      name: '/apiaccess/ccmessaging/send',
      path: '/apiaccess/ccmessaging/send',
    });
    expect(route('https://x/apigovernance/api/oauth/tokenByAkSk').kind).toBe('aicc');
  });

  it('treats extra AICC paths (a custom token path) as AICC', () => {
    expect(route('https://x/oauth/token').kind).toBe('other');
    expect(route('https://x/oauth/token', new Set(['/oauth/token'])).kind).toBe('aicc');
  });

  it('calls everything else other, including malformed Tencent paths', () => {
    expect(route('https://x/v4/live_config').kind).toBe('other');
    expect(route('https://x/v4/a/b/c').kind).toBe('other');
    expect(route('https://x/apiaccessory').kind).toBe('other');
    expect(route('https://x/').name).toBe('/');
  });

  it('reads Tencent paths as the Tencent service does: no trailing slash, segments not percent-decoded', () => {
    expect(route('https://x/v4/live_config/get_callback/')).toEqual({
      kind: 'other',
      name: '/v4/live_config/get_callback/',
      path: '/v4/live_config/get_callback/',
    });
    expect(route('https://x/v4/live_config/get%5Fcallback').name).toBe('live_config/get%5Fcallback');
    expect(route('https://x/v4/live_config/%E0%A4%A').name).toBe('live_config/%E0%A4%A');
  });
});
