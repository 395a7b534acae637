/**
 * A case carried inside a link: the Markdown file, zlib-compressed (fflate), in base64url, so a
 * teacher can send a new case without hosting anything (`#/play?case=…`).
 *
 * Whatever arrives in a link is untrusted. Decoding refuses a token over 100 kB compressed before
 * touching it, inflates in small slices so a "zip bomb" is stopped as soon as the output passes
 * 1 MB (never allocating the whole bomb), checks the zlib checksum and the UTF-8, and reports each
 * failure as a reason the page can explain — it never throws. Pure: no DOM, runs in Node for tests.
 */
import { strToU8, zlibSync } from 'fflate';
import { inflateLimited } from '../../assignment/inflate.ts';

/** Largest compressed case a link may carry (bytes, before base64). */
export const MAX_LINK_BYTES = 100_000;
/** Largest case file a link may unpack to (bytes of UTF-8). */
export const MAX_SHARED_BYTES = 1_000_000;

export type ShareProblem =
  /** The link has no case in it. */
  | 'empty'
  /** More than MAX_LINK_BYTES compressed. */
  | 'too-large-link'
  /** Unpacks to more than MAX_SHARED_BYTES. */
  | 'too-large-case'
  /** Cut off, changed or not a case link at all. */
  | 'damaged';

export type Encoded = { ok: true; token: string; bytes: number } | { ok: false; problem: 'too-large-link' | 'too-large-case' };
export type Decoded = { ok: true; source: string } | { ok: false; problem: ShareProblem };

export function encodeCase(source: string): Encoded {
  const raw = strToU8(source);
  if (raw.length > MAX_SHARED_BYTES) return { ok: false, problem: 'too-large-case' };
  const packed = zlibSync(raw, { level: 9 });
  if (packed.length > MAX_LINK_BYTES) return { ok: false, problem: 'too-large-link' };
  return { ok: true, token: toBase64Url(packed), bytes: packed.length };
}

export function decodeCase(token: string): Decoded {
  const text = token.trim();
  if (!text) return { ok: false, problem: 'empty' };
  // Measured before decoding anything: 4 base64 characters carry 3 bytes.
  if (Math.floor((text.length * 3) / 4) > MAX_LINK_BYTES) return { ok: false, problem: 'too-large-link' };
  const packed = fromBase64Url(text);
  if (!packed || packed.length < 7) return { ok: false, problem: 'damaged' };
  const header = new DataView(packed.buffer, packed.byteOffset);
  const cmf = header.getUint8(0);
  const flg = header.getUint8(1);
  // zlib header: deflate method, no preset dictionary, header checksum.
  if ((cmf & 0x0f) !== 8 || (flg & 0x20) !== 0 || ((cmf << 8) | flg) % 31 !== 0) return { ok: false, problem: 'damaged' };

  const unpacked = inflateLimited(packed.subarray(2, -4), MAX_SHARED_BYTES);
  if (unpacked === 'too-large') return { ok: false, problem: 'too-large-case' };
  if (!unpacked) return { ok: false, problem: 'damaged' };
  const expected = header.getUint32(packed.length - 4);
  if (adler32(unpacked) !== expected) return { ok: false, problem: 'damaged' };
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(unpacked) };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/** The link to the player for a token; `base` is the page address without its hash. */
export function shareUrl(base: string, token: string): string {
  return `${base.split('#')[0]}#/play?case=${token}`;
}

// ---------------------------------------------------------------------------------------------

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run before the sums can overflow 2^32 (as in zlib).
  for (let i = 0; i < data.length; i += 5552) {
    for (const byte of data.subarray(i, i + 5552)) {
      a += byte;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
