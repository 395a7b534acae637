/**
 * Inflating (raw deflate) what arrives from outside, with a ceiling on the output: the data is fed
 * in small slices and inflating stops as soon as the output passes the limit, so a "zip bomb" costs
 * no more time or memory than the limit allows. Shared by share links, assignment links and codes.
 */
import { Inflate } from 'fflate';

/** Slice fed to the inflater: one slice can unpack to at most ~1 MB (deflate tops out near 1032:1). */
const SLICE = 1024;

/** The inflated bytes, `'too-large'` past `limit` bytes, or undefined when the data is not deflate. */
export function inflateLimited(data: Uint8Array, limit: number): Uint8Array | 'too-large' | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) over = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < data.length && !over && !done; at += SLICE) {
      const end = Math.min(data.length, at + SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    return over ? 'too-large' : undefined;
  }
  if (over) return 'too-large';
  if (!done) return undefined;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
