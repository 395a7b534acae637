/**
 * The Amazon, eBay and Shopee cases, played from transcripts: the model seller's path passes with
 * full compliance, a tempting reply that breaks a critical rule fails with that rule cited, and
 * every way through each case ends at an ending, including an escalation.
 */
import { assert, describe, expect, it } from 'vitest';
import { realPath, replay, resultOf } from '../../src/engine/conversation.ts';
import { allPaths, byBest } from '../../src/engine/paths.ts';
import { loadCase } from './helpers.ts';

interface Transcript {
  replies: string[];
  ending: string;
}

interface Expectation {
  file: string;
  platform: string;
  rulebook: string;
  best: Transcript & { satisfaction: number; times: string[] };
  failing: Transcript & { rule: string };
  escalation: string;
}

const CASES: Expectation[] = [
  {
    file: 'amazon-cancel-after-shipment.md',
    platform: 'Amazon',
    rulebook: 'amazon',
    best: {
      replies: ['cancel-request.3', 'why-not-cancel.2', 'choice.2', 'refund-done.2'],
      ending: 'kept-with-refund',
      satisfaction: 86,
      // Beijing time: her Tuesday-night message reaches the seller on Wednesday morning.
      times: ['2025-09-17T10:05:00', '2025-09-17T10:31:00', '2025-09-17T10:52:00', '2025-09-18T08:35:00'],
    },
    // Tempted by an easy Venmo refund off Amazon.
    failing: { replies: ['cancel-request.3', 'why-not-cancel.3'], ending: 'venmo-refund', rule: 'P-OFFPLATFORM' },
    escalation: 'amazon-steps-in',
  },
  {
    file: 'ebay-negative-feedback.md',
    platform: 'eBay',
    rulebook: 'ebay',
    best: {
      replies: ['feedback-left.3', 'graham-writes.3', 'graham-accepts.2', 'refund-arrived.2'],
      ending: 'feedback-revised',
      satisfaction: 82,
      // Beijing time: the seller answers within the buyer's morning in Leeds, eight hours behind.
      times: ['2025-02-21T09:30:00', '2025-02-21T17:40:00', '2025-02-21T18:35:00', '2025-02-25T09:05:00'],
    },
    // "£8 back once you've revised the feedback": he is pleased, and it is feedback extortion.
    failing: { replies: ['feedback-left.3', 'graham-writes.1'], ending: 'feedback-for-refund', rule: 'P-FEEDBACK-TRADE' },
    escalation: 'ebay-report',
  },
  {
    file: 'shopee-partial-shipment.md',
    platform: 'Shopee',
    rulebook: 'shopee',
    best: {
      replies: ['request-opened.2', 'photo-sent.4', 'choose-remedy.3', 'refund-done.2'],
      ending: 'refunded-in-time',
      satisfaction: 83,
      times: ['2025-06-17T08:05:00', '2025-06-17T08:35:00', '2025-06-17T09:00:00', '2025-06-17T13:20:00'],
    },
    // A GCash refund outside Shopee, on condition the refund request is withdrawn.
    failing: { replies: ['request-opened.2', 'photo-sent.1'], ending: 'gcash-refund', rule: 'P-OFFPLATFORM' },
    escalation: 'shopee-dispute',
  },
  {
    file: 'shopee-review-threat.md',
    platform: 'Shopee',
    rulebook: 'shopee',
    best: {
      replies: ['threat.3', 'tab-check.3', 'photo-box.2', 'after-live.1'],
      ending: 'fair-rating',
      satisfaction: 82,
      times: ['2025-09-12T22:30:00', '2025-09-12T22:55:00', '2025-09-12T23:20:00', '2025-09-14T11:35:00'],
    },
    // Giving in to the threat: a full refund for 5 stars.
    failing: { replies: ['threat.2'], ending: 'bought-rating', rule: 'P-FEEDBACK-TRADE' },
    escalation: 'shopee-dispute',
  },
];

for (const x of CASES) {
  describe(x.file, () => {
    const c = loadCase('scenarios', x.file);
    const walk = allPaths(c);

    it('names its platform and rulebook', () => {
      expect(c.platform).toBe(x.platform);
      expect(c.rulebook).toBe(x.rulebook);
    });

    it('replays the model path to a passing ending with full compliance', () => {
      const a = replay(c, x.best.replies);
      assert.isDefined(a, 'the model transcript fits the case');
      const r = resultOf(c, a);
      expect(r.ending).toBe(x.best.ending);
      expect(r.result).toBe('resolved');
      expect(r.satisfaction).toBe(x.best.satisfaction);
      expect(r.satisfaction).toBeGreaterThanOrEqual(80);
      expect(r.compliance).toBe(100);
      expect(r.violations).toEqual([]);
      expect(r.passed).toBe(true);
      expect(r.followedRealPath).toBe(true);
      expect(r.path.map((s) => s.replyTime)).toEqual(x.best.times);
    });

    it('marks the model path as the real one, and no path scores better', () => {
      expect(realPath(c).map((s) => s.reply)).toEqual(x.best.replies);
      const best = [...walk.results].sort(byBest)[0];
      assert.isDefined(best, 'the case has a path');
      expect(best.passed).toBe(true);
      expect(best.compliance).toBe(100);
      expect(best.satisfaction).toBe(x.best.satisfaction);
    });

    it('fails a tempting reply that breaks a critical rule, citing it', () => {
      const a = replay(c, x.failing.replies);
      assert.isDefined(a, 'the failing transcript fits the case');
      const r = resultOf(c, a);
      expect(r.ending).toBe(x.failing.ending);
      expect(r.passed).toBe(false);
      expect(r.failedBecause).toContainEqual({ kind: 'critical', rules: expect.arrayContaining([x.failing.rule]) });
      // The buyer was pleased by it: the violation, not the mood, fails the attempt.
      expect(r.path.at(-1)!.delta).toBeGreaterThan(0);
    });

    it('ends every path at an ending, reaching at least three, one of them an escalation', () => {
      expect(walk.truncated).toBe(false);
      expect(walk.stuck).toEqual([]);
      const endings = new Set(walk.results.map((r) => r.ending));
      expect(endings.size).toBeGreaterThanOrEqual(3);
      expect(walk.results.some((r) => r.ending === x.escalation && r.result === 'escalated')).toBe(true);
    });

    it('fails every path that breaks a critical rule, and offers every reply on some path', () => {
      const critical = walk.results.filter((r) => r.violations.some((v) => v.severity === 'critical'));
      expect(critical.length).toBeGreaterThan(0);
      for (const r of critical) expect(r.passed).toBe(false);
      const used = new Set(walk.results.flatMap((r) => r.path.map((s) => s.reply)));
      const all = Object.values(c.nodes).flatMap((n) => n.replies.map((r) => r.id));
      expect(all.filter((id) => !used.has(id))).toEqual([]);
    });

    it('reacts to an angry buyer with a satisfaction-dependent redirect', () => {
      expect(walk.results.some((r) => r.path.some((s) => s.redirectedVia.length > 0))).toBe(true);
    });
  });
}
