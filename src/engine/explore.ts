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
import { numberTargets, type CaseIds } from '../case/ids.ts';
import type { Case, CaseNode, Condition, Reply } from '../case/types.ts';
import { grown } from '../case/typed.ts';
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

/** Where a state is: a node's number, or one of these. */
const ENDING = -1;
const NOWHERE = -2;
/** The reply's target has redirects, so where it leads depends on the state. */
const RESOLVE = -3;

const NO_PENALTIES: number[] = [];

/**
 * Every node's replies with what choosing each does, worked out once per walk rather than once per
 * state, in one set of arrays: node i's are numbers first[i] … first[i + 1] − 1, worse replies
 * first (they are pushed first, so the most promising one is explored next).
 */
interface Moves {
  first: Int32Array;
  reply: Reply[];
  /** Where the reply leads (a node's number, ENDING, NOWHERE), or RESOLVE. */
  to: Int32Array;
  penalties: number[][];
  critical: Uint8Array;
}

const score = (r: Reply) => r.satisfaction - r.breaks.length * 100;

/**
 * The nodes by number, and every node's and ending's number by id: nodes 0 … nodes.length − 1,
 * then endings (as `numberIds` numbers them for the reference checks, which a caller that has
 * read the file can pass on). An id that names both a node and an ending has the ending's number:
 * play checks endings first.
 */
type Numbered = Pick<CaseIds, 'nodes' | 'index' | 'replyStart' | 'replyTarget'>;

function numbered(c: Case): Numbered & { names: string[] } {
  const names = Object.keys(c.nodes);
  const nodes: CaseNode[] = new Array(names.length);
  const index = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    nodes[i] = c.nodes[names[i]];
    index.set(names[i], i);
  }
  let n = names.length;
  for (const id of Object.keys(c.endings)) index.set(id, n++);
  return { nodes, index, names, ...numberTargets(nodes, index) };
}

/** Where an id leads: a node's number, an ending, or nowhere. */
function place(id: string, ids: Numbered): number {
  return placeOf(ids.index.get(id) ?? -1, ids);
}

/** Where the id numbered `n` (−1: none) leads. */
function placeOf(n: number, ids: Numbered): number {
  return n < 0 ? NOWHERE : n < ids.nodes.length ? n : ENDING;
}

function movesOf(c: Case, ids: Numbered): Moves {
  const nodes = ids.nodes;
  // Moves are numbered as the replies are: node by node.
  const first = ids.replyStart;
  const total = first[nodes.length];
  const moves: Moves = { first, reply: new Array(total), to: new Int32Array(total), penalties: new Array(total), critical: new Uint8Array(total) };
  // Each move's target as numbered with the ids, kept beside its reply while they are sorted.
  const target = new Int32Array(total);
  for (let i = 0; i < nodes.length; i++) {
    // A stable insertion sort: a node has a handful of replies, and Array.prototype.sort
    // allocates more per call than these lists hold.
    const base = first[i];
    const replies = nodes[i].replies;
    for (let k = 0; k < replies.length; k++) {
      const r = replies[k];
      let j = base + k;
      for (; j > base && score(moves.reply[j - 1]) - score(r) > 0; j--) {
        moves.reply[j] = moves.reply[j - 1];
        target[j] = target[j - 1];
      }
      moves.reply[j] = r;
      target[j] = ids.replyTarget[ids.replyStart[i] + k];
    }
  }
  for (let m = 0; m < total; m++) {
    const reply = moves.reply[m];
    let penalties = NO_PENALTIES;
    if (reply.breaks.length) {
      penalties = new Array(reply.breaks.length);
      for (let b = 0; b < reply.breaks.length; b++) {
        const severity = c.rules[reply.breaks[b]]?.severity ?? 'minor';
        penalties[b] = c.penalties[severity];
        if (severity === 'critical') moves.critical[m] = 1;
      }
    }
    moves.penalties[m] = penalties;
    const to = placeOf(target[m], ids);
    moves.to[m] = to >= 0 && !nodes[to].redirects.length ? to : RESOLVE;
  }
  return moves;
}

/**
 * States live in parallel arrays, numbered in the order they are made, and point at the state
 * they came from by number: a large case makes tens of thousands of states, and plain numbers
 * cost the garbage collector nothing. The few states a caller gets back become objects at the end.
 */
class States {
  size = 0;
  at: Int32Array;
  from: Int32Array;
  /** The move that made the state; −1 for the first. */
  move: Int32Array;
  satisfaction: Float64Array;
  compliance: Float64Array;
  critical: Uint8Array;
  flags: string[][];

  constructor(
    capacity: number,
    private readonly nameOf: (node: number) => string,
    private readonly moves: Moves,
  ) {
    this.at = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.move = new Int32Array(capacity);
    this.satisfaction = new Float64Array(capacity);
    this.compliance = new Float64Array(capacity);
    this.critical = new Uint8Array(capacity);
    this.flags = new Array(capacity);
  }

  add(at: number, satisfaction: number, flags: string[], compliance: number, critical: boolean, move: number, from: number): number {
    if (this.size === this.at.length) this.grow();
    const s = this.size++;
    this.at[s] = at;
    this.from[s] = from;
    this.move[s] = move;
    this.satisfaction[s] = satisfaction;
    this.compliance[s] = compliance;
    this.critical[s] = critical ? 1 : 0;
    this.flags[s] = flags;
    return s;
  }

  private grow(): void {
    const n = this.at.length * 2;
    this.at = grown(this.at, new Int32Array(n));
    this.from = grown(this.from, new Int32Array(n));
    this.move = grown(this.move, new Int32Array(n));
    this.satisfaction = grown(this.satisfaction, new Float64Array(n));
    this.compliance = grown(this.compliance, new Float64Array(n));
    this.critical = grown(this.critical, new Uint8Array(n));
    const flags = new Array<string[]>(n);
    for (let i = 0; i < this.size; i++) flags[i] = this.flags[i];
    this.flags = flags;
  }

  private replyOf(s: number): string | undefined {
    return this.move[s] >= 0 ? this.moves.reply[this.move[s]].id : undefined;
  }

  repliesTo(s: number): string[] {
    const out: string[] = [];
    for (; s >= 0 && this.replyOf(s); s = this.from[s]) out.push(this.replyOf(s)!);
    return out.reverse();
  }

  private made = new Map<number, ExploreState>();
  /** A state as an object. Only states at nodes are asked for: no state is reached from an ending. */
  state(s: number): ExploreState {
    const known = this.made.get(s);
    if (known) return known;
    const st: ExploreState = {
      at: this.nameOf(this.at[s]),
      satisfaction: this.satisfaction[s],
      flags: this.flags[s],
      compliance: this.compliance[s],
      critical: this.critical[s] === 1,
    };
    if (this.from[s] >= 0) {
      st.reply = this.replyOf(s);
      st.from = this.state(this.from[s]);
    }
    this.made.set(s, st);
    return st;
  }
}

/**
 * The states already explored. With dominance, per node, flags and critical, the
 * satisfaction/compliance pairs no other pair there beats; without, every state by value.
 */
class Seen {
  private readonly fronts: (number[] | undefined)[];
  private readonly flagFronts = new Map<string, number[]>();
  private readonly states = new Set<string>();

  constructor(
    private readonly dominance: boolean,
    nodes: number,
  ) {
    this.fronts = new Array(nodes * 2);
  }

  /** Whether state `s` can still do better than those seen; if so it counts as seen from now on. */
  fresh(states: States, s: number): boolean {
    const at = states.at[s];
    const flags = states.flags[s];
    const critical = states.critical[s];
    const satisfaction = states.satisfaction[s];
    const compliance = states.compliance[s];
    const joined = flags.length ? [...flags].sort().join(',') : '';
    if (!this.dominance) {
      const key = `${at}|${joined}|${critical}|${satisfaction}|${compliance}`;
      if (this.states.has(key)) return false;
      this.states.add(key);
      return true;
    }
    const flagKey = joined ? `${at}|${joined}|${critical}` : undefined;
    const front = flagKey === undefined ? this.fronts[at * 2 + critical] : this.flagFronts.get(flagKey);
    if (!front) {
      if (flagKey === undefined) this.fronts[at * 2 + critical] = [satisfaction, compliance];
      else this.flagFronts.set(flagKey, [satisfaction, compliance]);
      return true;
    }
    for (let i = 0; i < front.length; i += 2) if (front[i] >= satisfaction && front[i + 1] >= compliance) return false;
    let kept = 0;
    for (let i = 0; i < front.length; i += 2)
      if (!(satisfaction >= front[i] && compliance >= front[i + 1])) {
        front[kept++] = front[i];
        front[kept++] = front[i + 1];
      }
    front.length = kept;
    front.push(satisfaction, compliance);
    return true;
  }
}

function usesSatisfaction(nodes: CaseNode[]): boolean {
  const onSatisfaction = (c: Condition | undefined) => !!c && c.tests.some((t) => t.kind === 'satisfaction');
  for (const n of nodes) {
    for (const d of n.redirects) if (onSatisfaction(d.when)) return true;
    for (const r of n.replies) if (onSatisfaction(r.when)) return true;
  }
  return false;
}

/** A point in play to explore from instead of the start: at a node (after its redirects), with the scores so far. */
export interface ExploreFrom {
  at: string;
  satisfaction: number;
  flags: readonly string[];
  compliance: number;
  critical: boolean;
}

/**
 * `ids`: the case's nodes and endings as `numberIds` numbered them when the file was read; without, they are numbered here.
 * `from`: explore what can still happen from a point in play (does a pass remain possible?).
 */
export function explore(c: Case, budget = STATE_BUDGET, ids?: CaseIds, from?: ExploreFrom): Exploration {
  const own = ids ? undefined : numbered(c);
  const places: Numbered = ids ?? own!;
  const nameOf = own ? (i: number) => own.names[i] : (i: number) => places.nodes[i].id;
  const nodes = places.nodes;
  const dominance = !usesSatisfaction(nodes);
  const out: Exploration = { stuck: new Map(), truncated: false, states: 0 };
  const { minSatisfaction, minCompliance, criticalFails } = c.pass;

  const moves = movesOf(c, places);

  // About one state per reply in a case without conditions on satisfaction.
  const states = new States(Math.max(16, moves.reply.length + 1), nameOf, moves);
  const seen = new Seen(dominance, nodes.length);
  const stuck: number[] = [];
  const isStuck = new Uint8Array(nodes.length);
  const first = from ?? { at: resolveTarget(c, c.start, c.startSatisfaction, []).at, satisfaction: c.startSatisfaction, flags: [], compliance: 100, critical: false };
  const stack = [states.add(place(first.at, places), first.satisfaction, [...first.flags], first.compliance, first.critical, -1, -1)];
  while (stack.length) {
    const s = stack.pop()!;
    const at = states.at[s];
    const satisfaction0 = states.satisfaction[s];
    if (at === ENDING) {
      const passes = satisfaction0 >= minSatisfaction && states.compliance[s] >= minCompliance && !(criticalFails && states.critical[s]);
      if (passes && !out.passing) out.passing = states.repliesTo(s);
      continue;
    }
    if (at === NOWHERE || !seen.fresh(states, s)) continue;
    if (++out.states > budget) {
      out.truncated = true;
      break;
    }
    const flags0 = states.flags[s];
    let offered = 0;
    for (let m = moves.first[at]; m < moves.first[at + 1]; m++) {
      const r = moves.reply[m];
      if (r.when && !holds(r.when, satisfaction0, flags0)) continue;
      offered++;
      const satisfaction = clamp(satisfaction0 + r.satisfaction);
      const flags = r.set.length || r.unset.length ? [...flags0.filter((f) => !r.unset.includes(f)), ...r.set.filter((f) => !flags0.includes(f))] : flags0;
      let compliance = states.compliance[s];
      for (const p of moves.penalties[m]) compliance = Math.max(0, compliance - p);
      const critical = states.critical[s] === 1 || moves.critical[m] === 1;
      const to = moves.to[m] === RESOLVE ? place(resolveTarget(c, r.next, satisfaction, flags).at, places) : moves.to[m];
      stack.push(states.add(to, satisfaction, flags, compliance, critical, m, s));
    }
    if (!offered && !isStuck[at]) {
      isStuck[at] = 1;
      stuck.push(s);
    }
  }
  for (const s of stuck) out.stuck.set(nameOf(states.at[s]), states.state(s));
  return out;
}
