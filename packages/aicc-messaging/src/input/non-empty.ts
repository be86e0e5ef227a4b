import * as v from 'valibot';

/**
 * The check that a string is not empty (`must not be empty`): what valibot's `nonEmpty` checks, written as a
 * `v.check`, which every bundle of this package carries anyway (`nonEmpty` would add its own code to the browser
 * bundle for this one rule). One shared action: valibot actions hold no state.
 *
 * @internal
 */
export const NonEmptyCheck = /* @__PURE__ */ (() => v.check((text: string) => text !== '', 'must not be empty'))();
