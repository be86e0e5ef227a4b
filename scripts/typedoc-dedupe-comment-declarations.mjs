// TypeDoc plugin (typedoc.json "plugin"): looks for a symbol's doc comment once per declaration node, not once per
// occurrence of the node in `symbol.declarations`.
//
// Why: a property of a valibot output type (`v.InferOutput<typeof SomeObjectSchema>`) lists the same declaration
// twice, because valibot builds object outputs as `{ [K in keyof T]?: unknown } & Omit<T, K> & Partial<Pick<T, K>>`
// and TypeScript collects the declarations of every intersection member. A field with one doc comment on its entry
// type (e.g. `DownlinkMessageEntries`) then made TypeDoc warn "has multiple declarations with a comment", listing
// the same file and line twice, wherever it documented that output type (method return types, `extends AiccUser`).
// TypeDoc 0.25 skipped duplicate nodes (TypeStrong/typedoc#2437); the comment discovery rewritten in 0.26.2 lost
// that check. The comment TypeDoc picks is the same either way; this only removes the false warning, so a real
// conflict (two different comments) still warns. Remove this plugin once TypeDoc deduplicates again.
import { Context } from 'typedoc';

/** @param {import('typedoc').Application} _app */
export function load(_app) {
  const getComment = Context.prototype.getComment;
  if (typeof getComment !== 'function') {
    throw new Error('typedoc-dedupe-comment-declarations: Context.prototype.getComment is gone; update or remove this plugin');
  }
  Context.prototype.getComment = function getCommentOfUniqueDeclarations(symbol, kind) {
    const declarations = symbol.declarations;
    if (declarations !== undefined && new Set(declarations).size < declarations.length) {
      // A view of the symbol with each declaration once; the compiler's own symbol is left untouched.
      symbol = Object.create(symbol, { declarations: { value: [...new Set(declarations)] } });
    }
    return getComment.call(this, symbol, kind);
  };
}
