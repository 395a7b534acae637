/**
 * The reply order per attempt (src/engine/order.ts), the answer-leak figures (leaks.ts), "no pass
 * possible from here" (hope.ts) and blind play (blind.ts): pure engine, no browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignCase, asAssigned } from '../../src/assignment/assignment.ts';
import { begin, emptyProgress, finish, handIn, track, type Progress } from '../../src/assignment/progress.ts';
import { decodeResultCode, encodeResultCode, makeResultFile, readResultFile } from '../../src/assignment/result-file.ts';
import type { Assignment, ResultFile } from '../../src/assignment/types.ts';
import { parseCase } from '../../src/case/parse.ts';
import { parseRulebook } from '../../src/case/rulebook.ts';
import type { Case, CaseNode, Reply } from '../../src/case/types.ts';
import { blindFigures, BLIND_SEEDS, passesCase, pick, playBlind } from '../../src/engine/blind.ts';
import { checkCase } from '../../src/engine/check.ts';
import { markedPathKind, replay, resultOf, startAttempt } from '../../src/engine/conversation.ts';
import { passLostAt, passPossible } from '../../src/engine/hope.ts';
import { bestReply, hasHint, isLongest, leakFigures, longestShare, temptingTraps } from '../../src/engine/leaks.ts';
import { restoreConversation, saveConversation, conversationMachine } from '../../src/engine/machine.ts';
import { inShownOrder, isSeed, shownAlong, shownReplies } from '../../src/engine/order.ts';
import { createActor } from 'xstate';
import { get, nth } from '../fixtures/present.ts';
import { fixtureCase, loadCase } from './helpers.ts';

const c = fixtureCase();
const read = (path: string) => readFileSync(path, 'utf8');
const rulebooks = { test: parseRulebook(read('tests/fixtures/cases/rulebooks/test.md'), 'test.md').value! };

/** A decision point with five replies, the fourth kept last and the second kept first. */
const reply = (id: string, extra: Partial<Reply> = {}): Reply => ({
  id, text: id, next: 'end', satisfaction: 0, follows: [], breaks: [], feedback: {}, set: [], unset: [], real: false, at: { line: 1, column: 1 }, ...extra,
});
const five = ['a', 'b', 'c', 'd', 'e'].map((id) => reply(id));
const ids = (rs: Reply[]) => rs.map((r) => r.id);
const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 1);

describe('the order replies are shown in', () => {
  it('is the same every time for the same attempt seed and decision point', () => {
    for (const seed of SEEDS) expect(ids(inShownOrder(five, 'n', seed))).toEqual(ids(inShownOrder(five, 'n', seed)));
  });

  it('differs between attempts: over many seeds every reply is shown first at some point, none far more often than chance', () => {
    const firsts = new Map<string, number>();
    const orders = new Set<string>();
    for (const seed of SEEDS) {
      const shown = ids(inShownOrder(five, 'n', seed));
      expect([...shown].sort()).toEqual(ids(five));
      orders.add(shown.join(''));
      const first = nth(shown, 0);
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(orders.size).toBeGreaterThan(20);
    expect([...firsts.keys()].sort()).toEqual(ids(five));
    // Chance is 8 of 40 each; a fixed tell would be 40.
    for (const n of firsts.values()) expect(n).toBeLessThan(20);
  });

  it('differs between decision points of one attempt', () => {
    const orders = new Set(['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((node) => ids(inShownOrder(five, node, 42)).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps a reply marked keep: first first and keep: last last, for every seed', () => {
    const kept = [reply('a'), reply('b', { keep: 'last' }), reply('c'), reply('d', { keep: 'first' }), reply('e')];
    for (const seed of SEEDS) {
      const shown = ids(inShownOrder(kept, 'n', seed));
      expect(shown[0]).toBe('d');
      expect(shown.at(-1)).toBe('b');
    }
  });

  it('is the file order without a seed (studio, path report, checker, older files)', () => {
    expect(ids(inShownOrder(five, 'n', undefined))).toEqual(ids(five));
    expect(ids(shownReplies(c, startAttempt(c)))).toEqual(ids(get(c.nodes, 'opening').replies));
  });

  it('follows the attempt through its path, and the teacher sees the same order', () => {
    const seed = 123456789;
    const a = replay(c, ['opening.1'], seed)!;
    expect(a.seed).toBe(seed);
    const along = shownAlong(c, ['opening.1', 'photo.1'], seed);
    expect(along.map(ids)).toEqual([ids(shownReplies(c, startAttempt(c, seed))), ids(shownReplies(c, a))]);
    expect(resultOf(c, replay(c, ['opening.1', 'photo.1'], seed)!).seed).toBe(seed);
  });

  it('survives a save and a reload', () => {
    const actor = createActor(conversationMachine, { input: { case: c, attempt: startAttempt(c, 987654321), settings: { typingMs: 0 } } }).start();
    actor.send({ type: 'CHOOSE', reply: 'opening.1' });
    const saved = JSON.parse(JSON.stringify(saveConversation(actor.getSnapshot())));
    expect(saved.seed).toBe(987654321);
    const restored = restoreConversation(c, saved);
    expect('input' in restored && restored.input.attempt?.seed).toBe(987654321);
    // A save from before the shuffle has no seed: file order.
    const { seed: _seed, ...old } = saved;
    const restoredOld = restoreConversation(c, old);
    expect('input' in restoredOld && restoredOld.input.attempt?.seed).toBeUndefined();
    actor.send({ type: 'RESTART', seed: 5 });
    expect(actor.getSnapshot().context.attempt.seed).toBe(5);
    actor.stop();
  });

  it('accepts only whole 32-bit seeds', () => {
    expect([0, 1, 0xffffffff].every(isSeed)).toBe(true);
    expect([-1, 1.5, 2 ** 32, '1', null].some(isSeed)).toBe(false);
  });
});

describe('keep: in a case file', () => {
  const withKeep = (value: string) => read('tests/fixtures/cases/valid.md').replace('   - feedback: 没有根据的说法。\n', `   - feedback: 没有根据的说法。\n   - keep: ${value}\n`);

  it.each([['last', 'last'], ['first', 'first'], ['最后', 'last'], ['最前', 'first']] as const)('keep: %s', (value, place) => {
    const r = parseCase(withKeep(value), { rulebooks });
    expect(r.diagnostics).toEqual([]);
    expect(nth(get(r.value!.nodes, 'opening').replies, 2).keep).toBe(place);
  });

  it('accepts the Chinese key 固定', () => {
    const r = parseCase(withKeep('last').replace('   - keep: last', '   - 固定: 最后'), { rulebooks });
    expect(nth(get(r.value!.nodes, 'opening').replies, 2).keep).toBe('last');
  });

  it('reports a bad value as KEEP_INVALID where it is written', () => {
    const r = parseCase(withKeep('end'), { rulebooks });
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['KEEP_INVALID 52:12']);
    expect(r.diagnostics[0]?.hint?.en).toContain('keep: last');
  });
});

describe('the best reply and the answer-leak figures', () => {
  const node = (replies: Reply[]): CaseNode => ({ id: 'n', redirects: [], replies, at: { line: 1, column: 1 } });

  it('the best reply breaks no rule and has the highest change; a tie means none', () => {
    const trap = reply('trap', { satisfaction: 20, breaks: ['P-X'], text: 'a much longer trap' });
    const good = reply('good', { satisfaction: 10, text: 'good' });
    const meh = reply('meh', { satisfaction: 5 });
    expect(bestReply(node([trap, good, meh]))?.id).toBe('good');
    expect(bestReply(node([trap, good, reply('also', { satisfaction: 10 })]))).toBeUndefined();
    expect(temptingTraps(node([trap, good, meh])).map((r) => r.id)).toEqual(['trap']);
    expect(isLongest(node([trap, good, meh]), good)).toBe(false);
    expect(isLongest(node([trap, good, meh]), trap)).toBe(true);
  });

  it('a hint on the node or on any reply counts', () => {
    expect(hasHint(node([reply('a'), reply('b')]))).toBe(false);
    expect(hasHint({ ...node([reply('a'), reply('b')]), hint: { en: 'Look at the order card.' } })).toBe(true);
    expect(hasHint(node([reply('a'), reply('b', { hint: { zh: '看订单卡片。' } })]))).toBe(true);
  });

  it('counts the valid fixture: two decision points, best longest at both, no tempting trap, no hints', () => {
    const f = leakFigures(c);
    expect(f).toMatchObject({ points: 2, withBest: 2, bestIsLongest: 2, traps: [], hinted: 0, unhinted: ['opening', 'photo'] });
    expect(longestShare(f)).toBe(1);
  });

  it('the checker warns on exactly what the figures show', () => {
    const codes = (file: string) => checkCase(read(`tests/fixtures/diagnostics/${file}`), { file, rulebooks }).diagnostics.map((d) => d.code);
    expect(codes('HINT_MISSING.md')).toEqual(['HINT_MISSING']);
    expect(codes('BEST_IS_LONGEST.md')).toEqual(['BEST_IS_LONGEST']);
    expect(codes('NO_TEMPTING_TRAP.md')).toEqual(['NO_TEMPTING_TRAP']);
    const clean = checkCase(read('tests/fixtures/diagnostics/HINT_MISSING.md'), { rulebooks }).value!;
    expect(leakFigures(clean)).toMatchObject({ points: 2, withBest: 2, bestIsLongest: 1, traps: [{ node: 'opening', reply: 'opening.2', satisfaction: 20, best: 15 }], hinted: 1 });
  });
});

describe('no pass possible from here', () => {
  it('is worked out by the path check', () => {
    expect(passPossible(c, startAttempt(c))).toBe(true);
    // PayPal breaks a critical rule: nothing after it can pass.
    expect(passLostAt(c, ['opening.2'])).toBe(1);
    expect(passLostAt(c, ['opening.1', 'photo.1'])).toBeUndefined();
    // "It was fine when it left us": 40 − 20 = 20, and the only way on adds 20: 40 is below the pass mark of 60.
    expect(passPossible(c, replay(c, ['opening.3'])!)).toBe(false);
    expect(passLostAt(c, ['opening.3', 'angry.1'])).toBe(1);
  });

  it('a pass stays possible on the real path of every turn of the seed case', () => {
    const seed = loadCase('scenarios', 'aliexpress-price-drop.md');
    const path = ['dispute-opened.1', 'price-check.1', 'unfair.1', 'understands.1', 'confirm-8.1'];
    expect(resultOf(seed, replay(seed, path)!).passed).toBe(true);
    expect(passLostAt(seed, path)).toBeUndefined();
  });
});

describe('blind play', () => {
  it('picks the first, longest or last of the replies shown', () => {
    const shown = [reply('a', { text: 'short' }), reply('b', { text: 'the longest one' }), reply('c', { text: 'medium one' })];
    expect(pick('first', shown).id).toBe('a');
    expect(pick('longest', shown).id).toBe('b');
    expect(pick('last', shown).id).toBe('c');
  });

  it('gives the same figures on every run, one attempt per fixed seed', () => {
    const figures = blindFigures(c);
    expect(figures).toEqual(blindFigures(c));
    for (const f of figures) expect(f.attempts).toBe(BLIND_SEEDS.length);
    // The valid fixture's best reply is always the longest: longest passes every time.
    expect(figures.find((f) => f.strategy === 'longest')).toMatchObject({ passed: BLIND_SEEDS.length });
    expect(passesCase(figures.find((f) => f.strategy === 'longest')!)).toBe(true);
    // In file order (no seed) the first reply is the best, as the checker would warn.
    expect(playBlind(c, 'first', undefined)?.passed).toBe(true);
  });
});

describe('the seed in the result file and code', () => {
  const assignment: Assignment = {
    format: 1, id: 'asg1', className: '2班', title: 'Mug', created: '2026-11-20T00:00:00Z',
    settings: { feedback: 'immediate', hints: false, attempts: 0, showRealPath: true },
    cases: [assignCase(c)],
  };
  const T0 = Date.parse('2026-11-21T02:00:00Z');
  function handed(seed?: number): ResultFile {
    let p: Progress = { ...emptyProgress(assignment.id), student: { name: '张三', number: '2023001' } };
    p = begin(p, c.id, T0);
    const a = replay(asAssigned(assignment, c), ['opening.1', 'photo.1'], seed)!;
    p = track(p, c.id, a.path, T0 + 60_000);
    p = finish(p, assignment, c, resultOf(asAssigned(assignment, c), a), T0 + 120_000);
    return handIn(p, assignment, T0 + 180_000)!;
  }

  it('is kept in the file and the code, and sealed', () => {
    const file = handed(4242);
    expect(file.attempts[0]?.seed).toBe(4242);
    const back = readResultFile(JSON.parse(JSON.stringify(file)));
    expect('file' in back && back.file.attempts[0]?.seed).toBe(4242);
    const decoded = decodeResultCode(encodeResultCode(file));
    expect('file' in decoded && decoded.file.attempts[0]?.seed).toBe(4242);
    const edited = JSON.parse(JSON.stringify(file));
    edited.attempts[0].seed = 4243;
    expect(readResultFile(edited)).toEqual({ problem: { kind: 'edited' } });
  });

  it('is absent from older files and codes, which still read (shown in file order)', () => {
    const file = handed();
    expect(nth(file.attempts, 0)).not.toHaveProperty('seed');
    expect('file' in readResultFile(JSON.parse(JSON.stringify(file)))).toBe(true);
    const decoded = decodeResultCode(encodeResultCode(file));
    if (!('file' in decoded)) throw new Error('the code was refused');
    expect(nth(decoded.file.attempts, 0)).not.toHaveProperty('seed');
  });

  it('refuses a seed that is not a whole 32-bit number', () => {
    const file = handed(1);
    const bad = { ...file, attempts: [{ ...nth(file.attempts, 0), seed: -3 }] };
    expect(readResultFile(makeResultFile(assignment, file.student, bad.attempts, file.savedAt))).toEqual({ problem: { kind: 'invalid', field: 'attempts.0.seed' } });
  });
});

describe('which path is the real seller’s', () => {
  it('only a case that names its source calls its marked path real', () => {
    expect(markedPathKind(c)).toBe('model');
    const sourced = parseCase(read('tests/fixtures/cases/valid.md').replace('start: opening\n', 'start: opening\nsource: Teaching case, 2018\n'), { rulebooks });
    expect(sourced.value!.source).toBe('Teaching case, 2018');
    expect(markedPathKind(sourced.value! as Case)).toBe('real');
  });
});
