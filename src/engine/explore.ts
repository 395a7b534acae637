/**
 * Walks the states a case can reach — node, satisfaction, flags, violations — to answer what
 * the structural checks cannot: can the case be passed at all, and is there a state where the
 * conditions leave the learner with no reply to choose.
 *
 * States are bounded (satisfaction 0–100, compliance only falls), so the walk ends even with
 * loops. When no condition looks at satisfaction, a state with at least the satisfaction and
 * compliance of one already seen at the same node and flags can do no better, and is skipped;
 * that keeps a 10,000-node case to a few visits per node. Each state points at the state it came
 * from instead of copying its path, so deep cases stay cheap.
 */
import type { Case } from '../case/types.ts';
import { clamp, holds, resolveTarget } from './conversation.ts';

export interface ExploreState {
  at: string;
  satisfaction: number;
  flags: string[];
  compliance: number;
  critical: boolean;
  reply?: string;
  from?: ExploreState;
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

export function repliesTo(st: ExploreState): string[] {
  const out: string[] = [];
  for (let s: ExploreState | undefined = st; s?.reply; s = s.from) out.push(s.reply);
  return out.reverse();
}

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
  const { minSatisfaction, minCompliance, criticalFails } = c.pass;

  const fresh = (st: ExploreState): boolean => {
    const flagKey = st.flags.length ? `${st.at}|${[...st.flags].sort().join(',')}|${st.critical}` : `${st.at}||${st.critical}`;
    if (dominance) {
      const front = best.get(flagKey);
      if (!front) {
        best.set(flagKey, [{ s: st.satisfaction, k: st.compliance }]);
        return true;
      }
      if (front.some((p) => p.s >= st.satisfaction && p.k >= st.compliance)) return false;
      best.set(flagKey, [...front.filter((p) => !(st.satisfaction >= p.s && st.compliance >= p.k)), { s: st.satisfaction, k: st.compliance }]);
      return true;
    }
    const key = `${flagKey}|${st.satisfaction}|${st.compliance}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  // Maps, not the case's plain objects: most lookups here miss (a node id asked of the endings), and
  // a miss on a large plain object is many times slower than on a Map.
  const nodes = new Map(Object.entries(c.nodes));
  const endings = new Set(Object.keys(c.endings));
  const first = resolveTarget(c, c.start, c.startSatisfaction, []);
  const stack: ExploreState[] = [{ at: first.at, satisfaction: c.startSatisfaction, flags: [], compliance: 100, critical: false }];
  while (stack.length) {
    const st = stack.pop()!;
    if (endings.has(st.at)) {
      const passes = st.satisfaction >= minSatisfaction && st.compliance >= minCompliance && !(criticalFails && st.critical);
      if (passes && !out.passing) out.passing = repliesTo(st);
      continue;
    }
    const node = nodes.get(st.at);
    if (!node || !fresh(st)) continue;
    if (++out.states > budget) {
      out.truncated = true;
      break;
    }
    const offered = node.replies.filter((r) => holds(r.when, st.satisfaction, st.flags));
    if (!offered.length && !out.stuck.has(st.at)) out.stuck.set(st.at, st);
    // Push worse replies first so the most promising one is explored next.
    const ordered = offered.length > 1 ? [...offered].sort((a, b) => a.satisfaction - a.breaks.length * 100 - (b.satisfaction - b.breaks.length * 100)) : offered;
    for (const r of ordered) {
      const satisfaction = clamp(st.satisfaction + r.satisfaction);
      const flags = r.set.length || r.unset.length ? [...st.flags.filter((f) => !r.unset.includes(f)), ...r.set.filter((f) => !st.flags.includes(f))] : st.flags;
      let compliance = st.compliance;
      let critical = st.critical;
      for (const rule of r.breaks) {
        const severity = c.rules[rule]?.severity ?? 'minor';
        compliance = Math.max(0, compliance - c.penalties[severity]);
        critical ||= severity === 'critical';
      }
      const target = nodes.get(r.next);
      const at = target && !target.redirects.length ? r.next : resolveTarget(c, r.next, satisfaction, flags).at;
      stack.push({ at, satisfaction, flags, compliance, critical, reply: r.id, from: st });
    }
  }
  return out;
}
