/**
 * Walks every state a case can reach — node, satisfaction, flags, compliance, a critical break —
 * to answer what the structural checks cannot: can the case be passed at all, and is there a state
 * where the conditions leave the learner with no reply to choose. Each step is the player's own
 * rule of play (`applyReply`), so the walk and the game cannot disagree.
 *
 * States are bounded (satisfaction 0–100, compliance only falls), so the walk ends even with
 * loops. When no condition looks at satisfaction, a state with no more satisfaction and compliance
 * than one already seen at the same node, with the same flags and critical break, can do no better,
 * and is skipped: that keeps a 10,000-node case to a few visits per node. Each state points at the
 * state it came from instead of copying its path, so deep cases stay cheap.
 */
import type { Case, Condition, Reply } from '../case/types.ts';
import { applyReply, offeredReplies, passes, resolveTarget, type PlayState } from './conversation.ts';

/** A state the walk reached, and how: the reply that led here, chosen in `from` (both absent for the first). */
export interface ExploreState {
  state: PlayState;
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

/** A point in play to explore from instead of the start: at a node (after its redirects), with the scores so far. */
export interface ExploreFrom {
  at: string;
  satisfaction: number;
  flags: readonly string[];
  compliance: number;
  critical: boolean;
}

export interface ExploreOptions {
  /** Stop after this many states (`truncated` says so). */
  budget?: number;
  /** Explore what can still happen from this point in play instead of from the start. */
  from?: ExploreFrom;
  /** Stop at the first passing path: enough to ask whether a pass is still possible. */
  untilPass?: boolean;
}

/** Explores the states of a case; see `ExploreOptions` for where it starts and when it stops. */
export function explore(c: Case, { budget = STATE_BUDGET, from, untilPass = false }: ExploreOptions = {}): Exploration {
  const out: Exploration = { stuck: new Map(), truncated: false, states: 0 };
  const seen = new Seen(!usesSatisfaction(c));
  const stack: ExploreState[] = [firstState(c, from)];
  for (let reached = stack.pop(); reached; reached = stack.pop()) {
    const s = reached.state;
    if (s.ended) {
      if (!out.passing && passes(c, s)) {
        out.passing = repliesTo(reached);
        if (untilPass) break;
      }
      continue;
    }
    // A reply whose next is neither a node nor an ending leads nowhere: the checker reports it.
    if (!c.nodes[s.at] || !seen.fresh(s)) continue;
    if (++out.states > budget) {
      out.truncated = true;
      break;
    }
    // Worse replies are pushed first, so the most promising one is explored next.
    const offered = offeredReplies(c, s).sort((a, b) => promise(a) - promise(b));
    if (!offered.length && !out.stuck.has(s.at)) out.stuck.set(s.at, reached);
    for (const reply of offered) stack.push({ state: applyReply(c, s, reply).state, reply: reply.id, from: reached });
  }
  return out;
}

function firstState(c: Case, from: ExploreFrom | undefined): ExploreState {
  if (from) return { state: { ...from, flags: [...from.flags], ended: from.at in c.endings } };
  const { at } = resolveTarget(c, c.start, c.startSatisfaction, []);
  return { state: { at, ended: at in c.endings, satisfaction: c.startSatisfaction, flags: [], compliance: 100, critical: false } };
}

/** How good a reply looks before it is played: what it pleases the customer, less a lot for each rule broken. */
const promise = (r: Reply) => r.satisfaction - r.breaks.length * 100;

function repliesTo(s: ExploreState): string[] {
  const out: string[] = [];
  for (let at: ExploreState | undefined = s; at?.reply; at = at.from) out.push(at.reply);
  return out.reverse();
}

function usesSatisfaction(c: Case): boolean {
  const onSatisfaction = (condition: Condition | undefined) => !!condition && condition.tests.some((t) => t.kind === 'satisfaction');
  return Object.values(c.nodes).some((n) => n.redirects.some((d) => onSatisfaction(d.when)) || n.replies.some((r) => onSatisfaction(r.when)));
}

type Scores = Pick<PlayState, 'satisfaction' | 'compliance'>;

/**
 * The states already explored. With dominance: per node, flags and critical break, the
 * satisfaction/compliance pairs no other pair there beats. Without (a condition looks at
 * satisfaction, so less of it can open another way): every state by value.
 */
class Seen {
  private readonly fronts = new Map<string, Scores[]>();
  private readonly states = new Set<string>();

  constructor(private readonly dominance: boolean) {}

  /** Whether state `s` can still do better than those seen; if so it counts as seen from now on. */
  fresh(s: PlayState): boolean {
    // Flag names, like ids, hold no commas or bars. Most states have one flag or none: nothing to sort.
    const flags = s.flags.length > 1 ? [...s.flags].sort().join(',') : (s.flags[0] ?? '');
    const place = `${s.at}|${flags}|${s.critical}`;
    if (!this.dominance) {
      const key = `${place}|${s.satisfaction}|${s.compliance}`;
      if (this.states.has(key)) return false;
      this.states.add(key);
      return true;
    }
    const front = this.fronts.get(place) ?? [];
    const beats = (a: Scores, b: Scores) => a.satisfaction >= b.satisfaction && a.compliance >= b.compliance;
    if (front.some((f) => beats(f, s))) return false;
    this.fronts.set(place, [...front.filter((f) => !beats(s, f)), { satisfaction: s.satisfaction, compliance: s.compliance }]);
    return true;
  }
}
