/**
 * Three AliExpress cases played through: import VAT at the door, a counterfeit claim over a
 * "compatible" listing, and a buyer who wants to deal off the platform. Each model path passes
 * with full compliance; each tempting path that pleases the buyer but breaks a critical rule fails.
 */
import { assert, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/types.ts';
import { realPath, replay, resultOf } from '../../src/engine/conversation.ts';
import { allPaths, byBest } from '../../src/engine/paths.ts';
import type { Result } from '../../src/engine/types.ts';
import { loadCase } from './helpers.ts';

interface Expected {
  file: string;
  best: { replies: string[]; ending: string; satisfaction: number; refund: { amount: number; currency: string } };
  critical: { replies: string[]; ending: string; rule: string }[];
  escalation: { replies: string[] };
}

const cases: Expected[] = [
  {
    file: 'aliexpress-import-vat.md',
    best: {
      replies: ['door-charge.1', 'receipt.1', 'fair-question.1', 'future-orders.1', 'wrap-up.1'],
      ending: 'goodwill-refund',
      satisfaction: 83,
      refund: { amount: 1000, currency: 'EUR' },
    },
    critical: [
      // Full €40.20 by PayPal if he closes the dispute: he is pleased (62), and it fails.
      { replies: ['door-charge.1', 'receipt.1', 'fair-question.3'], ending: 'paypal-deal', rule: 'P-OFFPLATFORM' },
      // "Next time we'll declare it as a gift": he is delighted, and it fails.
      { replies: ['door-charge.1', 'receipt.1', 'fair-question.1', 'future-orders.2'], ending: 'gift-declaration', rule: 'P-CUSTOMS-HONEST' },
    ],
    escalation: { replies: ['door-charge.2', 'not-our-problem.2'] },
  },
  {
    file: 'aliexpress-counterfeit-claim.md',
    best: {
      replies: ['dispute-opened.1', 'listing-check.1', 'refund-request.1', 'review-intent.1', 'closing.1'],
      ending: 'full-refund',
      satisfaction: 89,
      refund: { amount: 2500, currency: 'USD' },
    },
    critical: [{ replies: ['dispute-opened.1', 'listing-check.1', 'refund-request.2'], ending: 'review-traded', rule: 'P-FEEDBACK-TRADE' }],
    escalation: { replies: ['dispute-opened.2', 'original-claim.3'] },
  },
  {
    file: 'aliexpress-off-platform-request.md',
    best: {
      replies: ['dispute-opened.1', 'why-here.1', 'next-steps.1', 'phone-number.1'],
      ending: 'bulk-order',
      satisfaction: 89,
      refund: { amount: 1720, currency: 'USD' },
    },
    critical: [
      { replies: ['dispute-opened.2', 'whatsapp-deal.2'], ending: 'off-platform-deal', rule: 'P-OFFPLATFORM' },
      { replies: ['dispute-opened.1', 'why-here.1', 'next-steps.3'], ending: 'customs-deal', rule: 'P-CUSTOMS-HONEST' },
    ],
    escalation: { replies: ['dispute-opened.3', 'cold-refusal.3'] },
  },
];

const play = (c: Case, replies: string[]): Result => {
  const a = replay(c, replies);
  assert.isDefined(a, `transcript ${replies.join(' ')} fits the case`);
  expect(a.ended).toBe(true);
  return resultOf(c, a);
};

for (const x of cases) {
  describe(x.file, () => {
    const c = loadCase('scenarios', x.file);
    const walk = allPaths(c);

    it('replays the model seller’s path to a pass with full compliance', () => {
      const r = play(c, x.best.replies);
      expect(r.ending).toBe(x.best.ending);
      expect(r.result).toBe('resolved');
      expect(r.satisfaction).toBe(x.best.satisfaction);
      expect(r.satisfaction).toBeGreaterThanOrEqual(80);
      expect(r.compliance).toBe(100);
      expect(r.violations).toEqual([]);
      expect(r.passed).toBe(true);
      expect(r.refund).toEqual(x.best.refund);
      expect(r.paidBy).toBe('seller');
      // The transcript is the path marked `real`, and no path scores better.
      expect(realPath(c).map((s) => s.reply)).toEqual(x.best.replies);
      expect(r.followedRealPath).toBe(true);
      const best = [...walk.results].sort(byBest)[0];
      assert.isDefined(best, 'the case has a path');
      expect(byBest(r, best)).toBeLessThanOrEqual(0);
    });

    it('gives the best path at least four customer turns, with simulated times in order', () => {
      const a = replay(c, x.best.replies)!;
      const spoken = a.path.filter((s) => c.nodes[s.node]?.message);
      expect(spoken.length).toBeGreaterThanOrEqual(4);
      const times = a.path.flatMap((s) => [s.nodeTime, s.replyTime]);
      expect(times.every(Boolean)).toBe(true);
      expect([...times].sort()).toEqual(times);
    });

    for (const bad of x.critical)
      it(`fails the tempting path to ${bad.ending} on ${bad.rule}, however pleased the buyer is`, () => {
        const r = play(c, bad.replies);
        expect(r.ending).toBe(bad.ending);
        expect(r.passed).toBe(false);
        expect(r.satisfaction).toBeGreaterThanOrEqual(60);
        expect(r.path.some((s) => s.delta > 0 && s.violations.some((v) => v.rule === bad.rule))).toBe(true);
        expect(r.failedBecause).toContainEqual(expect.objectContaining({ kind: 'critical', rules: expect.arrayContaining([bad.rule]) }));
      });

    it('escalates when the seller brushes the buyer off', () => {
      const r = play(c, x.escalation.replies);
      expect(r.result).toBe('escalated');
      expect(r.passed).toBe(false);
    });

    it('ends every path, reaches at least three endings including an escalation, and fails every critical violation', () => {
      expect(walk.truncated).toBe(false);
      expect(walk.stuck).toEqual([]);
      const endings = new Set(walk.results.map((r) => r.ending));
      expect(endings.size).toBeGreaterThanOrEqual(3);
      expect(walk.results.some((r) => r.result === 'escalated')).toBe(true);
      const critical = walk.results.filter((r) => r.violations.some((v) => v.severity === 'critical'));
      expect(critical.length).toBeGreaterThan(0);
      for (const r of critical) expect(r.passed).toBe(false);
      const used = new Set(walk.results.flatMap((r) => r.path.map((s) => s.reply)));
      const all = Object.values(c.nodes).flatMap((n) => n.replies.map((r) => r.id));
      expect(all.filter((id) => !used.has(id))).toEqual([]);
    });

    it('reacts to the buyer’s mood: some path is redirected by a `go to`', () => {
      expect(walk.results.some((r) => r.path.some((s) => s.redirectedVia.length > 0))).toBe(true);
    });
  });
}
