import { FlatJsonObjectScanner } from './flat-json-object-scanner.js';
import { isIdentityField } from './identity-pinning.js';

/** Why an upload body was stopped before AICC had all of it. */
export type UploadBodyRefusal =
  /** Not UTF-8, or not one flat JSON object. */
  | { readonly reason: 'invalid_body' }
  /** An identity field (`userId`, `from`, … in any spelling) names someone else, or is not a string. */
  | { readonly reason: 'forbidden'; readonly field: string };

/** An upload body on its way to AICC, checked as it streams. */
export interface CheckedUploadBody {
  /** The bytes as received, passed on chunk by chunk once each chunk has been checked. */
  readonly body: ReadableStream<Uint8Array>;
  /** Why the body was stopped, once it was; `undefined` while it passes. */
  readonly refusal: UploadBodyRefusal | undefined;
}

/**
 * Streams an `uploadFileStream` body (up to 14 MiB of base64 in JSON) to AICC without holding it: each chunk
 * `readChunk` gives (the browser's body, within its bounds) is decoded (UTF-8, strictly) and scanned
 * ({@link FlatJsonObjectScanner}) before it is passed on, so
 *
 * - every occurrence of an identity field — `userId`, `from`, `callId`, `receiverId`, in any case or spelling
 *   (`isIdentityField`), duplicates included — must be the string `subject`, checked as soon as its value ends;
 * - the body must be exactly one flat JSON object (string, number, `true`, `false` or `null` values).
 *
 * A chunk that breaks a rule is not passed on: the stream errors and `onRefusal` runs (the caller aborts the
 * upstream request), so AICC never receives a complete JSON document that broke one — the value's closing quote,
 * and the final `}`, are never sent. The bytes that do go out are the browser's, unchanged. One stream, pulled by
 * the upstream request: a chunk is read from the browser only when the previous one has been taken.
 */
export function checkUploadBody(
  readChunk: () => Promise<Uint8Array | undefined>,
  subject: string,
  onRefusal: () => void,
): CheckedUploadBody {
  let refusal: UploadBodyRefusal | undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new FlatJsonObjectScanner({
    wantsValue: isIdentityField,
    maxValueLength: subject.length,
    onMember: (name, value) => {
      if (value !== subject) {
        refusal = { reason: 'forbidden', field: name };
        throw new RangeError(`${name} must be the authenticated user`);
      }
    },
  });
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await readChunk();
        try {
          if (chunk === undefined) {
            scanner.feed(decoder.decode());
            scanner.end();
            controller.close();
            return;
          }
          scanner.feed(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          refusal ??= { reason: 'invalid_body' };
          onRefusal();
          throw error;
        }
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    get refusal() {
      return refusal;
    },
  };
}
