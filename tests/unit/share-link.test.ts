/** A case carried in a link: encoding, decoding, and the limits that keep an untrusted link harmless. */
import { readFileSync } from 'node:fs';
import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeCase, encodeCase, MAX_LINK_BYTES, MAX_SHARED_BYTES, shareUrl } from '../../src/ui/studio/share-link.ts';
import { parseStudioPath } from '../../src/ui/studio/routes.ts';

const seed = readFileSync('scenarios/aliexpress-price-drop.md', 'utf8');
const token = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function encoded(source: string): string {
  const e = encodeCase(source);
  if (!e.ok) throw new Error(e.problem);
  return e.token;
}

describe('share links', () => {
  it('round-trips a whole case, Chinese and emoji included, in URL-safe characters', () => {
    for (const source of [seed, '# 对话\n\n> 你好 👋 “quotes” — dash\r\nCRLF line\n', 'x']) {
      const t = encoded(source);
      expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCase(t)).toEqual({ ok: true, source });
    }
  });

  it('compresses: the seed case travels in well under half its size', () => {
    const e = encodeCase(seed);
    expect(e.ok && e.bytes).toBeLessThan(seed.length / 2);
  });

  it('puts the token in a player link, replacing whatever hash the page had', () => {
    expect(shareUrl('https://x.org/dd/index.html#/studio', 'abc')).toBe('https://x.org/dd/index.html#/play?case=abc');
    expect(parseStudioPath('/play?case=abc')).toEqual({ page: 'shared', token: 'abc' });
    expect(parseStudioPath('/play?other=1')).toEqual({ page: 'shared', token: '' });
    expect(parseStudioPath('/play')).toEqual({ page: 'shared', token: '' });
    expect(parseStudioPath('/studio')).toEqual({ page: 'studio' });
    expect(parseStudioPath('/case/x')).toBeUndefined();
  });

  it('refuses to make a link for a case over the size limits', () => {
    expect(encodeCase('a'.repeat(MAX_SHARED_BYTES + 1))).toEqual({ ok: false, problem: 'too-large-case' });
    // Random letters hardly compress: 300 kB of them cannot fit in 100 kB.
    let seedN = 7;
    const noise = Array.from({ length: 300_000 }, () => String.fromCharCode(33 + ((seedN = (seedN * 48271) % 2147483647) % 90))).join('');
    expect(encodeCase(noise)).toEqual({ ok: false, problem: 'too-large-link' });
  });

  it('refuses a link over 100 kB compressed before decoding it', () => {
    const long = 'A'.repeat(Math.ceil((MAX_LINK_BYTES * 4) / 3) + 8);
    expect(decodeCase(long)).toEqual({ ok: false, problem: 'too-large-link' });
  });

  it('stops a compression bomb as soon as it passes 1 MB', () => {
    const bomb = zlibSync(new Uint8Array(5_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_LINK_BYTES);
    expect(decodeCase(token(bomb))).toEqual({ ok: false, problem: 'too-large-case' });
  });

  it('accepts exactly 1 MB and refuses one byte more', () => {
    const at = 'b'.repeat(MAX_SHARED_BYTES);
    expect(decodeCase(token(zlibSync(strToU8(at))))).toEqual({ ok: true, source: at });
    expect(decodeCase(token(zlibSync(strToU8(`${at}b`))))).toEqual({ ok: false, problem: 'too-large-case' });
  });

  it('calls a cut-off, altered or foreign link damaged', () => {
    const t = encoded(seed);
    const flipped = `${t.slice(0, 500)}${t[500] === 'A' ? 'B' : 'A'}${t.slice(501)}`;
    const notUtf8 = zlibSync(new Uint8Array([0xff, 0xfe, 0x41]));
    for (const bad of [t.slice(0, -40), t.slice(0, 1000), flipped, 'not*base64!', token(strToU8('hello world, not zlib')), token(notUtf8)])
      expect(decodeCase(bad)).toEqual({ ok: false, problem: 'damaged' });
    expect(decodeCase('')).toEqual({ ok: false, problem: 'empty' });
  });
});
