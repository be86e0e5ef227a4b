/**
 * The request body as bytes (empty without one), or `undefined` when it cannot be read (the client went away
 * mid-upload). Its size was limited before (`drainingBodyLimit`).
 */
export async function readRequestBody(request: Request): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(await request.arrayBuffer());
  } catch {
    return undefined;
  }
}
