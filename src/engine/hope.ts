/**
 * Whether a pass is still possible from a point in play, worked out by the path check (the state
 * walk in `explore.ts`), so the feedback and the debrief can say when a choice made a pass
 * impossible without the author writing it.
 */
import type { Case } from '../case/types.ts';
import { replay, resultOf, startAttempt, stateOf } from './conversation.ts';
import { explore } from './explore.ts';
import type { Attempt } from './types.ts';

/** False only when no way on from here passes; a walk cut short by its budget counts as possible. */
export function passPossible(c: Case, a: Attempt): boolean {
  if (a.ended) return resultOf(c, a).passed;
  const walk = explore(c, { from: stateOf(c, a), untilPass: true });
  return !!walk.passing || walk.truncated;
}

/**
 * The turn whose reply made a pass impossible (1-based), or undefined when a pass stayed possible
 * to the end of the transcript (or was never possible, which the checker does not let a case ship with).
 */
export function passLostAt(c: Case, replies: readonly string[]): number | undefined {
  if (!passPossible(c, startAttempt(c))) return undefined;
  for (let n = 1; n <= replies.length; n++) {
    const a = replay(c, replies.slice(0, n));
    if (!a) return undefined;
    if (!passPossible(c, a)) return n;
  }
  return undefined;
}
