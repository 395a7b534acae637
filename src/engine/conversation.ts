/**
 * The rules of play as pure functions over plain data: which replies are offered, what choosing
 * one does to satisfaction, compliance and flags, where the conversation goes next, and how an
 * attempt is scored when it ends.
 *
 * The XState machine, the path explorer, the validator's "can this case be passed" check and
 * (later) the teacher's recomputation of results all call these, so they cannot disagree.
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

export function offeredReplies(c: Case, a: Attempt): Reply[] {
  if (a.ended) return [];
  return c.nodes[a.at]?.replies.filter((r) => holds(r.when, a.satisfaction, a.flags)) ?? [];
}

/** Follow redirects from `target` until a node whose redirects do not fire, or an ending. */
export function resolveTarget(c: Case, target: string, satisfaction: number, flags: readonly string[]): { at: string; via: string[] } {
  const via: string[] = [];
  let at = target;
  while (c.nodes[at] && !via.includes(at)) {
    const redirect = c.nodes[at].redirects.find((d) => holds(d.when, satisfaction, flags));
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
  const satisfaction = clamp(a.satisfaction + reply.satisfaction);
  const violations: Violation[] = reply.breaks.map((rule) => ({
    rule,
    severity: c.rules[rule]?.severity ?? 'minor',
    turn,
    node: a.at,
    reply: reply.id,
  }));
  const flags = [...a.flags.filter((f) => !reply.unset.includes(f)), ...reply.set.filter((f) => !a.flags.includes(f))];
  const replyTime = later(a.atTime, reply.time ?? addMinutes(a.atTime, REPLY_GAP_MIN));
  const { at, via } = resolveTarget(c, reply.next, satisfaction, flags);
  const step: Step = {
    turn,
    node: a.at,
    reply: reply.id,
    ...(a.atTime ? { nodeTime: a.atTime } : {}),
    ...(replyTime ? { replyTime } : {}),
    delta: satisfaction - a.satisfaction,
    satisfactionAfter: satisfaction,
    violations,
    redirectedVia: via,
  };
  const atTime = timeOfTarget(c, at, replyTime);
  return {
    step,
    attempt: {
      ...a,
      at,
      ended: at in c.endings,
      satisfaction,
      flags,
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

export function judge(c: Case, satisfaction: number, compliance: number, violations: readonly Violation[]): FailReason[] {
  const reasons: FailReason[] = [];
  const critical = [...new Set(violations.filter((v) => v.severity === 'critical').map((v) => v.rule))];
  if (c.pass.criticalFails && critical.length) reasons.push({ kind: 'critical', rules: critical });
  if (satisfaction < c.pass.minSatisfaction) reasons.push({ kind: 'satisfaction', value: satisfaction, min: c.pass.minSatisfaction });
  if (compliance < c.pass.minCompliance) reasons.push({ kind: 'compliance', value: compliance, min: c.pass.minCompliance });
  return reasons;
}

export function resultOf(c: Case, a: Attempt): Result {
  const ending: Ending | undefined = c.endings[a.at];
  const compliance = complianceOf(c, a.violations);
  const failedBecause = judge(c, a.satisfaction, compliance, a.violations);
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
  while (c.nodes[at] && !seen.has(at)) {
    seen.add(at);
    const reply = c.nodes[at].replies.find((r) => r.real);
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
