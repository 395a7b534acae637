/**
 * Walks the states a case can reach — node, satisfaction, flags, violations — to answer what
 * the structural checks cannot: can the case be passed at all, and is there a state where the
 * conditions leave the learner with no reply to choose.
 *
 * States are bounded (satisfaction 0–100, compliance only falls), so the walk ends even with
 * loops. When no condition looks at satisfaction, a state with at least the satisfaction and
 * compliance of one already seen at the same node and flags can do no better, and is skipped;
 * that keeps a 10,000-node case to a few visits per node.
 */
import type { Case } from '../case/types.ts';
import { clamp, complianceOf, holds, judge, resolveTarget } from './conversation.ts';
import type { Violation } from './types.ts';

export interface ExploreState {
  at: string;
  satisfaction: number;
  flags: string[];
  violations: Violation[];
  replies: string[];
}

export interface Exploration {
  /** Reply ids of a passing path, if one exists. */
  passing?: string[];
  /** A state where no reply is offered, per node (first found). */
  stuck: Map<string, ExploreState>;
  /** The budget ran out before every state was seen. */
  truncated: boolean;
  states: number;
}

export const STATE_BUDGET = 200_000;

function usesSatisfaction(c: Case): boolean {
  return Object.values(c.nodes).some(
    (n) =>
      n.redirects.some((d) => d.when.tests.some((t) => t.kind === 'satisfaction')) ||
      n.replies.some((r) => r.when?.tests.some((t) => t.kind === 'satisfaction')),
  );
}

export function explore(c: Case, budget = STATE_BUDGET): Exploration {
  const dominance = !usesSatisfaction(c);
  const best = new Map<string, { s: number; k: number }[]>();
  const seen = new Set<string>();
  const out: Exploration = { stuck: new Map(), truncated: false, states: 0 };

  const fresh = (st: ExploreState, compliance: number): boolean => {
    const critical = st.violations.some((v) => v.severity === 'critical');
    const flagKey = `${st.at}|${[...st.flags].sort().join(',')}|${critical}`;
    if (dominance) {
      const front = best.get(flagKey) ?? [];
      if (front.some((p) => p.s >= st.satisfaction && p.k >= compliance)) return false;
      best.set(flagKey, [...front.filter((p) => !(st.satisfaction >= p.s && compliance >= p.k)), { s: st.satisfaction, k: compliance }]);
      return true;
    }
    const key = `${flagKey}|${st.satisfaction}|${compliance}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  const first = resolveTarget(c, c.start, c.startSatisfaction, []);
  const stack: ExploreState[] = [{ at: first.at, satisfaction: c.startSatisfaction, flags: [], violations: [], replies: [] }];
  while (stack.length) {
    const st = stack.pop()!;
    const compliance = complianceOf(c, st.violations);
    if (c.endings[st.at]) {
      if (!out.passing && judge(c, st.satisfaction, compliance, st.violations).length === 0) out.passing = st.replies;
      continue;
    }
    const node = c.nodes[st.at];
    if (!node || !fresh(st, compliance)) continue;
    if (++out.states > budget) {
      out.truncated = true;
      break;
    }
    const offered = node.replies.filter((r) => holds(r.when, st.satisfaction, st.flags));
    if (!offered.length && !out.stuck.has(st.at)) out.stuck.set(st.at, st);
    // Push worse replies first so the most promising one is explored next.
    const ordered = [...offered].sort((a, b) => a.satisfaction - a.breaks.length * 100 - (b.satisfaction - b.breaks.length * 100));
    for (const r of ordered) {
      const satisfaction = clamp(st.satisfaction + r.satisfaction);
      const flags = [...st.flags.filter((f) => !r.unset.includes(f)), ...r.set.filter((f) => !st.flags.includes(f))];
      const violations = [
        ...st.violations,
        ...r.breaks.map((rule) => ({ rule, severity: c.rules[rule]?.severity ?? 'minor', turn: st.replies.length + 1, node: st.at, reply: r.id }) as Violation),
      ];
      const { at } = resolveTarget(c, r.next, satisfaction, flags);
      stack.push({ at, satisfaction, flags, violations, replies: [...st.replies, r.id] });
    }
  }
  return out;
}
