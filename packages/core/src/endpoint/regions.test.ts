import { describe, expect, it } from 'vitest';
import { REGIONS, isRegion } from './regions.js';

/** Reference §1.2: region → [primary, backup, documented by Tencent]. */
const REFERENCE = {
  china: ['console.tim.qq.com', 'adminapi.my-imcloud.com', true],
  singapore: ['adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com', true],
  korea: ['adminapikr.im.qcloud.com', 'adminapikr.my-imcloud.com', true],
  japan: ['adminapijpn.im.qcloud.com', 'adminapijpn.my-imcloud.com', true],
  germany: ['adminapiger.im.qcloud.com', 'adminapiger.my-imcloud.com', true],
  india: ['adminapiind.im.qcloud.com', 'adminapiind.my-imcloud.com', true],
  usa: ['adminapiusa.im.qcloud.com', 'adminapiusa.my-imcloud.com', true],
  indonesia: ['adminapiidn.im.qcloud.com', 'adminapiidn.my-imcloud.com', true],
  'saudi-arabia': ['adminapiksa.im.qcloud.com', 'adminapiksa.my-imcloud.com', false],
} as const;

describe('REGIONS', () => {
  it('lists exactly the data centres of the reference', () => {
    expect(Object.keys(REGIONS).sort()).toEqual(Object.keys(REFERENCE).sort());
  });

  it.each(Object.entries(REFERENCE))('%s has the documented primary and backup domains', (region, [domain, backupDomain, documented]) => {
    const info = REGIONS[region as keyof typeof REGIONS];
    expect(info.domain).toBe(domain);
    expect(info.backupDomain).toBe(backupDomain);
    expect(info.documented).toBe(documented);
    expect(info.label.length).toBeGreaterThan(0);
  });
});

describe('isRegion', () => {
  it('accepts every region key', () => {
    for (const region of Object.keys(REGIONS)) expect(isRegion(region)).toBe(true);
  });

  it.each([
    'China',
    'SINGAPORE',
    '',
    ' china',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
    'console.tim.qq.com',
    1,
    null,
    undefined,
    {},
  ])('rejects %j', (value) => {
    expect(isRegion(value)).toBe(false);
  });
});
