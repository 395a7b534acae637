/**
 * Enumerates every complete path through a case — each sequence of offered replies from the start
 * to an ending — replaying it with the same rules the player uses, and scores each.
 *
 * Loops are bounded: a path may pass through the same node at most `maxVisits` times. Used by the
 * tests and the path report; the validator uses the cheaper state walk in `explore.ts`.
 */
import type { Case } from '../case/types.ts';
import { choose, offeredReplies, resultOf, startAttempt } from './conversation.ts';
import type { Attempt, Result } from './types.ts';

export interface PathWalk {
  results: Result[];
  /** Attempts that reached a node with no reply offered. */
  stuck: Attempt[];
  /** Stopped at `limit` paths. */
  truncated: boolean;
}

export function allPaths(c: Case, { maxVisits = 2, limit = 100_000 } = {}): PathWalk {
  const walk: PathWalk = { results: [], stuck: [], truncated: false };
  const visits = new Map<string, number>();
  const go = (a: Attempt): void => {
    if (walk.truncated) return;
    if (a.ended) {
      walk.results.push(resultOf(c, a));
      if (walk.results.length >= limit) walk.truncated = true;
      return;
    }
    const offered = offeredReplies(c, a);
    if (!offered.length) {
      walk.stuck.push(a);
      return;
    }
    const n = visits.get(a.at) ?? 0;
    if (n >= maxVisits) return;
    visits.set(a.at, n + 1);
    for (const r of offered) {
      // Offered, so `choose` takes it.
      const next = choose(c, a, r.id);
      if (next) go(next.attempt);
    }
    visits.set(a.at, n);
  };
  go(startAttempt(c));
  return walk;
}

export type Scored = Pick<Result, 'passed' | 'compliance' | 'satisfaction'>;

/** Order results best first: passed, then compliance, then satisfaction. */
export function byBest(a: Scored, b: Scored): number {
  return Number(b.passed) - Number(a.passed) || b.compliance - a.compliance || b.satisfaction - a.satisfaction;
}

/**
 * The best of some results, for the debrief and the path report: the first in `byBest` order. Among
 * equally good results the real seller's path wins (learners should see what really happened when it
 * is as good as anything), then the shortest, then the first found.
 */
export function bestOf(results: readonly Result[]): Result | undefined {
  let best: Result | undefined;
  for (const r of results) if (!best || better(r, best)) best = r;
  return best;
}

const better = (r: Result, than: Result) =>
  (byBest(r, than) || Number(than.followedRealPath) - Number(r.followedRealPath) || r.path.length - than.path.length) < 0;

/** The best way through a case (see `bestOf`). Undefined only for a case with no complete path. */
export function bestPath(c: Case, options: { maxVisits?: number; limit?: number } = {}): Result | undefined {
  return bestOf(allPaths(c, options).results);
}
