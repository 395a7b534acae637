/** The small pure pieces behind the library, the debrief chart and the key phrases. */
import { describe, expect, it } from 'vitest';
import { satisfactionChart } from '../../src/ui/chart.ts';
import { applyFilter, disputeKey, filterChoices, progressOf } from '../../src/ui/library.ts';
import { phrasesUsed, plainText } from '../../src/ui/phrases.ts';
import { appendHistory } from '../../src/ui/history.ts';
import { saveKey } from '../../src/ui/saves.ts';
import { failedResult, mugCase } from './fixtures.ts';
import { nth } from '../fixtures/present.ts';

describe('the satisfaction chart', () => {
  const chart = satisfactionChart(40, failedResult.path, 60, { width: 320, height: 160 });

  it('has a point for the start and one per turn, left to right', () => {
    expect(chart.points.map((p) => [p.turn, p.satisfaction, p.delta])).toEqual([
      [0, 40, 0],
      [1, 50, 10],
      [2, 75, 25],
    ]);
    const xs = chart.points.map((p) => p.x);
    expect(xs[0]).toBe(chart.left);
    expect(xs.at(-1)).toBe(chart.right);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('puts higher satisfaction higher, 0 at the bottom and 100 at the top', () => {
    const y = (v: number) => chart.yTicks.find((t) => t.value === v)!.y;
    expect(y(0)).toBe(chart.bottom);
    expect(y(100)).toBe(chart.top);
    expect(nth(chart.points, 2).y).toBeLessThan(nth(chart.points, 1).y);
    expect(chart.pass?.y).toBeCloseTo(chart.bottom - 0.6 * (chart.bottom - chart.top), 1);
  });

  it('marks the turns in which a rule was broken and draws one line through every point', () => {
    expect(chart.points.map((p) => p.violations)).toEqual([[], ['P-OFFPLATFORM'], []]);
    expect(chart.line.split(/[ML]/).filter(Boolean)).toHaveLength(3);
  });

  it('copes with an attempt of no turns', () => {
    const empty = satisfactionChart(35, []);
    expect(empty.points).toHaveLength(1);
    expect(empty.line).toBe(`M${empty.left} ${empty.points[0]?.y}`);
  });
});

describe('key phrases', () => {
  it('compares text without tags, curly quotes, case or end punctuation', () => {
    expect(plainText('<p>I’m  <strong>SORRY</strong></p>')).toBe("i'm sorry");
  });

  it('ticks the phrases the learner used', () => {
    const c = { ...mugCase, phrases: [...mugCase.phrases, { en: 'Could you send a photo?', zh: '能发张照片吗？' }] };
    const used = phrasesUsed(c, [{ node: 'opening', reply: 'opening.1' }]);
    expect(used.map((u) => u.used)).toEqual([false, true]);
  });
});

describe('the library', () => {
  const summaries = [
    { id: 'a', platform: 'eBay', disputeType: { en: 'Not received', zh: '未收到货' } },
    { id: 'b', platform: 'AliExpress', disputeType: { en: 'Price drop' } },
    { id: 'c', platform: 'AliExpress', disputeType: { zh: '未收到货', en: 'not received' } },
    { id: 'd', platform: 'Amazon' },
  ];

  it('offers each platform and dispute type once, sorted', () => {
    const choices = filterChoices(summaries);
    expect(choices.platforms).toEqual(['AliExpress', 'Amazon', 'eBay']);
    expect(choices.disputes.map((d) => d.key)).toEqual(['not received', 'price drop']);
  });

  it('keeps the cases that match every filter set', () => {
    expect(applyFilter(summaries, { platform: '', dispute: '' }).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(applyFilter(summaries, { platform: 'AliExpress', dispute: '' }).map((s) => s.id)).toEqual(['b', 'c']);
    expect(applyFilter(summaries, { platform: '', dispute: disputeKey({ en: 'Not received' }) }).map((s) => s.id)).toEqual(['a', 'c']);
    expect(applyFilter(summaries, { platform: 'eBay', dispute: 'price drop' })).toEqual([]);
  });

  it('tells a case’s best attempt and an attempt in progress from storage', () => {
    localStorage.clear();
    const base = { finishedAt: '2026-11-20T09:30:00.000Z', caseVersion: '1', ending: 'end', result: 'resolved' as const, violations: [], replies: [], feedback: 'immediate' as const, hints: false };
    appendHistory(localStorage, 'mug', { ...base, id: '1', passed: false, satisfaction: 90, compliance: 50 });
    appendHistory(localStorage, 'mug', { ...base, id: '2', passed: true, satisfaction: 61, compliance: 100 });
    appendHistory(localStorage, 'mug', { ...base, id: '3', passed: true, satisfaction: 70, compliance: 90 });
    localStorage.setItem(saveKey('mug'), JSON.stringify({ format: 1, replies: ['opening.1'], state: 'awaitingReply' }));
    const p = progressOf('mug', localStorage);
    expect(p).toMatchObject({ attempts: 3, passedOnce: true, inProgress: 1 });
    expect(p.best?.id).toBe('2');
    expect(progressOf('other', localStorage)).toEqual({ attempts: 0, passedOnce: false });
  });
});
