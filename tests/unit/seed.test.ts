/**
 * The price-drop case, played every possible way: the real seller's path is a best path, and the
 * tempting replies that break rules fail with the rule cited.
 */
import { assert, describe, expect, it } from 'vitest';
import { realPath, replay, resultOf } from '../../src/engine/conversation.ts';
import { allPaths, byBest } from '../../src/engine/paths.ts';
import { loadCase } from './helpers.ts';

const c = loadCase('scenarios', 'aliexpress-price-drop.md');
const walk = allPaths(c);
const results = walk.results;

describe('the price-drop case', () => {
  it('keeps the facts of the real case', () => {
    expect(c.platform).toBe('AliExpress');
    expect(c.customer.name).toBe('Munirah');
    expect(c.seller.name).toBe('WANG');
    expect(c.order.total).toEqual({ amount: 8000, currency: 'USD' });
    expect(c.order.created).toBe('2018-04-30');
    expect(c.order.disputeReason.zh).toBe('产品降价');
  });

  it('ends every path at an ending, and every reply is on some path', () => {
    expect(walk.truncated).toBe(false);
    expect(walk.stuck).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
    const used = new Set(results.flatMap((r) => r.path.map((s) => s.reply)));
    const all = Object.values(c.nodes).flatMap((n) => n.replies.map((r) => r.id));
    expect(all.filter((id) => !used.has(id))).toEqual([]);
  });

  it('reaches at least three endings: the real refund, an escalation and a compliance failure', () => {
    const endings = new Set(results.map((r) => r.ending));
    expect(endings.size).toBeGreaterThanOrEqual(3);
    expect(results.some((r) => r.result === 'escalated' && r.ending === 'arbitration')).toBe(true);
    expect(results.some((r) => !r.passed && r.failedBecause.some((f) => f.kind === 'critical'))).toBe(true);
    expect(c.endings.arbitration?.result).toBe('escalated');
  });

  it('follows the real seller to the real outcome with a passing score', () => {
    const real = realPath(c);
    expect(real.map((s) => s.node)).toEqual(['dispute-opened', 'price-check', 'unfair', 'understands', 'confirm-8']);
    const r = resultOf(c, replay(c, real.map((s) => s.reply))!);
    expect(r.ending).toBe('refund-markdown');
    expect(r.outcome.en).toBe('Refund only USD 8.00 (EUR 6.89), paid by the seller');
    expect(r.outcome.zh).toContain('仅退款 USD 8.00');
    expect(r.refund).toEqual({ amount: 800, currency: 'USD' });
    expect(r.paidBy).toBe('seller');
    expect(r.satisfaction).toBeGreaterThanOrEqual(80);
    expect(r.compliance).toBe(100);
    expect(r.passed).toBe(true);
    expect(r.followedRealPath).toBe(true);
    // The real path is among the best-scoring paths.
    const best = [...results].sort(byBest)[0];
    assert.isDefined(best, 'the case has a path');
    expect(r.compliance).toBe(best.compliance);
    expect(r.satisfaction).toBe(best.satisfaction);
  });

  it('keeps the real conversation’s times in order', () => {
    const a = replay(c, realPath(c).map((s) => s.reply))!;
    expect(a.path.map((s) => s.replyTime)).toEqual([
      '2018-05-03T19:56:24',
      '2018-05-03T20:11:47',
      '2018-05-04T20:17:58',
      '2018-05-04T21:00:18',
      '2018-05-04T23:26:37',
    ]);
  });

  it('fails every path that promises a cancellation that cannot happen, citing the rule', () => {
    const promised = results.filter((r) => r.violations.some((v) => v.rule === 'P-CANCEL-HONEST'));
    expect(promised.length).toBeGreaterThan(0);
    for (const r of promised) expect(r.passed).toBe(false);
  });

  it('fails every path that pays outside AliExpress, citing the critical rule', () => {
    const offPlatform = results.filter((r) => r.violations.some((v) => v.rule === 'P-OFFPLATFORM'));
    expect(offPlatform.length).toBeGreaterThan(0);
    for (const r of offPlatform) {
      expect(r.passed).toBe(false);
      expect(r.failedBecause).toContainEqual(expect.objectContaining({ kind: 'critical', rules: expect.arrayContaining(['P-OFFPLATFORM']) }));
    }
  });

  it('fails a refund traded for a good review', () => {
    const traded = results.filter((r) => r.violations.some((v) => v.rule === 'P-FEEDBACK-TRADE'));
    expect(traded.length).toBeGreaterThan(0);
    for (const r of traded) expect(r.passed).toBe(false);
  });

  it('escalates when the buyer is angry enough', () => {
    const redirected = results.filter((r) => r.path.some((s) => s.redirectedVia.length > 0));
    expect(redirected.length).toBeGreaterThan(0);
  });
});
