/** Assignment links and the envelope under them: round trips, size, and damage that must be noticed. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignCase, assignmentLink, asAssigned, decodeAssignment, encodeAssignment, isLate, LINK_WARN_LENGTH } from '../../src/assignment/assignment.ts';
import { crc32, fromBase64url, toBase64url } from '../../src/assignment/encoding.ts';
import { caseHash, rulebookVersion } from '../../src/assignment/fingerprint.ts';
import { pack, unpack } from '../../src/assignment/pack.ts';
import { sha256Hex } from '../../src/assignment/sha256.ts';
import type { Assignment } from '../../src/assignment/types.ts';
import { fixtureCase, loadCase } from './helpers.ts';
import { get, nth } from '../fixtures/present.ts';

const seed = loadCase('scenarios', 'aliexpress-price-drop.md');

export function sampleAssignment(extra: Partial<Assignment> = {}): Assignment {
  return {
    format: 1,
    id: 'k3x9q2m7p1za',
    className: '跨境电商 2班',
    title: 'Week 3 · 纠纷处理',
    created: '2026-11-20T08:00:00Z',
    due: '2026-11-27T15:59:00Z',
    timeZone: 'Asia/Shanghai',
    settings: { feedback: 'deferred', hints: false, attempts: 2, showRealPath: false },
    pass: { minSatisfaction: 70, minCompliance: 90, criticalFails: true },
    cases: [assignCase(seed)],
    ...extra,
  };
}

describe('base64url and CRC-32', () => {
  it('round-trips every length of bytes, and refuses characters outside the alphabet', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
    expect(fromBase64url('ab+c')).toBeUndefined();
    expect(fromBase64url('abcde')).toBeUndefined();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('SHA-256', () => {
  it('agrees with Node’s crypto on empty, short, block-sized and Chinese input', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), '张三的作业 ✓']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('case fingerprint', () => {
  it('is stable, and changes with anything that changes scoring but not with prose', () => {
    const again = loadCase('scenarios', 'aliexpress-price-drop.md');
    expect(caseHash(again)).toBe(caseHash(seed));
    const reworded = structuredClone(seed);
    nth(get(reworded.nodes, 'dispute-opened').replies, 0).text = 'Reworded.';
    reworded.analysis = { en: 'Other analysis' };
    expect(caseHash(reworded)).toBe(caseHash(seed));
    const rescored = structuredClone(seed);
    nth(get(rescored.nodes, 'dispute-opened').replies, 0).satisfaction += 1;
    expect(caseHash(rescored)).not.toBe(caseHash(seed));
    const regraded = structuredClone(seed);
    get(regraded.rules, 'P-OFFPLATFORM').severity = 'major';
    expect(caseHash(regraded)).not.toBe(caseHash(seed));
    expect(rulebookVersion(regraded)).not.toBe(rulebookVersion(seed));
    expect(rulebookVersion(seed)).toMatch(/^aliexpress@[0-9a-f]{12}$/);
    // An undated source's only date is the day it was consulted: reading it again is a new version.
    const reconsulted = structuredClone(seed);
    const rule = get(reconsulted.rules, 'P-OFFPLATFORM');
    expect(rule.asOf).toBeUndefined();
    rule.consulted = '2027-01-10';
    expect(rulebookVersion(reconsulted)).not.toBe(rulebookVersion(seed));
  });
});

describe('assignment links', () => {
  it('round-trip an assignment with a shipped case, Chinese names and every setting', () => {
    const a = sampleAssignment();
    const decoded = decodeAssignment(encodeAssignment(a));
    expect(decoded).toEqual({ assignment: a });
    const link = assignmentLink('https://school.example/desk/index.html#/teacher/new', a);
    expect(link).toMatch(/^https:\/\/school\.example\/desk\/index\.html#\/a\/DDA2\.[A-Za-z0-9_-]+$/);
    // A version made for one student carries its series, number and student.
    const v2 = sampleAssignment({ id: 'v2v2v2v2v2v2', series: a.id, revision: 2, for: { name: '张三', number: '02023003' } });
    expect(decodeAssignment(encodeAssignment(v2))).toEqual({ assignment: v2 });
    // Links made before (named JSON) still open.
    expect(decodeAssignment(pack('DDA1.', a))).toEqual({ assignment: a });
  });

  it('fit three cases into a QR code the teacher page does not call dense', async () => {
    const QRCode = (await import('qrcode')).default;
    const three = ['aliexpress-price-drop', 'aliexpress-wrong-size', 'aliexpress-damaged-item'].map((id) => assignCase(loadCase('scenarios', `${id}.md`)));
    for (const cases of [three.slice(0, 1), three]) {
      const link = assignmentLink('https://teacher.github.io/dispute-desk/', sampleAssignment({ cases }));
      expect(link.length).toBeLessThan(600);
      expect(QRCode.create(link, { errorCorrectionLevel: 'L' }).version).toBeLessThanOrEqual(15);
    }
    expect(three[0]?.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('stay well under a chat message for shipped cases, and carry an own case in full', () => {
    expect(assignmentLink('https://school.example/', sampleAssignment()).length).toBeLessThan(600);
    const source = readFileSync('tests/fixtures/cases/valid.md', 'utf8');
    const own = fixtureCase();
    const a = sampleAssignment({ cases: [assignCase(seed), assignCase(own, { text: source, file: 'valid.md' })] });
    const decoded = decodeAssignment(encodeAssignment(a));
    expect('assignment' in decoded && decoded.assignment.cases[1]?.source).toBe(source);
    const seedSource = readFileSync('scenarios/aliexpress-price-drop.md', 'utf8');
    const big = sampleAssignment({ cases: [assignCase(seed, { text: seedSource, file: 'seed.md' })] });
    const link = assignmentLink('https://school.example/', big);
    // Compressed: a long case (mostly Chinese, 3 bytes a character) fits in well under half its size…
    expect(link.length).toBeLessThan(new TextEncoder().encode(seedSource).length / 2);
    // …but still too long for a chat message, which the teacher page warns about.
    expect(link.length).toBeGreaterThan(LINK_WARN_LENGTH);
  });

  it('notice a link that was cut short, mistyped, or is not an assignment at all', () => {
    const payload = encodeAssignment(sampleAssignment());
    expect(decodeAssignment(payload.slice(0, -3))).toEqual({ problem: 'damaged' });
    const i = payload.length - 10;
    const typo = payload.slice(0, i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1);
    expect(decodeAssignment(typo)).toEqual({ problem: 'damaged' });
    expect(decodeAssignment('hello')).toEqual({ problem: 'foreign' });
    // A well-formed envelope around data that is not an assignment.
    expect(decodeAssignment(pack('DDA1.', { format: 1, id: 'x', cases: 'none' }))).toMatchObject({ problem: 'invalid' });
    expect(decodeAssignment(pack('DDA1.', { ...sampleAssignment(), settings: { feedback: 'loud' } }))).toEqual({ problem: 'invalid', field: 'settings.feedback' });
  });

  it('unpack ignores line breaks a chat app put into a long code', () => {
    const text = pack('X.', { a: 1 });
    expect(unpack('X.', `${text.slice(0, 5)}\n ${text.slice(5)}`)).toEqual({ value: { a: 1 } });
  });

  it('applies its pass rule to the case, and judges lateness against the due date', () => {
    const a = sampleAssignment();
    expect(asAssigned(a, seed).pass).toEqual(a.pass);
    expect(asAssigned({}, seed)).toBe(seed);
    expect(isLate(a, '2026-11-27T15:58:59Z')).toBe(false);
    expect(isLate(a, '2026-11-27T16:00:00Z')).toBe(true);
    expect(isLate({}, '2030-01-01T00:00:00Z')).toBe(false);
  });
});
