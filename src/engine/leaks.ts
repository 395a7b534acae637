/**
 * Whether a case gives its answers away: surface features that let a learner pass without reading.
 * The checker warns on these figures and `npm run paths` prints them; both, and the tests, use the
 * one definition of a decision point and of its best reply below.
 *
 * - A decision point is a node with at least two replies (a node with one reply asks nothing).
 * - Its best reply is the reply that breaks no rule with the highest satisfaction change; when two
 *   share the highest change there is no single best, and the point is left out of the figures.
 * - A trap is a reply that breaks a rule. A tempting trap pleases the buyer more than the best reply
 *   at the same point: the case where the two scores pull apart, which is what the game teaches.
 */
import type { Case, CaseNode, Reply } from '../case/types.ts';

/**
 * The codes of the warnings these figures give. They judge how a case teaches, not whether it can
 * be read and played: the build lists them but still ships the case (the tests hold the shipped
 * cases to them), and the format fixtures, each made to show one mistake, set them aside.
 */
export const LEAK_CODES: ReadonlySet<string> = new Set(['BEST_IS_LONGEST', 'HINT_MISSING', 'NO_TEMPTING_TRAP']);

export function isDecisionPoint(node: CaseNode): boolean {
  return node.replies.length >= 2;
}

export function decisionPoints(c: Case): CaseNode[] {
  return Object.values(c.nodes).filter(isDecisionPoint);
}

/** The rule-abiding reply with the highest satisfaction change, if exactly one has it. */
export function bestReply(node: CaseNode): Reply | undefined {
  let best: Reply | undefined;
  let tied = false;
  for (const r of node.replies) {
    if (r.breaks.length) continue;
    if (!best || r.satisfaction > best.satisfaction) {
      best = r;
      tied = false;
    } else if (r.satisfaction === best.satisfaction) tied = true;
  }
  return tied ? undefined : best;
}

/** The reply is strictly longer than every other reply at its node (counting the characters as written). */
export function isLongest(node: CaseNode, reply: Reply): boolean {
  return node.replies.every((r) => r === reply || r.text.length < reply.text.length);
}

/** Replies that break a rule and please the buyer more than the best reply at the node. */
export function temptingTraps(node: CaseNode): Reply[] {
  const best = bestReply(node);
  return best ? node.replies.filter((r) => r.breaks.length > 0 && r.satisfaction > best.satisfaction) : [];
}

/** A decision point has a hint when the node or any of its replies gives one. */
export function hasHint(node: CaseNode): boolean {
  const given = (t: { zh?: string; en?: string } | undefined) => !!(t?.zh?.trim() || t?.en?.trim());
  return given(node.hint) || node.replies.some((r) => given(r.hint));
}

export interface LeakFigures {
  /** Decision points (nodes with two or more replies). */
  points: number;
  /** Decision points with a single best reply: what the longest share is counted over. */
  withBest: number;
  /** Of those, the ones where the best reply is also the longest. */
  bestIsLongest: number;
  /** Tempting traps as `node: reply (+trap vs +best)`. */
  traps: { node: string; reply: string; satisfaction: number; best: number }[];
  /** Decision points with a hint. */
  hinted: number;
  /** Decision points without one, by id. */
  unhinted: string[];
}

export function leakFigures(c: Case): LeakFigures {
  const points = decisionPoints(c);
  const figures: LeakFigures = { points: points.length, withBest: 0, bestIsLongest: 0, traps: [], hinted: 0, unhinted: [] };
  for (const node of points) {
    const best = bestReply(node);
    if (best) {
      figures.withBest++;
      if (isLongest(node, best)) figures.bestIsLongest++;
      for (const r of temptingTraps(node)) figures.traps.push({ node: node.id, reply: r.id, satisfaction: r.satisfaction, best: best.satisfaction });
    }
    if (hasHint(node)) figures.hinted++;
    else figures.unhinted.push(node.id);
  }
  return figures;
}

/** Above this share of decision points, "best is the longest" is a tell. */
export const LONGEST_LIMIT = 0.6;

/** The share of decision points (with a best reply) where the best is the longest, 0–1. */
export const longestShare = (f: Pick<LeakFigures, 'withBest' | 'bestIsLongest'>): number => (f.withBest ? f.bestIsLongest / f.withBest : 0);
