/** The outcome of {@link readRequestText}. */
export type RequestText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * The request body as UTF-8 text (empty without one). Refused when it cannot be read (the client went away
 * mid-upload) or is not UTF-8: the gateway relays JSON text. Its size was limited before (`drainingBodyLimit`).
 */
export async function readRequestText(request: Request): Promise<RequestText> {
  let bytes: ArrayBuffer;
  try {
    bytes = await request.arrayBuffer();
  } catch {
    return { ok: false, message: 'The body could not be read' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'The body must be UTF-8 JSON' };
  }
}
