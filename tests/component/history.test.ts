import { beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_LIMIT, historyKey, readHistory, type HistoryEntry } from '../../src/ui/history.ts';

const entry = (id: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  finishedAt: '2026-11-20T09:30:00.000Z',
  caseVersion: '1',
  ending: 'end',
  result: 'resolved',
  passed: true,
  satisfaction: 80,
  compliance: 100,
  violations: [],
  replies: ['opening.1', 'photo.1'],
  feedback: 'immediate',
  hints: false,
  ...extra,
});

const key = historyKey('mug');
beforeEach(() => localStorage.clear());

describe('attempt history', () => {
  it('keeps finished attempts in order, each once', () => {
    appendHistory(localStorage, 'mug', entry('a'));
    appendHistory(localStorage, 'mug', entry('b', { passed: false, compliance: 50, violations: ['P-OFFPLATFORM'] }));
    const again = appendHistory(localStorage, 'mug', entry('a'));
    expect(again.map((e) => e.id)).toEqual(['a', 'b']);
    expect(readHistory(localStorage, 'mug')).toEqual({ entries: again });
  });

  it('forgets the oldest attempts beyond the limit', () => {
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) appendHistory(localStorage, 'mug', entry(`e${i}`));
    const { entries } = readHistory(localStorage, 'mug');
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]?.id).toBe('e3');
  });

  /** The copies set aside, as stored, by key. */
  const keptCopies = () => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith(`${key}:unreadable:`)).map((k) => [k, localStorage.getItem(k)]));

  it('sets aside a history that is not JSON, kept as it was, and says so', () => {
    localStorage.setItem(key, '[{"id": ');
    expect(readHistory(localStorage, 'mug')).toEqual({ entries: [], problem: 'unreadable' });
    expect(localStorage.getItem(key)).toBeNull();
    expect(Object.values(keptCopies())).toEqual(['[{"id": ']);
  });

  it('clears a history of another format', () => {
    localStorage.setItem(key, JSON.stringify([entry('a')]));
    expect(readHistory(localStorage, 'mug').problem).toBe('unreadable');
  });

  it('keeps the readable entries of a partly damaged history and stores them cleaned', () => {
    const damaged = { ...entry('bad'), satisfaction: 'lots' };
    localStorage.setItem(key, JSON.stringify({ format: 1, attempts: [entry('a'), damaged, null, entry('c', { result: 'won' as never })] }));
    const read = readHistory(localStorage, 'mug');
    expect(read.problem).toBe('partly');
    expect(read.entries.map((e) => e.id)).toEqual(['a']);
    expect(readHistory(localStorage, 'mug')).toEqual({ entries: read.entries });
    // The whole history as it was is kept aside, once.
    expect(Object.values(keptCopies()).map((v) => JSON.parse(v!).attempts.length)).toEqual([4]);
  });

  it('keeps attempts made on an earlier version of the case', () => {
    appendHistory(localStorage, 'mug', entry('old', { caseVersion: '0' }));
    expect(readHistory(localStorage, 'mug').entries[0]?.caseVersion).toBe('0');
  });
});
