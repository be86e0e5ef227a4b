import { ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createRequestLog, type RequestLogEntry } from './request-log.js';
import { describeRoute } from './route.js';

function entry(log: ReturnType<typeof createRequestLog>, path: string, extra: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    sequence: log.nextSequence(),
    time: 0,
    method: 'POST',
    url: `https://x${path}`,
    route: describeRoute(new URL(`https://x${path}`)),
    durationMs: 1,
    outcome: 'response',
    status: 200,
    faults: [],
    requestHeaders: {},
    requestBodyBytes: 0,
    ...extra,
  };
}

describe('createRequestLog', () => {
  it('records entries in order, filters them and finds the last match', () => {
    const log = createRequestLog();
    log.record(entry(log, '/v4/live_config/get_callback'));
    log.record(entry(log, '/apiaccess/ccmessaging/poll', { method: 'GET', status: 200 }));
    log.record(
      entry(log, '/v4/live_config/set_callback', {
        status: 200,
        faults: [{ name: 'boom', fault: { kind: 'transient' } }],
      }),
    );
    log.record(
      entry(log, '/v4/live_config/set_callback', {
        outcome: 'dropped',
        status: undefined,
        faults: [{ name: 'cut', fault: { kind: 'drop-connection' } }],
      }),
    );
    expect(log.size).toBe(4);
    expect(log.entries().map((item) => item.sequence)).toEqual([1, 2, 3, 4]);
    expect(log.entries({ route: 'live_config/*' })).toHaveLength(3);
    expect(log.entries({ route: ['/apiaccess/**'] })).toHaveLength(1);
    expect(log.entries({ route: (route) => route.kind === 'aicc' })).toHaveLength(1);
    expect(log.entries({ method: 'get' })).toHaveLength(1);
    expect(log.entries({ status: 200 })).toHaveLength(3);
    expect(log.entries({ outcome: 'dropped' })).toHaveLength(1);
    expect(log.entries({ fault: true })).toHaveLength(2);
    expect(log.entries({ fault: false })).toHaveLength(2);
    expect(log.entries({ fault: 'boom' }).map((item) => item.sequence)).toEqual([3]);
    expect(log.last({ route: 'live_config/set_callback' })?.sequence).toBe(4);
    expect(log.last({ route: '/nowhere' })).toBeUndefined();
  });

  it('returns copies, clears, and keeps counting sequences after a clear', () => {
    const log = createRequestLog();
    log.record(entry(log, '/a'));
    const copy = log.entries();
    copy.pop();
    expect(log.size).toBe(1);
    log.clear();
    expect(log.entries()).toEqual([]);
    expect(log.last()).toBeUndefined();
    log.record(entry(log, '/b'));
    expect(log.entries()[0]?.sequence).toBe(2);
  });

  it('keeps only the newest `limit` entries, or none with 0', () => {
    const log = createRequestLog(2);
    for (const path of ['/a', '/b', '/c']) log.record(entry(log, path));
    expect(log.entries().map((item) => item.route.path)).toEqual(['/b', '/c']);
    const none = createRequestLog(0);
    none.record(entry(none, '/a'));
    expect(none.size).toBe(0);
  });

  it('refuses a filter with a bad route, a bad value or an unknown key, instead of matching everything', () => {
    const log = createRequestLog();
    log.record(entry(log, '/v4/live_config/get_callback'));
    const issues = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(ValidationError.isInstance(error)).toBe(true);
        return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
      throw new Error('expected a ValidationError');
    };
    expect(issues(() => log.entries({ route: 'live_config' }))).toEqual([expect.stringMatching(/^route: must be "\*", a Tencent service/)]);
    expect(issues(() => log.last({ outcome: 'lost' as never }))).toEqual([expect.stringMatching(/^outcome: must be one of response/)]);
    expect(issues(() => log.entries({ stauts: 200 } as never))).toEqual(['stauts: is not a known option']);
    expect(log.entries({ route: (route) => route.kind === 'tencent', method: 'post' })).toHaveLength(1);
  });
});
