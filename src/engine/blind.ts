/**
 * Blind strategies: play a case without reading it — always the first reply shown, the longest, or
 * the last — over a fixed set of attempt seeds. If a blind strategy passes, the scores measure
 * nothing; the report, the bench and the tests count how often that happens.
 */
import type { Case, Reply } from '../case/types.ts';
import { choose, resultOf, startAttempt } from './conversation.ts';
import { shownReplies } from './order.ts';
import type { Result } from './types.ts';

export type Strategy = 'first' | 'longest' | 'last';
export const STRATEGIES: readonly Strategy[] = ['first', 'longest', 'last'];

/** Fixed seeds, so the figures are the same on every run. */
export const BLIND_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** The reply a strategy picks from those shown; the longest by the text's length, the first shown on a tie. */
export function pick(strategy: Strategy, shown: readonly Reply[]): Reply {
  const [first] = shown;
  if (!first) throw new RangeError('A blind strategy needs at least one reply to pick from.');
  if (strategy === 'first') return first;
  if (strategy === 'last') return shown.at(-1) ?? first;
  return shown.reduce((a, b) => (b.text.length > a.text.length ? b : a), first);
}

/** One blind attempt; undefined if it runs into a loop longer than any real attempt. */
export function playBlind(c: Case, strategy: Strategy, seed: number | undefined, maxTurns = 200): Result | undefined {
  let a = startAttempt(c, seed);
  for (let turn = 0; !a.ended; turn++) {
    const shown = shownReplies(c, a);
    if (!shown.length || turn >= maxTurns) return undefined;
    // A shown reply is an offered one, which `choose` takes.
    const next = choose(c, a, pick(strategy, shown).id);
    if (!next) return undefined;
    a = next.attempt;
  }
  return resultOf(c, a);
}

export interface BlindFigures {
  strategy: Strategy;
  /** Attempts (one per seed) that passed. */
  passed: number;
  attempts: number;
}

/**
 * A strategy "passes a case" when it passes with at least half the seeds: a reliable way through
 * without reading. (With the replies shuffled, "first shown" is a random pick; a lucky pass on one
 * seed is not a strategy.)
 */
export const passesCase = (b: BlindFigures): boolean => b.passed * 2 >= b.attempts;

/** How many of the fixed seeds' attempts pass with each strategy. */
export function blindFigures(c: Case, seeds: readonly number[] = BLIND_SEEDS): BlindFigures[] {
  return STRATEGIES.map((strategy) => ({
    strategy,
    passed: seeds.filter((seed) => playBlind(c, strategy, seed)?.passed).length,
    attempts: seeds.length,
  }));
}
