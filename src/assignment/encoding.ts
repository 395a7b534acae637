/**
 * Bytes as text that survives a URL hash, a chat message or an LMS text box: base64url (RFC 4648 §5,
 * no padding), and CRC-32 to notice a code that was mistyped or cut short.
 *
 * Written out here rather than taken from `btoa`/`Buffer` so the same code runs in Node and in the
 * browser and never meets a non-Latin-1 string.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * An entry of a fixed-size table (a lookup table, a hash's state) at an index that is in range by
 * construction; a slip in that arithmetic throws at once instead of computing with `undefined`.
 */
export function entry(table: ArrayLike<number>, i: number): number {
  const v = table[i];
  if (v === undefined) throw new RangeError(`index ${i} is outside a table of ${table.length}`);
  return v;
}
/** Each character code's value in the alphabet, or -1. */
const LOOKUP = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** The value (0–63) of one base64url character, or -1 for any other. */
export const base64urlValue = (code: number): number => (code < 128 ? entry(LOOKUP, code) : -1);

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    // Past the end, the last group is padded with zero bits.
    const n = (entry(bytes, i) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Undefined when the text holds a character outside the alphabet or has an impossible length. */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const v = base64urlValue(text.charCodeAt(i));
    if (v < 0) return undefined;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  return crc32Finish(crc32Update(CRC32_START, bytes));
}

/** CRC-32 in steps, for a checksum over a growing prefix: start, update with more bytes, finish. */
export const CRC32_START = 0xffffffff;
export function crc32Update(state: number, bytes: Uint8Array): number {
  let c = state;
  for (const b of bytes) c = entry(CRC_TABLE, (c ^ b) & 0xff) ^ (c >>> 8);
  return c;
}
export const crc32Finish = (state: number): number => (state ^ 0xffffffff) >>> 0;

export const utf8 = {
  encode: (text: string): Uint8Array => new TextEncoder().encode(text),
  /** Throws on bytes that are not UTF-8, so a damaged code is not read as mojibake. */
  decode: (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
};
