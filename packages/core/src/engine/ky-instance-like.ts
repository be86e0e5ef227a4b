/**
 * A ky instance (ky 1.x), as made by `ky.create(…)` or `ky.extend(…)`, or ky itself. Described by the one method
 * tokenwire calls on it, `extend`, so that tokenwire's CommonJS typings need not import the ESM-only `ky`
 * package: every ky instance fits.
 *
 * @example
 * ```ts
 * import ky from 'ky';
 * const instance: KyInstanceLike = ky.create({ hooks: { beforeRequest: [addTraceHeader] } });
 * ```
 */
export interface KyInstanceLike {
  /** Makes a new instance from this one's defaults (`parentOptions`) and the options returned. */
  extend(defaultOptions: (parentOptions: { readonly fetch?: unknown }) => Record<string, never>): unknown;
}
