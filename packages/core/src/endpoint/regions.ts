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
 * Every Tencent Cloud Chat REST data centre, keyed by the region name tokenwire accepts as `region`.
 * An SDKAppID lives in exactly one data centre; using another answers 70016/70020.
 *
 * @example
 * ```ts
 * REGIONS.singapore.domain; // 'adminapisgp.im.qcloud.com'
 * ```
 */
export const REGIONS = {
  china: { label: 'China (Chinese mainland)', domain: 'console.tim.qq.com', backupDomain: 'adminapi.my-imcloud.com', documented: true },
  singapore: { label: 'Singapore', domain: 'adminapisgp.im.qcloud.com', backupDomain: 'adminapisgp.my-imcloud.com', documented: true },
  korea: { label: 'Seoul (Korea)', domain: 'adminapikr.im.qcloud.com', backupDomain: 'adminapikr.my-imcloud.com', documented: true },
  japan: { label: 'Tokyo (Japan)', domain: 'adminapijpn.im.qcloud.com', backupDomain: 'adminapijpn.my-imcloud.com', documented: true },
  germany: { label: 'Frankfurt (Germany)', domain: 'adminapiger.im.qcloud.com', backupDomain: 'adminapiger.my-imcloud.com', documented: true },
  india: { label: 'Mumbai (India)', domain: 'adminapiind.im.qcloud.com', backupDomain: 'adminapiind.my-imcloud.com', documented: true },
  usa: { label: 'Silicon Valley (USA)', domain: 'adminapiusa.im.qcloud.com', backupDomain: 'adminapiusa.my-imcloud.com', documented: true },
  indonesia: { label: 'Jakarta (Indonesia)', domain: 'adminapiidn.im.qcloud.com', backupDomain: 'adminapiidn.my-imcloud.com', documented: true },
  'saudi-arabia': { label: 'Saudi Arabia', domain: 'adminapiksa.im.qcloud.com', backupDomain: 'adminapiksa.my-imcloud.com', documented: false },
} as const satisfies Record<string, RegionInfo>;

/** A region key of {@link REGIONS}. */
export type Region = keyof typeof REGIONS;

/** True when `value` names a region of {@link REGIONS}. */
export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REGIONS, value);
}
