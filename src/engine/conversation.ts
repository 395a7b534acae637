/**
 * The rules of play as pure functions over plain data: which replies are offered, what choosing
 * one does to satisfaction, compliance and flags, where the conversation goes next, and how an
 * attempt is scored when it ends.
 *
 * The XState machine, the path explorer (and through it the checker's "can this case be passed"),
 * the path report and the teacher's recomputation of results all call `applyReply`, so they cannot
 * disagree about what a reply does.
 */
import type { Case, Condition, Ending, Reply, RuleSeverity } from '../case/types.ts';
import type { Attempt, FailReason, Mood, Result, Step, Violation } from './types.ts';

export const clamp = (n: number): number => Math.max(0, Math.min(100, n));

export function moodOf(satisfaction: number): Mood {
  if (satisfaction < 20) return 'furious';
  if (satisfaction < 40) return 'upset';
  if (satisfaction < 60) return 'neutral';
  if (satisfaction < 80) return 'pleased';
  return 'delighted';
}

export function holds(condition: Condition | undefined, satisfaction: number, flags: readonly string[]): boolean {
  if (!condition) return true;
  return condition.tests.every((t) => {
    if (t.kind === 'flag') return flags.includes(t.flag) === t.present;
    switch (t.op) {
      case '<':
        return satisfaction < t.value;
      case '<=':
        return satisfaction <= t.value;
      case '>':
        return satisfaction > t.value;
      case '>=':
        return satisfaction >= t.value;
      case '=':
        return satisfaction === t.value;
    }
  });
}

/**
 * Where play stands, as far as the rules of play care: all that choosing the next reply needs and
 * changes. The player keeps it as an `Attempt` (whose violations give compliance); the path
 * explorer keeps nothing else.
 */
export interface PlayState {
  /** The node the customer is at, or the ending once `ended`. */
  at: string;
  ended: boolean;
  satisfaction: number;
  flags: readonly string[];
  /** 100 less the penalties of the rules broken so far, never below 0. */
  compliance: number;
  /** A rule of critical severity has been broken. */
  critical: boolean;
}

/** A rule a reply breaks, with the severity the case's rulebook gives it (unknown rules count as minor). */
export interface Broken {
  rule: string;
  severity: RuleSeverity;
}

/** What choosing a reply did: where play stands after it, the rules it broke, the nodes its redirects passed. */
export interface Played {
  state: PlayState;
  broken: Broken[];
  via: string[];
}

/** The replies whose conditions hold now; none once the conversation has ended. */
export function offeredReplies(c: Case, s: Pick<PlayState, 'at' | 'ended' | 'satisfaction' | 'flags'>): Reply[] {
  if (s.ended) return [];
  return c.nodes[s.at]?.replies.filter((r) => holds(r.when, s.satisfaction, s.flags)) ?? [];
}

/**
 * The one rule of play: what choosing `reply` does to a state — satisfaction moves by the reply's
 * change (kept within 0–100), flags are set and unset, each rule broken costs its penalty and a
 * critical one is remembered, and the conversation goes to the reply's next node, following the
 * customer's redirects there, possibly to an ending. Whether the reply is offered is the caller's
 * check (`offeredReplies`).
 */
export function applyReply(c: Case, s: PlayState, reply: Reply): Played {
  const satisfaction = clamp(s.satisfaction + reply.satisfaction);
  const broken = reply.breaks.map((rule) => ({ rule, severity: c.rules[rule]?.severity ?? 'minor' }));
  const compliance = broken.reduce((left, b) => Math.max(0, left - penaltyOf(c, b.severity)), s.compliance);
  const changesFlags = reply.set.length > 0 || reply.unset.length > 0;
  const flags = changesFlags ? [...s.flags.filter((f) => !reply.unset.includes(f)), ...reply.set.filter((f) => !s.flags.includes(f))] : s.flags;
  const { at, via } = resolveTarget(c, reply.next, satisfaction, flags);
  const critical = s.critical || broken.some((b) => b.severity === 'critical');
  return { state: { at, ended: at in c.endings, satisfaction, flags, compliance, critical }, broken, via };
}

/** An attempt's place in play; its compliance and critical breaks follow from its violations. */
export function stateOf(c: Case, a: Attempt): PlayState {
  const { at, ended, satisfaction, flags } = a;
  return { at, ended, satisfaction, flags, compliance: complianceOf(c, a.violations), critical: a.violations.some((v) => v.severity === 'critical') };
}

/** Follow redirects from `target` until a node whose redirects do not fire, or an ending. */
export function resolveTarget(c: Case, target: string, satisfaction: number, flags: readonly string[]): { at: string; via: string[] } {
  const via: string[] = [];
  let at = target;
  for (let node = c.nodes[at]; node && !via.includes(at); node = c.nodes[at]) {
    const redirect = node.redirects.find((d) => holds(d.when, satisfaction, flags));
    if (!redirect) break;
    via.push(at);
    at = redirect.to;
  }
  return { at, via };
}

/** Simulated clock arithmetic on `YYYY-MM-DDTHH:MM:SS` strings, which carry no time zone. */
export function addMinutes(time: string | undefined, minutes: number): string | undefined {
  if (!time) return undefined;
  const d = new Date(`${time}Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 19);
}
const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);

/** Gaps used when an author gave no time: replies come quickly, customers take longer. */
const REPLY_GAP_MIN = 5;
const CUSTOMER_GAP_MIN = 20;

function timeOfTarget(c: Case, at: string, clock: string | undefined): string | undefined {
  const target = c.nodes[at] ?? c.endings[at];
  if (target?.time) return later(clock, target.time);
  // Narration without a customer message takes no time: the seller carries straight on.
  return target?.message ? addMinutes(clock, CUSTOMER_GAP_MIN) : clock;
}

export function startAttempt(c: Case, seed?: number): Attempt {
  const { at, via } = resolveTarget(c, c.start, c.startSatisfaction, []);
  return {
    ...(seed === undefined ? {} : { seed }),
    caseId: c.id,
    caseVersion: c.version,
    at,
    ended: at in c.endings,
    satisfaction: c.startSatisfaction,
    flags: [],
    violations: [],
    path: [],
    atTime: c.nodes[at]?.time ?? c.endings[at]?.time,
    atVia: via,
  };
}

/** Choose a reply. Returns undefined when the reply is not offered at this point. */
export function choose(c: Case, a: Attempt, replyId: string): { attempt: Attempt; step: Step } | undefined {
  const reply = offeredReplies(c, a).find((r) => r.id === replyId);
  if (!reply) return undefined;
  const turn = a.path.length + 1;
  const { state, broken, via } = applyReply(c, stateOf(c, a), reply);
  const violations: Violation[] = broken.map((b) => ({ ...b, turn, node: a.at, reply: reply.id }));
  const replyTime = later(a.atTime, reply.time ?? addMinutes(a.atTime, REPLY_GAP_MIN));
  const step: Step = {
    turn,
    node: a.at,
    reply: reply.id,
    ...(a.atTime ? { nodeTime: a.atTime } : {}),
    ...(replyTime ? { replyTime } : {}),
    delta: state.satisfaction - a.satisfaction,
    satisfactionAfter: state.satisfaction,
    violations,
    redirectedVia: via,
  };
  const atTime = timeOfTarget(c, state.at, replyTime);
  return {
    step,
    attempt: {
      ...a,
      at: state.at,
      ended: state.ended,
      satisfaction: state.satisfaction,
      flags: [...state.flags],
      violations: [...a.violations, ...violations],
      path: [...a.path, step],
      ...(atTime ? { atTime } : {}),
      atVia: via,
    },
  };
}

/** Replay a transcript of reply ids from the start. Undefined if it does not fit the case. */
export function replay(c: Case, replies: readonly string[], seed?: number): Attempt | undefined {
  let a = startAttempt(c, seed);
  for (const id of replies) {
    const next = choose(c, a, id);
    if (!next) return undefined;
    a = next.attempt;
  }
  return a;
}

export function penaltyOf(c: Case, severity: RuleSeverity): number {
  return c.penalties[severity];
}

export function complianceOf(c: Case, violations: readonly Pick<Violation, 'severity'>[]): number {
  return Math.max(0, 100 - violations.reduce((sum, v) => sum + penaltyOf(c, v.severity), 0));
}

/** Why an attempt that ended with these scores fails the pass rule, in the order the rule checks them; none: it passed. */
export function judge(c: Case, s: Pick<PlayState, 'satisfaction' | 'compliance'>, criticalRules: readonly string[]): FailReason[] {
  const reasons: FailReason[] = [];
  if (c.pass.criticalFails && criticalRules.length) reasons.push({ kind: 'critical', rules: [...criticalRules] });
  if (s.satisfaction < c.pass.minSatisfaction) reasons.push({ kind: 'satisfaction', value: s.satisfaction, min: c.pass.minSatisfaction });
  if (s.compliance < c.pass.minCompliance) reasons.push({ kind: 'compliance', value: s.compliance, min: c.pass.minCompliance });
  return reasons;
}

/** Whether a conversation that ended in state `s` passes: `judge` without naming the critical rules broken. */
export function passes(c: Case, s: PlayState): boolean {
  return judge(c, s, s.critical ? ['critical'] : []).length === 0;
}

export function resultOf(c: Case, a: Attempt): Result {
  const ending: Ending | undefined = c.endings[a.at];
  const compliance = complianceOf(c, a.violations);
  const critical = [...new Set(a.violations.filter((v) => v.severity === 'critical').map((v) => v.rule))];
  const failedBecause = judge(c, { satisfaction: a.satisfaction, compliance }, critical);
  const realReplies = new Set(Object.values(c.nodes).flatMap((n) => n.replies.filter((r) => r.real).map((r) => r.id)));
  return {
    caseId: c.id,
    caseVersion: c.version,
    ending: a.at,
    result: ending?.result ?? 'lost',
    outcome: ending?.outcome ?? {},
    ...(ending?.refund ? { refund: ending.refund } : {}),
    ...(ending?.paidBy ? { paidBy: ending.paidBy } : {}),
    satisfaction: a.satisfaction,
    mood: moodOf(a.satisfaction),
    compliance,
    violations: a.violations,
    passed: failedBecause.length === 0,
    failedBecause,
    path: a.path,
    followedRealPath: !!ending?.real && a.path.every((s) => realReplies.has(s.reply)),
    ...(a.seed === undefined ? {} : { seed: a.seed }),
  };
}

/**
 * What the case's `real: yes` path is. Only a case that names the record it follows (`source:` in the
 * front matter) calls it the real seller's; in an invented case it is a model answer. Nothing claims
 * to be real unless the author says where it comes from.
 */
export function markedPathKind(c: Pick<Case, 'source'>): 'real' | 'model' {
  return c.source?.trim() ? 'real' : 'model';
}

/** The replies the real seller (or the model answer) chose, from the start, following the `real` markers. */
export function realPath(c: Case): { node: string; reply: string }[] {
  const path: { node: string; reply: string }[] = [];
  const seen = new Set<string>();
  let at = c.start;
  for (let node = c.nodes[at]; node && !seen.has(at); node = c.nodes[at]) {
    seen.add(at);
    const reply = node.replies.find((r) => r.real);
    if (!reply) break;
    path.push({ node: at, reply: reply.id });
    at = reply.next;
  }
  return path;
}

export function findReply(c: Case, node: string, reply: string): Reply | undefined {
  return c.nodes[node]?.replies.find((r) => r.id === reply);
}

export type ChatItem =
  | { kind: 'customer'; node: string; html: string; time?: string }
  | { kind: 'seller'; node: string; reply: string; html: string; time?: string }
  | { kind: 'note'; node: string; text: { zh?: string; en?: string }; time?: string };

/**
 * The chat as the learner sees it, oldest first. `html` is the case's text for the item (sanitised
 * HTML once the case has been rendered for the player). Set `includeCurrent` to false to hold
 * back the customer's next message, e.g. while feedback on the last reply is shown.
 */
export function transcript(c: Case, a: Attempt, includeCurrent = true): ChatItem[] {
  const items: ChatItem[] = [];
  const show = (id: string, time?: string) => {
    const item = c.nodes[id] ?? c.endings[id];
    if (!item) return;
    if (item.note) items.push({ kind: 'note', node: id, text: item.note, ...(time ? { time } : {}) });
    if (item.message) items.push({ kind: 'customer', node: id, html: item.message, ...(time ? { time } : {}) });
  };
  for (const step of a.path) {
    show(step.node, step.nodeTime);
    const reply = findReply(c, step.node, step.reply);
    if (reply) items.push({ kind: 'seller', node: step.node, reply: reply.id, html: reply.text, ...(step.replyTime ? { time: step.replyTime } : {}) });
  }
  if (includeCurrent) show(a.at, a.atTime);
  return items;
}
