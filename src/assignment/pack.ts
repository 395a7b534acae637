/**
 * The envelope shared by assignment links and result codes: JSON, deflated with fflate, followed by
 * a CRC-32 of the deflated bytes, written as base64url behind a short prefix that says what it is.
 *
 * The checksum is what turns a mistyped or truncated code into a clear "this code is damaged"
 * instead of a confusing error (or, worse, a different but valid value).
 */
import { deflateSync, inflateSync } from 'fflate';
import { crc32, fromBase64url, toBase64url, utf8 } from './encoding.ts';

export type UnpackProblem = 'foreign' | 'damaged' | 'unreadable';

export function pack(prefix: string, value: unknown): string {
  const deflated = deflateSync(utf8.encode(JSON.stringify(value)), { level: 9 });
  const bytes = new Uint8Array(deflated.length + 4);
  bytes.set(deflated);
  new DataView(bytes.buffer).setUint32(deflated.length, crc32(deflated));
  return prefix + toBase64url(bytes);
}

/**
 * The value inside a packed text, or why there is none: `foreign` (not this kind of code at all),
 * `damaged` (the checksum does not match: a typo, a character lost or the text cut short) or
 * `unreadable` (the checksum matches but the content is not what this program writes).
 * Whitespace is ignored, since chat apps and e-mail wrap long codes.
 */
export function unpack(prefix: string, text: string): { value: unknown } | { problem: UnpackProblem } {
  const compact = text.replace(/\s+/g, '');
  if (!compact.startsWith(prefix)) return { problem: 'foreign' };
  const bytes = fromBase64url(compact.slice(prefix.length));
  if (!bytes || bytes.length < 5) return { problem: 'damaged' };
  const body = bytes.subarray(0, bytes.length - 4);
  const stored = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
  if (crc32(body) !== stored) return { problem: 'damaged' };
  try {
    return { value: JSON.parse(utf8.decode(inflateSync(body))) };
  } catch {
    return { problem: 'unreadable' };
  }
}
