/**
 * Four AliExpress cases (customs delay, wrong colour, wrong size, broken cup), each played by
 * transcript: the model seller's path passes with full compliance, a critical violation fails
 * however the story ends, and every path through the case reaches an ending.
 */
import { assert, describe, expect, it } from 'vitest';
import { realPath, replay, resultOf } from '../../src/engine/conversation.ts';
import { allPaths, byBest } from '../../src/engine/paths.ts';
import { loadCase } from './helpers.ts';
import { nth } from '../fixtures/present.ts';

interface Transcript {
  replies: string[];
  ending: string;
}
interface CaseFacts {
  file: string;
  customer: string;
  amount: number;
  best: Transcript & { satisfaction: number };
  /** A path that breaks `rule` (critical) on the way to `ending`. */
  failing: Transcript & { rule: string };
}

const CASES: CaseFacts[] = [
  {
    file: 'aliexpress-stuck-in-customs.md',
    customer: 'Rafael',
    amount: 1200,
    best: {
      replies: ['first-message.3', 'tax-worry.2', 'carrier-answer.2', 'wait-or-resend.3', 'follow-up.4', 'released-thanks.3'],
      ending: 'arrived',
      satisfaction: 89,
    },
    failing: {
      replies: ['first-message.3', 'tax-worry.3', 'carrier-answer.2', 'wait-or-resend.3', 'follow-up.4', 'released-thanks.3'],
      ending: 'arrived',
      rule: 'P-CUSTOMS-HONEST',
    },
  },
  {
    file: 'aliexpress-colour-not-as-described.md',
    customer: 'Camille',
    amount: 2900,
    best: {
      replies: ['dispute-opened.3', 'photos-sent.3', 'options.2', 'choice.3'],
      ending: 'partial-refund',
      satisfaction: 83,
    },
    failing: {
      replies: ['dispute-opened.3', 'photos-sent.3', 'options.2', 'choice.2'],
      ending: 'review-deal',
      rule: 'P-FEEDBACK-TRADE',
    },
  },
  {
    file: 'aliexpress-wrong-size.md',
    customer: 'Olga',
    amount: 4500,
    best: {
      replies: ['first-message.3', 'foot-length.3', 'what-now.2', 'choice.4', 'ordered.3'],
      ending: 'reordered',
      satisfaction: 85,
    },
    failing: {
      replies: ['first-message.3', 'foot-length.3', 'what-now.2', 'choice.4', 'ordered.1'],
      ending: 'tracking-not-found',
      rule: 'P-FAKE-TRACKING',
    },
  },
  {
    file: 'aliexpress-damaged-item.md',
    customer: 'Mei',
    amount: 6000,
    best: {
      replies: ['first-message.2', 'photos.3', 'choice.3', 'any-news.2', 'tracking-day.3', 'thanks.3'],
      ending: 'cup-delivered',
      satisfaction: 88,
    },
    failing: {
      replies: ['first-message.2', 'photos.3', 'choice.1'],
      ending: 'gift-for-review',
      rule: 'P-FEEDBACK-TRADE',
    },
  },
];

const hasCritical = (r: { failedBecause: { kind: string }[] }) => r.failedBecause.some((f) => f.kind === 'critical');

for (const facts of CASES) {
  describe(facts.file, () => {
    const c = loadCase('scenarios', facts.file);
    const walk = allPaths(c);
    const results = walk.results;

    it('is an AliExpress case with a complete order card', () => {
      expect(c.platform).toBe('AliExpress');
      expect(c.rulebook).toBe('aliexpress');
      expect(c.customer.name).toBe(facts.customer);
      expect(c.order.total).toEqual({ amount: facts.amount, currency: 'USD' });
      expect(c.order.number).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(c.phrases.length).toBeGreaterThanOrEqual(6);
      expect(c.phrases.length).toBeLessThanOrEqual(10);
    });

    it('replays the model seller’s transcript to a pass with full compliance', () => {
      const a = replay(c, facts.best.replies);
      assert.isDefined(a, 'the model transcript fits the case');
      const r = resultOf(c, a);
      expect(r.ending).toBe(facts.best.ending);
      expect(r.result).toBe('resolved');
      expect(r.satisfaction).toBe(facts.best.satisfaction);
      expect(r.satisfaction).toBeGreaterThanOrEqual(80);
      expect(r.compliance).toBe(100);
      expect(r.violations).toEqual([]);
      expect(r.passed).toBe(true);
      expect(r.followedRealPath).toBe(true);
      expect(realPath(c).map((s) => s.reply)).toEqual(facts.best.replies);
    });

    it('gives the buyer at least four turns on the best path, with times in order', () => {
      const a = replay(c, facts.best.replies)!;
      const customerTurns = a.path.filter((s) => c.nodes[s.node]?.message);
      expect(customerTurns.length).toBeGreaterThanOrEqual(4);
      const times = a.path.flatMap((s) => [s.nodeTime!, s.replyTime!]);
      expect(times.every(Boolean)).toBe(true);
      expect([...times].sort()).toEqual(times);
      expect(c.order.created < nth(times, 0).slice(0, 10)).toBe(true);
    });

    it('scores the best path at least as high as any other path', () => {
      const top = [...results].sort(byBest)[0];
      assert.isDefined(top, 'the case has a path');
      const best = resultOf(c, replay(c, facts.best.replies)!);
      expect(byBest(best, top)).toBeLessThanOrEqual(0);
    });

    it('fails the transcript that breaks a critical rule, naming the rule', () => {
      const r = resultOf(c, replay(c, facts.failing.replies)!);
      expect(r.ending).toBe(facts.failing.ending);
      expect(r.passed).toBe(false);
      expect(r.failedBecause).toContainEqual(expect.objectContaining({ kind: 'critical', rules: expect.arrayContaining([facts.failing.rule]) }));
    });

    it('ends every path and reaches at least three endings, one of them an escalation', () => {
      expect(walk.truncated).toBe(false);
      expect(walk.stuck).toEqual([]);
      const endings = new Set(results.map((r) => r.ending));
      expect(endings.size).toBeGreaterThanOrEqual(3);
      expect(results.some((r) => r.result === 'escalated')).toBe(true);
      const used = new Set(results.flatMap((r) => r.path.map((s) => s.reply)));
      const all = Object.values(c.nodes).flatMap((n) => n.replies.map((r) => r.id));
      expect(all.filter((id) => !used.has(id))).toEqual([]);
    });

    it('fails every path with a critical violation, even when the buyer ends up pleased', () => {
      const critical = results.filter((r) => r.violations.some((v) => v.severity === 'critical'));
      expect(critical.length).toBeGreaterThan(0);
      for (const r of critical) {
        expect(r.passed).toBe(false);
        expect(hasCritical(r)).toBe(true);
      }
      expect(critical.some((r) => r.satisfaction >= c.pass.minSatisfaction)).toBe(true);
    });

    it('offers a tempting reply that pleases the buyer but breaks a critical rule', () => {
      const tempting = Object.values(c.nodes).flatMap((n) =>
        n.replies.filter((r) => r.satisfaction > 0 && r.breaks.some((id) => c.rules[id]?.severity === 'critical')),
      );
      expect(tempting.length).toBeGreaterThan(0);
    });

    it('sends an angry enough buyer elsewhere through a reaction', () => {
      expect(results.some((r) => r.path.some((s) => s.redirectedVia.length > 0))).toBe(true);
    });
  });
}
