/**
 * Every way in for outside data — assignment links, share links, result codes (alone or in a chat)
 * and result files — takes random and mutated input without throwing: each is accepted or refused
 * with a reason. How fast is measured in the bench (`npm run bench -- --refusals`), not here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment } from '../../src/assignment/assignment.ts';
import { importCode, importFile, splitCodes } from '../../src/assignment/import.ts';
import { checksumEnds, MAX_PACKED_CHARS, pack } from '../../src/assignment/pack.ts';
import { decodeResultCode, RESULT_CODE_PREFIX, V2_CODE_PREFIX } from '../../src/assignment/result-file.ts';
import type { Assignment } from '../../src/assignment/types.ts';
import { decodeCase, encodeCase } from '../../src/ui/studio/share-link.ts';
import { chatWords, deflateBomb, oversized, packedAround, sampleCode, UNTRUSTED_ASSIGNMENT } from '../fixtures/hostile-inputs.ts';

const assignment: Assignment = { ...UNTRUSTED_ASSIGNMENT, id: 'prop1' };
const NOW = '2026-01-02T00:00:00Z';
const code = sampleCode(assignment);
const link = encodeAssignment(assignment);
const share = (() => {
  const e = encodeCase('---\nid: x\n---\n# Briefing\n\nHello\n');
  if (!e.ok) throw new Error(e.problem);
  return e.token;
})();

/** A text with a few characters changed, cut, doubled or inserted. */
const mutated = (text: string) =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.constantFrom('flip', 'cut', 'insert', 'double'), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 })
    .map((edits) =>
      edits.reduce((t, [at, how, s]) => {
        const i = Math.min(at, t.length);
        if (how === 'cut') return t.slice(0, i);
        if (how === 'insert') return t.slice(0, i) + s + t.slice(i);
        if (how === 'double') return t + t.slice(i);
        return t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
      }, text),
    );

/** Any JSON value, and JSON shaped like a result file with fields of the wrong kind. */
const jsonish = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({ format: fc.constantFrom('dispute-desk-result', 1), version: fc.constantFrom(1, 2, '1'), attempts: fc.array(fc.anything(), { maxLength: 3 }), student: fc.anything(), assignment: fc.anything() })
    .map((v) => JSON.stringify(v)),
  fc.string(),
);

const run = { numRuns: 150 };

describe('outside input never throws', () => {
  it('assignment links: random, mutated, and packed values of any shape', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), mutated(link)), (text) => void decodeAssignment(text)), run);
    fc.assert(fc.property(fc.anything(), (value) => void decodeAssignment(pack('DDA1.', value))), run);
  });

  it('share links: random and mutated', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.base64String(), mutated(share)), (text) => {
      expect(typeof decodeCase(text).ok).toBe('boolean');
    }), run);
  });

  it('result codes: random, mutated, packed values of any shape, and inside chat', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), mutated(code)), (text) => void importCode('c', text, assignment, NOW)), run);
    // A well-sealed envelope around anything: the shape checks, not the checksum, must refuse it.
    fc.assert(fc.property(fc.anything(), (value) => void decodeResultCode(pack(RESULT_CODE_PREFIX, value))), run);
    fc.assert(fc.property(fc.anything(), (value) => void decodeResultCode(pack(V2_CODE_PREFIX, value))), run);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(code), fc.string(), mutated(code)), { maxLength: 4 }), (parts) => {
        for (const c of splitCodes(parts.join(' '))) importCode('c', c, assignment, NOW);
      }),
      run,
    );
  });

  it('refuses a code whose content is not a list where one belongs, with the field, not an error', () => {
    const compact = { a: ['prop1', 'C', 'T', ''], s: ['Ann', '1'], t: NOW, x: [['c', 'h', '1', 'r', 1, NOW, 60, [0, 1, 0, 1], [60, 80, 1], [5], ['e', 1, 1, 1]]] };
    expect(decodeResultCode(pack(V2_CODE_PREFIX, compact))).toEqual({ problem: { kind: 'invalid', field: 'x.0.steps.0' } });
    expect(importCode('c', pack(V2_CODE_PREFIX, compact), assignment, NOW)).toEqual({ label: 'c', problem: { kind: 'invalid', field: 'x.0.steps.0' } });
    const named = { format: 'dispute-desk-result', version: 2, assignment: { id: 'prop1', className: 'C', title: 'T' }, student: { name: 'Ann', number: '1' }, savedAt: NOW, attempts: { 0: 'a' } };
    expect(decodeResultCode(pack(RESULT_CODE_PREFIX, named))).toEqual({ problem: { kind: 'invalid', field: 'attempts' } });
    expect(decodeResultCode(pack(RESULT_CODE_PREFIX, { ...named, attempts: [{ ...JSON.parse('{"__proto__": {"caseId": "x"}}') }] }))).toEqual({
      problem: { kind: 'invalid', field: 'attempts.0.caseId' },
    });
  });

  it('result files: random and malformed JSON', () => {
    fc.assert(fc.property(jsonish, (text) => void importFile('f.json', text, assignment, NOW)), run);
  });
});

describe('sizes are limited before decoding', () => {
  it('refuses a bomb by what it inflates to, and links and codes by their length', () => {
    const bomb = packedAround(RESULT_CODE_PREFIX, deflateBomb(40_000));
    expect(decodeResultCode(bomb)).toEqual({ problem: { kind: 'damaged-code' } });
    expect(decodeAssignment(packedAround('DDA1.', deflateBomb(40_000)))).toEqual({ problem: 'too-large' });
    expect(decodeAssignment(oversized('DDA1.', MAX_PACKED_CHARS + 6))).toEqual({ problem: 'too-large' });
    expect(importCode('c', oversized(RESULT_CODE_PREFIX, MAX_PACKED_CHARS + 10), assignment, NOW)).toEqual({ label: 'c', problem: { kind: 'too-large' } });
  });

  it('finds a code wrapped across lines inside a long chat, the longest run that passes its checksum', () => {
    const wrapped = code.replace(/.{20}/g, '$&\n');
    const outcome = importCode('c', `${wrapped}\n${chatWords(20_000)}`, assignment, NOW);
    expect(outcome).toMatchObject({ file: { student: { name: 'Ann 2023001' } } });
    const words = `${wrapped} thanks`.split(/\s+/);
    expect(checksumEnds(RESULT_CODE_PREFIX, words)).toEqual([words.length - 1]);
  });
});
