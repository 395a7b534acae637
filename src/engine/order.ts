/**
 * The order replies are shown in. Each attempt carries a seed, and the replies at a decision point
 * are shuffled from that seed and the node's id, so the order is the same after a reload, in the
 * result file and in the teacher's view, yet differs between attempts: where the best reply sits
 * tells the learner nothing. A reply marked `keep: first` / `keep: last` stays in place.
 *
 * Without a seed (the studio's test run, the path report, the checker, older result files) replies
 * keep the order of the case file.
 */
import type { Case, Reply } from '../case/types.ts';
import { choose, offeredReplies, startAttempt } from './conversation.ts';
import type { Attempt } from './types.ts';

/** A seed is a whole number 0 … 2³² − 1. */
export const isSeed = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

/** FNV-1a over the node id, mixed with the seed: each decision point gets its own stream. */
function mix(seed: number, node: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < node.length; i++) h = Math.imul(h ^ node.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: small, fast and well spread for a handful of draws; the tests use it for reproducible input too. */
export function random(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `replies` (those offered at `node`) in the order an attempt with `seed` shows them. */
export function inShownOrder(replies: readonly Reply[], node: string, seed: number | undefined): Reply[] {
  if (seed === undefined) return [...replies];
  const first = replies.filter((r) => r.keep === 'first');
  const last = replies.filter((r) => r.keep === 'last');
  const free = replies.filter((r) => !r.keep);
  const next = random(mix(seed, node));
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = free[i];
    const b = free[j];
    // j ≤ i < free.length: both are there.
    if (a && b) [free[i], free[j]] = [b, a];
  }
  return [...first, ...free, ...last];
}

/** The replies offered now, in the order this attempt shows them. */
export function shownReplies(c: Case, a: Attempt): Reply[] {
  return inShownOrder(offeredReplies(c, a), a.at, a.seed);
}

/**
 * What was on screen at each turn of a transcript: the replies in the order shown, for the teacher's
 * view. Stops where the transcript no longer fits the case.
 */
export function shownAlong(c: Case, replies: readonly string[], seed: number | undefined): Reply[][] {
  let a = startAttempt(c, seed);
  const out: Reply[][] = [];
  for (const id of replies) {
    out.push(shownReplies(c, a));
    const next = choose(c, a, id);
    if (!next) break;
    a = next.attempt;
  }
  return out;
}
