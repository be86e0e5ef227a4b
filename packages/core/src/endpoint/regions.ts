/** A Tencent Cloud Chat data centre: its REST API domain and the backup domain for when DNS is hijacked. */
export interface RegionInfo {
  /** Human-readable name of the data centre. */
  readonly label: string;
  /** Primary REST API domain. */
  readonly domain: string;
  /** Backup domain, documented for use when the primary domain cannot be resolved. */
  readonly backupDomain: string;
  /**
   * Whether Tencent's own documentation lists this region. `false` marks domains seen only in third-party
   * code; they are kept so users can reach them, but treat them as unverified.
   */
  readonly documented: boolean;
}

/**
 * The REST domains of every data centre, `[primary, backup]`, keyed by region name: the single source of
 * {@link REGIONS}. Kept apart from the labels, which only listings and documentation need, so that a bundle
 * that only resolves regions (the client) does not carry them.
 *
 * @internal
 */
export const REGION_DOMAINS = {
  china: ['console.tim.qq.com', 'adminapi.my-imcloud.com'],
  singapore: ['adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com'],
  korea: ['adminapikr.im.qcloud.com', 'adminapikr.my-imcloud.com'],
  japan: ['adminapijpn.im.qcloud.com', 'adminapijpn.my-imcloud.com'],
  germany: ['adminapiger.im.qcloud.com', 'adminapiger.my-imcloud.com'],
  india: ['adminapiind.im.qcloud.com', 'adminapiind.my-imcloud.com'],
  usa: ['adminapiusa.im.qcloud.com', 'adminapiusa.my-imcloud.com'],
  indonesia: ['adminapiidn.im.qcloud.com', 'adminapiidn.my-imcloud.com'],
  'saudi-arabia': ['adminapiksa.im.qcloud.com', 'adminapiksa.my-imcloud.com'],
} as const satisfies Record<string, readonly [string, string]>;

/** A region key of {@link REGIONS}. */
export type Region = keyof typeof REGION_DOMAINS;

const LABELS: { readonly [R in Region]: string } = {
  china: 'China (Chinese mainland)',
  singapore: 'Singapore',
  korea: 'Seoul (Korea)',
  japan: 'Tokyo (Japan)',
  germany: 'Frankfurt (Germany)',
  india: 'Mumbai (India)',
  usa: 'Silicon Valley (USA)',
  indonesia: 'Jakarta (Indonesia)',
  'saudi-arabia': 'Saudi Arabia',
};

/** Regions whose domains were seen only in third-party code, not in Tencent's documentation. */
const UNDOCUMENTED: readonly Region[] = ['saudi-arabia'];

/**
 * Every Tencent Cloud Chat REST data centre, keyed by the region name tokenwire accepts as `region`.
 * An SDKAppID lives in exactly one data centre; using another answers 70016/70020.
 *
 * | region | label | primary domain | backup domain |
 * | --- | --- | --- | --- |
 * | `china` | China (Chinese mainland) | `console.tim.qq.com` | `adminapi.my-imcloud.com` |
 * | `singapore` | Singapore | `adminapisgp.im.qcloud.com` | `adminapisgp.my-imcloud.com` |
 * | `korea` | Seoul (Korea) | `adminapikr.im.qcloud.com` | `adminapikr.my-imcloud.com` |
 * | `japan` | Tokyo (Japan) | `adminapijpn.im.qcloud.com` | `adminapijpn.my-imcloud.com` |
 * | `germany` | Frankfurt (Germany) | `adminapiger.im.qcloud.com` | `adminapiger.my-imcloud.com` |
 * | `india` | Mumbai (India) | `adminapiind.im.qcloud.com` | `adminapiind.my-imcloud.com` |
 * | `usa` | Silicon Valley (USA) | `adminapiusa.im.qcloud.com` | `adminapiusa.my-imcloud.com` |
 * | `indonesia` | Jakarta (Indonesia) | `adminapiidn.im.qcloud.com` | `adminapiidn.my-imcloud.com` |
 * | `saudi-arabia` | Saudi Arabia (`documented: false`) | `adminapiksa.im.qcloud.com` | `adminapiksa.my-imcloud.com` |
 *
 * @example
 * ```ts
 * REGIONS.singapore.domain; // 'adminapisgp.im.qcloud.com'
 * ```
 */
export const REGIONS: {
  readonly [R in Region]: RegionInfo & {
    readonly domain: (typeof REGION_DOMAINS)[R][0];
    readonly backupDomain: (typeof REGION_DOMAINS)[R][1];
  };
} = /* @__PURE__ */ (() => {
  const regions = {} as Record<Region, RegionInfo>;
  for (const region of Object.keys(REGION_DOMAINS) as Region[]) {
    const [domain, backupDomain] = REGION_DOMAINS[region];
    regions[region] = { label: LABELS[region], domain, backupDomain, documented: !UNDOCUMENTED.includes(region) };
  }
  return regions as typeof REGIONS;
})();

/** The region names, for messages: `china, singapore, …`. */
export function regionNames(): string {
  return Object.keys(REGION_DOMAINS).join(', ');
}

/** True when `value` names a region of {@link REGIONS}. */
export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && Object.hasOwn(REGION_DOMAINS, value);
}
