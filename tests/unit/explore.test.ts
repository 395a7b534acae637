/**
 * The path explorer against exhaustive enumeration, on generated small cases: it must find a pass
 * exactly when some way through passes, its passing path must replay to a pass, and it must find
 * the nodes where the learner can be left without a reply. Skipping states that cannot do better
 * must never hide a pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, CaseNode, Condition, Ending, Reply, RuleSeverity, Test } from '../../src/case/types.ts';
import { choose, offeredReplies, replay, resultOf, startAttempt, stateOf } from '../../src/engine/conversation.ts';
import { explore } from '../../src/engine/explore.ts';
import { allPaths } from '../../src/engine/paths.ts';
import type { Attempt } from '../../src/engine/types.ts';
import { fixtureCase } from './helpers.ts';

const base = fixtureCase();
const SEVERITIES: RuleSeverity[] = ['minor', 'major', 'critical'];
const FLAGS = ['asked', 'promised'];
const ENDINGS = ['done', 'lost'];
const at = { line: 1, column: 1 };

interface Shape {
  /** Per node: its replies and at most one redirect. */
  nodes: { replies: ReplyShape[]; redirect?: { to: number; when: Test } }[];
  startSatisfaction: number;
  minSatisfaction: number;
  minCompliance: number;
  criticalFails: boolean;
}
interface ReplyShape {
  /** Below the number of nodes: that node; otherwise an ending. */
  to: number;
  satisfaction: number;
  breaks: RuleSeverity[];
  set: string[];
  unset: string[];
  when?: Test[];
}

const flagTest: fc.Arbitrary<Test> = fc.record({ kind: fc.constant('flag' as const), flag: fc.constantFrom(...FLAGS), present: fc.boolean() });
const satisfactionTest: fc.Arbitrary<Test> = fc.record({
  kind: fc.constant('satisfaction' as const),
  op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const, '=' as const),
  value: fc.integer({ min: 0, max: 100 }).map((n) => n - (n % 10)),
});

function shape(onSatisfaction: boolean): fc.Arbitrary<Shape> {
  const test = onSatisfaction ? fc.oneof(flagTest, satisfactionTest) : flagTest;
  const reply: fc.Arbitrary<ReplyShape> = fc.record(
    {
      to: fc.nat({ max: 7 }),
      satisfaction: fc.integer({ min: -4, max: 4 }).map((n) => n * 10),
      breaks: fc.subarray(SEVERITIES),
      set: fc.subarray(FLAGS),
      unset: fc.subarray(FLAGS),
      when: fc.array(test, { maxLength: 1 }),
    },
    { requiredKeys: ['to', 'satisfaction', 'breaks', 'set', 'unset'] },
  );
  const node = fc.record(
    { replies: fc.array(reply, { minLength: 1, maxLength: 4 }), redirect: fc.record({ to: fc.nat({ max: 7 }), when: test }) },
    { requiredKeys: ['replies'] },
  );
  return fc.record({
    nodes: fc.array(node, { minLength: 2, maxLength: 6 }),
    startSatisfaction: fc.integer({ min: 3, max: 7 }).map((n) => n * 10),
    minSatisfaction: fc.integer({ min: 2, max: 8 }).map((n) => n * 10),
    minCompliance: fc.integer({ min: 0, max: 10 }).map((n) => n * 10),
    criticalFails: fc.boolean(),
  });
}

/** The case a shape describes; with `forwardOnly`, every reply and redirect leads further on, so there are no loops. */
function caseOf(s: Shape, forwardOnly: boolean): Case {
  const n = s.nodes.length;
  const target = (from: number, to: number) => {
    const node = forwardOnly ? from + 1 + (to % (n - from + 1)) : to % (n + ENDINGS.length);
    return node < n ? `n${node}` : (ENDINGS[node % ENDINGS.length] ?? 'done');
  };
  const condition = (tests: Test[]): Condition => ({ source: 'generated', tests });
  const nodes: Record<string, CaseNode> = {};
  s.nodes.forEach((shape, i) => {
    const replies: Reply[] = shape.replies.map((r, k) => ({
      id: `n${i}.${k + 1}`,
      text: `Reply ${k + 1}`,
      next: target(i, r.to),
      satisfaction: r.satisfaction,
      follows: [],
      breaks: r.breaks.map((severity) => `R-${severity}`),
      feedback: {},
      set: r.set,
      unset: r.unset,
      ...(r.when?.length ? { when: condition(r.when) } : {}),
      real: false,
      at,
    }));
    const redirects = shape.redirect ? [{ to: target(i, shape.redirect.to), when: condition([shape.redirect.when]), at }] : [];
    nodes[`n${i}`] = { id: `n${i}`, message: `Message ${i}`, redirects, replies, at };
  });
  const endings: Record<string, Ending> = Object.fromEntries(
    ENDINGS.map((id) => [id, { id, result: 'resolved' as const, outcome: {}, real: false, at }]),
  );
  const rules = Object.fromEntries(SEVERITIES.map((severity) => [`R-${severity}`, { id: `R-${severity}`, severity, text: {}, source: 'test', asOf: '2024-01-01' }]));
  return {
    ...base,
    start: 'n0',
    startSatisfaction: s.startSatisfaction,
    pass: { minSatisfaction: s.minSatisfaction, minCompliance: s.minCompliance, criticalFails: s.criticalFails },
    nodes,
    endings,
    rules,
  };
}

/**
 * Brute force: every attempt the rules of play allow, through `choose`, skipping only an exact
 * repeat of a state (same node, flags, satisfaction and violations' effect), so loops end.
 */
function bruteForce(c: Case): { passes: boolean; stuck: Set<string> } {
  const seen = new Set<string>();
  const stuck = new Set<string>();
  let passes = false;
  const stack: Attempt[] = [startAttempt(c)];
  for (let a = stack.pop(); a; a = stack.pop()) {
    if (a.ended) {
      passes ||= resultOf(c, a).passed;
      continue;
    }
    const s = stateOf(c, a);
    const key = JSON.stringify([s.at, [...s.flags].sort(), s.satisfaction, s.compliance, s.critical]);
    if (seen.has(key)) continue;
    seen.add(key);
    const offered = offeredReplies(c, a);
    if (!offered.length) stuck.add(a.at);
    for (const r of offered) {
      const next = choose(c, a, r.id);
      if (next) stack.push({ ...next.attempt, path: [] });
    }
  }
  return { passes, stuck };
}

function passingPathPasses(c: Case, passing: string[] | undefined): boolean {
  if (!passing) return true;
  const a = replay(c, passing);
  return !!a?.ended && resultOf(c, a).passed;
}

describe('explore() against exhaustive enumeration', { timeout: 60_000 }, () => {
  for (const onSatisfaction of [false, true]) {
    const conditions = onSatisfaction ? 'with conditions on satisfaction' : 'with conditions on flags only (states are skipped by dominance)';

    it(`agrees with every path listed, in cases without loops, ${conditions}`, () => {
      fc.assert(
        fc.property(shape(onSatisfaction), (s) => {
          const c = caseOf(s, true);
          const walk = allPaths(c, { maxVisits: 1 });
          const found = explore(c);
          expect(found.truncated).toBe(false);
          expect(!!found.passing).toBe(walk.results.some((r) => r.passed));
          expect(passingPathPasses(c, found.passing)).toBe(true);
          expect(passingPathPasses(c, explore(c, { untilPass: true }).passing)).toBe(true);
          expect(!!explore(c, { untilPass: true }).passing).toBe(!!found.passing);
          expect(new Set(found.stuck.keys())).toEqual(new Set(walk.stuck.map((a) => a.at)));
        }),
        { numRuns: 300 },
      );
    });

    it(`agrees with a brute-force walk of every state, in cases with loops, ${conditions}`, () => {
      fc.assert(
        fc.property(shape(onSatisfaction), (s) => {
          const c = caseOf(s, false);
          const found = explore(c);
          const all = bruteForce(c);
          expect(found.truncated).toBe(false);
          expect(!!found.passing).toBe(all.passes);
          expect(passingPathPasses(c, found.passing)).toBe(true);
          expect(passingPathPasses(c, explore(c, { untilPass: true }).passing)).toBe(true);
          expect(!!explore(c, { untilPass: true }).passing).toBe(all.passes);
          expect(new Set(found.stuck.keys())).toEqual(all.stuck);
        }),
        { numRuns: 300 },
      );
    });
  }
});
