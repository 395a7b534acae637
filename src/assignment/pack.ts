/**
 * The envelope shared by assignment links and result codes: JSON, deflated with fflate, followed by
 * a CRC-32 of the deflated bytes, written as base64url behind a short prefix that says what it is.
 *
 * The checksum is what turns a mistyped or truncated code into a clear "this code is damaged"
 * instead of a confusing error (or, worse, a different but valid value).
 */
import { deflateSync } from 'fflate';
import { base64urlValue, crc32, crc32Finish, crc32Update, CRC32_START, fromBase64url, toBase64url, utf8 } from './encoding.ts';
import { inflateLimited } from './inflate.ts';

/** `too-large`: longer than the limit, refused before anything is decoded. */
export type UnpackProblem = 'foreign' | 'damaged' | 'unreadable' | 'too-large';

/**
 * Ceilings for a packed text: its length (characters) and what it may inflate to (bytes of JSON).
 * All thirteen shipped cases as a teacher's own cases make a link of about 260,000 characters.
 */
export const MAX_PACKED_CHARS = 600_000;
export const MAX_UNPACKED_BYTES = 3_000_000;

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
  // Measured before anything is decoded; generous for the whitespace a chat or e-mail adds.
  if (text.length > MAX_PACKED_CHARS * 2) return { problem: 'too-large' };
  const compact = text.replace(/\s+/g, '');
  if (!compact.startsWith(prefix)) return { problem: 'foreign' };
  if (compact.length > MAX_PACKED_CHARS) return { problem: 'too-large' };
  const bytes = fromBase64url(compact.slice(prefix.length));
  if (!bytes || bytes.length < 5) return { problem: 'damaged' };
  const body = bytes.subarray(0, bytes.length - 4);
  const stored = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
  if (crc32(body) !== stored) return { problem: 'damaged' };
  const json = inflateLimited(body, MAX_UNPACKED_BYTES);
  if (json === 'too-large') return { problem: 'too-large' };
  if (!json) return { problem: 'unreadable' };
  try {
    return { value: JSON.parse(utf8.decode(json)) };
  } catch {
    return { problem: 'unreadable' };
  }
}

/**
 * Where a packed text may end in a run of words (a pasted text split at whitespace, which chat and
 * e-mail insert into long codes): the numbers of words, longest first, whose joined text passes the
 * checksum. One pass, reading at most MAX_PACKED_CHARS characters, however long the text around it.
 */
export function checksumEnds(prefix: string, words: readonly string[]): number[] {
  const ends: number[] = [];
  if (!words[0]?.startsWith(prefix)) return ends;
  const bytes = new Uint8Array(Math.ceil((MAX_PACKED_CHARS * 6) / 8) + 1);
  let written = 0;
  let bits = 0;
  let value = 0;
  let chars = 0;
  // The checksum of bytes[0, summed): the body of a code that ends `summed + 4` bytes in.
  let crc = CRC32_START;
  let summed = 0;
  for (const [w, text] of words.entries()) {
    const word = w === 0 ? text.slice(prefix.length) : text;
    for (let i = 0; i < word.length; i++) {
      const v = base64urlValue(word.charCodeAt(i));
      // A character no code holds ends every longer candidate too.
      if (v < 0 || ++chars > MAX_PACKED_CHARS) return ends.reverse();
      value = ((value << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes[written++] = (value >> bits) & 0xff;
      }
    }
    if (chars % 4 === 1 || written < 5) continue;
    crc = crc32Update(crc, bytes.subarray(summed, written - 4));
    summed = written - 4;
    const stored = new DataView(bytes.buffer).getUint32(summed);
    if (crc32Finish(crc) === stored) ends.push(w + 1);
  }
  return ends.reverse();
}
