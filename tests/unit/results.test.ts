/**
 * What students hand in and what the dashboard makes of it: result files and codes, the seal, the
 * recomputation of scores with its flags, dedupe, the class table and summary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attemptsOf, newAttempts } from '../../src/assignment/dedupe.ts';
import { importCode, importFile } from '../../src/assignment/import.ts';
import { begin, emptyProgress, finish, handIn, readProgress, track, type Progress } from '../../src/assignment/progress.ts';
import { recompute } from '../../src/assignment/recompute.ts';
import {
  decodeResultCode,
  encodeResultCode,
  makeResultFile,
  parseResultFile,
  resultFileName,
  serializeResultFile,
} from '../../src/assignment/result-file.ts';
import { buildTable, histogram, summarizeCase } from '../../src/assignment/summary.ts';
import type { ResultFile } from '../../src/assignment/types.ts';
import { replay, resultOf } from '../../src/engine/conversation.ts';
import { asAssigned } from '../../src/assignment/assignment.ts';
import { canonicalJson } from '../../src/assignment/fingerprint.ts';
import { pack } from '../../src/assignment/pack.ts';
import { sha256Hex } from '../../src/assignment/sha256.ts';
import { assignmentOf, c, cases, REAL } from './fixtures/results.ts';
import { get, nth } from '../fixtures/present.ts';

const T0 = Date.parse('2026-11-21T02:00:00Z');
const assignment = assignmentOf({ due: '2026-11-22T00:00:00Z', pass: { minSatisfaction: 60, minCompliance: 80, criticalFails: true } });

/** Plays a path the way the student page does: begin, one reply a minute, finish. */
function played(name: string, number: string, paths: string[][], start = T0): ResultFile {
  let p: Progress = { ...emptyProgress(assignment.id), student: { name, number } };
  let t = start;
  for (const replies of paths) {
    p = begin(p, c.id, t);
    const attempt = replay(asAssigned(assignment, c), replies)!;
    for (let i = 1; i <= replies.length; i++) p = track(p, c.id, attempt.path.slice(0, i), (t += 60_000));
    p = finish(p, assignment, c, resultOf(asAssigned(assignment, c), attempt), (t += 1000));
  }
  return handIn(p, assignment, t)!;
}

const PAYPAL = ['opening.2'];

describe('result files', () => {
  it('hold the transcript with times, case fingerprint, rulebook version, settings and scores', () => {
    const file = played('张三', '2023001', [REAL]);
    const r = nth(file.attempts, 0, 'the attempt');
    expect(r.steps).toEqual([
      { node: 'opening', reply: 'opening.1', at: '2026-11-21T02:01:00Z' },
      { node: 'photo', reply: 'photo.1', at: '2026-11-21T02:02:00Z' },
    ]);
    expect(r.caseHash).toMatch(/^[0-9a-f]{12}$/);
    expect(r.rulebookVersion).toMatch(/^test@/);
    expect(r.settings).toEqual(assignment.settings);
    expect(r.scores).toEqual({ ending: 'refunded', satisfaction: 80, compliance: 100, passed: true });
    expect(resultFileName(file)).toBe('2班_张三_2023001_Mug.json');
    expect(resultFileName({ ...file, student: { name: 'a/b:c', number: '1' } })).toBe('2班_a b c_1_Mug.json');
    expect(parseResultFile(serializeResultFile(file))).toEqual({ file });
  });

  it('refuse what is not an intact result file, naming the reason', () => {
    const text = serializeResultFile(played('张三', '2023001', [REAL]));
    expect(parseResultFile(text.slice(0, text.length / 2))).toEqual({ problem: { kind: 'not-json' } });
    expect(parseResultFile('{"hello": 1}')).toEqual({ problem: { kind: 'foreign' } });
    expect(parseResultFile(text.replace('"version": 2', '"version": 3'))).toEqual({ problem: { kind: 'newer', version: 3 } });
    expect(parseResultFile(text.replace('"opening.1"', '"opening.2"'))).toEqual({ problem: { kind: 'edited' } });
    expect(parseResultFile(text.replace('"张三"', '"李四"'))).toEqual({ problem: { kind: 'edited' } });
    expect(parseResultFile(text.replace(/"startedAt": "[^"]+"/, '"startedAt": "yesterday"'))).toEqual({
      problem: { kind: 'invalid', field: 'attempts.0.startedAt' },
    });
    // A byte-order mark (Windows editors add one) is not a reason to refuse.
    expect(parseResultFile(`\uFEFF${text}`)).toHaveProperty('file');
  });

  it('refuse an edited score or number as well', () => {
    const text = serializeResultFile(played('张三', '2023001', [PAYPAL]));
    expect(parseResultFile(text.replace('"compliance": 50', '"compliance": 100'))).toEqual({ problem: { kind: 'edited' } });
    expect(parseResultFile(text.replace('"2023001"', '"2023009"'))).toEqual({ problem: { kind: 'edited' } });
  });

  it('still read an older file whose seal left the scores out; the recomputation points an edited score out', () => {
    const { seal: _seal, ...body } = played('张三', '2023001', [PAYPAL]);
    const old = { ...body, version: 1, attempts: body.attempts.map((a) => ({ ...a, scores: { ...a.scores, compliance: 100, passed: true } })) };
    const unscored = { ...old, attempts: old.attempts.map(({ scores: _s, ...a }) => a) };
    const edited = parseResultFile(JSON.stringify({ ...old, seal: sha256Hex(canonicalJson(unscored)).slice(0, 32) }));
    expect('file' in edited).toBe(true);
    if (!('file' in edited)) return;
    const r = nth(edited.file.attempts, 0, 'the attempt');
    expect(r.scores.compliance).toBe(100);
    const again = recompute(assignment, r, c);
    expect(again.result?.compliance).toBe(50);
    expect(again.result?.passed).toBe(false);
    expect(again.flags).toEqual(['scores-differ']);
  });
});

describe('result codes', () => {
  it('round-trip a file exactly, and are short enough for a chat message', () => {
    const file = played('Zhang San', '2023001', [PAYPAL, REAL]);
    const code = encodeResultCode(file);
    expect(code).toMatch(/^DDR3\.[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(900);
    expect(decodeResultCode(code)).toEqual({ file });
    expect(decodeResultCode(`  ${code.slice(0, 30)}\n${code.slice(30)}  `)).toEqual({ file });
  });

  it('detect a typo or a truncated code by their checksum', () => {
    const code = encodeResultCode(played('张三', '2023001', [REAL]));
    for (const i of [6, Math.floor(code.length / 2), code.length - 2]) {
      const typo = code.slice(0, i) + (code[i] === 'x' ? 'y' : 'x') + code.slice(i + 1);
      expect(decodeResultCode(typo)).toEqual({ problem: { kind: 'damaged-code' } });
    }
    expect(decodeResultCode(code.slice(0, -4))).toEqual({ problem: { kind: 'damaged-code' } });
    expect(decodeResultCode('DDA1.abc')).toEqual({ problem: { kind: 'foreign' } });
  });

  it('are sealed like files: an edited transcript, score, name or number is refused; an unsealed old code too', () => {
    const file = played('张三', '2023001', [PAYPAL]);
    const edits: ((f: ResultFile) => ResultFile)[] = [
      (f) => ({ ...f, attempts: [{ ...nth(f.attempts, 0), steps: [{ ...nth(nth(f.attempts, 0).steps, 0), reply: 'opening.1' }] }] }),
      (f) => ({ ...f, attempts: [{ ...nth(f.attempts, 0), scores: { ...nth(f.attempts, 0).scores, compliance: 100, passed: true } }] }),
      (f) => ({ ...f, student: { ...f.student, name: '李四' } }),
      (f) => ({ ...f, student: { ...f.student, number: '2023002' } }),
    ];
    for (const edit of edits) expect(decodeResultCode(encodeResultCode(edit(file)))).toEqual({ problem: { kind: 'edited' } });
    expect(decodeResultCode(pack('DDR1.', { a: [] }))).toEqual({ problem: { kind: 'old-code' } });
  });

  it('carry attempts in progress and named fields a later version adds, sealed with the rest', () => {
    let p: Progress = { ...emptyProgress(assignment.id), student: { name: '张三', number: '2023001' } };
    p = begin(p, c.id, T0);
    p = track(p, c.id, replay(c, ['opening.1'])!.path, T0 + 60_000);
    const file = handIn(p, assignment, T0 + 70_000)!;
    expect(file.inProgress?.map((r) => r.steps.length)).toEqual([1]);
    expect(decodeResultCode(encodeResultCode(file))).toEqual({ file });
    const withSeed = makeResultFile(assignment, file.student, [{ ...played('张三', '2023001', [REAL]).attempts[0], shuffleSeed: 42 } as never], file.savedAt);
    const back = decodeResultCode(encodeResultCode(withSeed));
    expect('file' in back && (back.file.attempts[0] as unknown as { shuffleSeed: number }).shuffleSeed).toBe(42);
    expect(parseResultFile(serializeResultFile(withSeed))).toEqual({ file: withSeed });
    const stored = attemptsOf(file, 'x', 'now');
    expect(stored.map((a) => a.unfinished)).toEqual([true]);
    expect(nth(buildTable(assignment, stored, cases), 0).cells[c.id]).toMatchObject({ inProgress: true, attempts: [] });
  });
});

describe('results of the previous version', () => {
  // Written by the version before named fields came to codes: a file and a code of the same hand-in
  // (two attempts, the second with its reply-order seed, one attempt in progress, an extra field).
  const oldFile = readFileSync('tests/fixtures/results/v2-file.json', 'utf8');
  const oldCode = readFileSync('tests/fixtures/results/v2-code.txt', 'utf8');

  it('still import, file and code alike, with the seed and the extra field kept', () => {
    const fromFile = importFile('old.json', oldFile, assignment, 'now');
    const fromCode = importCode('old', oldCode, assignment, 'now');
    if (!('file' in fromFile) || !('file' in fromCode)) throw new Error('an old result was refused');
    expect(oldCode).toMatch(/^DDR2\./);
    expect(fromCode.file).toEqual(fromFile.file);
    expect(fromFile.file.attempts.map((r) => r.seed)).toEqual([undefined, 12345]);
    expect(fromFile.file.attempts[0]).toHaveProperty('shuffleSeed', 42);
    expect(fromFile.file.inProgress?.map((r) => r.steps.length)).toEqual([1]);
    // The finished attempts still recompute to the scores they claim.
    expect(fromFile.attempts.filter((a) => !a.unfinished).map((a) => recompute(assignment, a.record, c).flags)).toEqual([[], []]);
  });

  it('are still sealed: an edit to the old code is refused', () => {
    const file = parseResultFile(oldFile);
    if (!('file' in file)) throw new Error('the old file was refused');
    expect(decodeResultCode(encodeResultCode(file.file))).toEqual(file);
    expect(parseResultFile(oldFile.replace('"opening.2"', '"opening.1"'))).toEqual({ problem: { kind: 'edited' } });
  });
});

describe('recomputation', () => {
  const record = nth(played('张三', '2023001', [REAL]).attempts, 0, 'the attempt');

  it('replays the transcript against the case with the assignment’s pass rule', () => {
    const strict = { ...assignment, pass: { minSatisfaction: 90, minCompliance: 80, criticalFails: true } };
    const r = recompute(strict, record, c);
    expect(r.result).toMatchObject({ satisfaction: 80, compliance: 100, passed: false });
    expect(r.flags).toContain('scores-differ');
    expect(recompute(assignment, record, c)).toMatchObject({ result: { passed: true }, flags: [] });
  });

  it('flags a transcript that does not fit, an unfinished one, another version of the case, a case not assigned', () => {
    const wrongReply = { ...record, steps: [nth(record.steps, 0), { ...nth(record.steps, 1), reply: 'opening.3' }] };
    expect(recompute(assignment, wrongReply, c)).toEqual({ flags: ['does-not-fit'] });
    const wrongNode = { ...record, steps: [{ ...nth(record.steps, 0), node: 'photo' }, nth(record.steps, 1)] };
    expect(recompute(assignment, wrongNode, c)).toEqual({ flags: ['does-not-fit'] });
    expect(recompute(assignment, { ...record, steps: record.steps.slice(0, 1) }, c)).toEqual({ flags: ['not-finished'] });
    const changed = structuredClone(c);
    nth(get(changed.nodes, 'photo').replies, 0).satisfaction = 5;
    const r = recompute(assignment, record, changed);
    expect(r.flags).toEqual(['case-changed', 'scores-differ']);
    expect(r.result?.satisfaction).toBe(60);
    expect(recompute(assignment, { ...record, caseId: 'other' }, c)).toEqual({ flags: ['not-assigned'] });
    expect(recompute(assignment, record, undefined)).toEqual({ flags: ['case-missing'] });
    const played2 = { ...record, settings: { ...record.settings, feedback: 'deferred' as const } };
    expect(recompute(assignment, played2, c).flags).toEqual(['settings-differ']);
  });
});

describe('dedupe and progress', () => {
  it('counts the same attempt once, from a file, a code and a later file that repeats it', () => {
    const first = played('张三', '2023001', [PAYPAL]);
    const both = played('张三', '2023001', [PAYPAL, REAL]);
    const known = new Set<string>();
    const a = newAttempts(known, attemptsOf(first, 'first.json', 'now'));
    expect(a).toMatchObject({ duplicates: 0 });
    a.added.forEach((x) => known.add(x.key));
    const fromCode = decodeResultCode(encodeResultCode(both));
    if (!('file' in fromCode)) throw new Error('code did not decode');
    const b = newAttempts(known, [...attemptsOf(both, 'final.json', 'now'), ...attemptsOf(fromCode.file, 'code', 'now')]);
    expect(b.added.map((x) => x.record.number)).toEqual([2]);
    expect(b.duplicates).toBe(3);
    // A student number typed with full-width digits is the same student.
    const wide = played('张三', '２０２３００１', [PAYPAL]);
    expect(newAttempts(known, attemptsOf(wide, 'wide.json', 'now')).duplicates).toBe(1);
  });

  it('records a reload on the debrief once, and survives being stored as JSON', () => {
    const file = played('张三', '2023001', [REAL]);
    let p = readProgress(JSON.parse(JSON.stringify({ format: 1, assignmentId: 'asg1', student: file.student, attempts: file.attempts, current: {} })), assignment);
    expect(p.attempts).toEqual(file.attempts);
    const attempt = replay(c, REAL)!;
    p = finish(p, assignment, c, resultOf(c, attempt), T0 + 10 ** 7);
    expect(p.attempts).toHaveLength(1);
    expect(readProgress({ format: 1, assignmentId: 'other' }, assignment)).toEqual(emptyProgress('asg1'));
    expect(readProgress('garbage', assignment).attempts).toEqual([]);
  });

  it('sets one damaged saved attempt aside and keeps the others, with prototype-free case keys', () => {
    const file = played('张三', '2023001', [PAYPAL, REAL]);
    const broken = { ...file.attempts[0], steps: 5 };
    const raw = { format: 1, assignmentId: 'asg1', student: file.student, attempts: [broken, file.attempts[1]], current: { constructor: { number: 1, startedAt: '2026-11-21T02:00:00Z', steps: [] } } };
    const p = readProgress(JSON.parse(JSON.stringify(raw)), assignment);
    expect(p.attempts).toEqual([file.attempts[1]]);
    expect(p.damaged).toEqual([JSON.parse(JSON.stringify(broken))]);
    // Kept when stored again, and still not counted.
    expect(readProgress(JSON.parse(JSON.stringify(p)), assignment).damaged).toHaveLength(1);
    expect(Object.getPrototypeOf(p.current)).toBeNull();
    expect(p.current.toString).toBeUndefined();
  });
});

describe('class table and summary', () => {
  const files = [
    played('张三', '2023001', [PAYPAL, REAL]),
    played('李四', '2023002', [PAYPAL]),
    played('Wang Wu', '2023003', [['opening.3', 'angry.1']], Date.parse('2026-11-23T00:00:00Z')),
  ];
  const stored = files.flatMap((f) => attemptsOf(f, 'x.json', 'now'));
  const rows = buildTable(assignment, stored, cases);

  it('has a row per student with the attempt that counts, attempts, time and lateness', () => {
    expect(rows.map((r) => [r.name, get(r.cells, c.id).attempts.length, get(r.cells, c.id).best?.result?.passed, get(r.cells, c.id).late])).toEqual([
      ['张三', 2, true, false],
      ['李四', 1, false, false],
      ['Wang Wu', 1, expect.any(Boolean), true],
    ]);
    // Two attempts of one reply and two replies: 61 s + 121 s.
    expect(get(nth(rows, 0).cells, c.id).timeSpent).toBe(61 + 121);
    expect(nth(rows, 0).passedAll).toBe(true);
  });

  it('counts first attempts at each decision point and the rules broken most', () => {
    const s = summarizeCase(c.id, c, rows);
    expect(s.students).toBe(3);
    expect(s.passed).toBe(1 + (get(nth(rows, 2).cells, c.id).best?.result?.passed ? 1 : 0));
    const opening = s.decisions.find((d) => d.node === 'opening')!;
    expect(opening.reached).toBe(3);
    expect(opening.replies.map((r) => [r.reply, r.count, r.weak])).toEqual([
      ['opening.1', 0, false],
      ['opening.2', 2, true],
      ['opening.3', 1, true],
    ]);
    expect(s.violations[0]).toEqual({ rule: 'P-OFFPLATFORM', severity: 'critical', students: 2 });
    expect(histogram([0, 9, 10, 55, 99, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });
});

describe('import', () => {
  it('imports each file or code on its own, refusing other assignments and bad input by name', async () => {
    const { importFile, importCode, splitCodes } = await import('../../src/assignment/import.ts');
    const good = played('张三', '2023001', [REAL]);
    const other = { ...good, assignment: { ...good.assignment, id: 'other', title: 'Other' } };
    expect(importFile('a.json', serializeResultFile(good), assignment, 'now')).toMatchObject({ label: 'a.json', attempts: [{ source: 'a.json' }] });
    expect(importFile('b.json', '{"format":', assignment, 'now')).toEqual({ label: 'b.json', problem: { kind: 'not-json' } });
    expect(importFile('c.json', serializeResultFile(other), assignment, 'now')).toMatchObject({ problem: { kind: 'edited' } });
    const code = encodeResultCode(good);
    const two = `${code.slice(0, 20)}\n${code.slice(20)}\nand ${encodeResultCode(played('李四', '2023002', [PAYPAL]))}`;
    const codes = splitCodes(two);
    expect(codes).toHaveLength(2);
    expect(importCode('code 1', nth(codes, 0), assignment, 'now')).toMatchObject({ file: { student: { name: '张三' } } });
    expect(importCode('code 1', nth(codes, 0).replace('and', '$'), assignment, 'now')).toMatchObject({ file: { student: { name: '张三' } } });
    expect(importCode('bad', code.slice(0, -5), assignment, 'now')).toEqual({ label: 'bad', problem: { kind: 'damaged-code' } });
    expect(importCode('code 2', nth(codes, 1), assignment, 'now')).toMatchObject({ file: { student: { name: '李四' } } });
    // A code relabelled with another assignment breaks its seal; a real one of another assignment is named.
    expect(importCode('code 3', encodeResultCode(other), assignment, 'now')).toEqual({ label: 'code 3', problem: { kind: 'edited' } });
    const otherFile = makeResultFile({ ...assignment, id: 'other', title: 'Other' }, good.student, good.attempts, good.savedAt);
    expect(importCode('code 4', encodeResultCode(otherFile), assignment, 'now')).toEqual({
      label: 'code 4',
      problem: { kind: 'other-assignment', title: 'Other', className: '2班' },
    });
    expect(splitCodes('  \n ')).toEqual([]);
  });
});
