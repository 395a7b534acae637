/**
 * The engine's data: an attempt in progress and the result it ends with.
 *
 * Both are plain data so they can be saved in the browser, written to a result file and
 * recomputed later from the transcript alone.
 */
import type { EndingResult, Money, RuleSeverity, Text } from '../case/types.ts';

export type Mood = 'furious' | 'upset' | 'neutral' | 'pleased' | 'delighted';

export interface Violation {
  rule: string;
  severity: RuleSeverity;
  /** 1-based turn (the n-th reply chosen). */
  turn: number;
  node: string;
  reply: string;
}

/** One chosen reply and what it did. */
export interface Step {
  turn: number;
  node: string;
  reply: string;
  /** Simulated time of the customer's message and of the seller's reply. */
  nodeTime?: string;
  replyTime?: string;
  /** Satisfaction change as applied (after clamping to 0–100). */
  delta: number;
  satisfactionAfter: number;
  violations: Violation[];
  /** Nodes passed through because of a satisfaction- or flag-dependent redirect. */
  redirectedVia: string[];
}

export interface Attempt {
  caseId: string;
  caseVersion: string;
  /** The node the customer is at, or the ending once `ended`. */
  at: string;
  ended: boolean;
  satisfaction: number;
  flags: string[];
  violations: Violation[];
  path: Step[];
  /** Simulated time the customer's message at `at` (or the ending) was sent. */
  atTime?: string;
  /** Nodes passed through by redirects on the way to `at`. */
  atVia: string[];
  /** Shuffles the replies for this attempt (see `order.ts`); absent: file order. */
  seed?: number;
}

export interface Result {
  caseId: string;
  caseVersion: string;
  ending: string;
  result: EndingResult;
  outcome: Text;
  refund?: Money;
  paidBy?: string;
  satisfaction: number;
  mood: Mood;
  compliance: number;
  violations: Violation[];
  passed: boolean;
  /** Why the attempt failed, in the order the pass rule checks them. */
  failedBecause: FailReason[];
  path: Step[];
  /** True when every reply on the path is one the real seller chose. */
  followedRealPath: boolean;
  /** The attempt's seed: the order its replies were shown in. */
  seed?: number;
}

export type FailReason =
  | { kind: 'satisfaction'; value: number; min: number }
  | { kind: 'compliance'; value: number; min: number }
  | { kind: 'critical'; rules: string[] };

export type FeedbackMode = 'immediate' | 'deferred';

export interface Settings {
  feedback: FeedbackMode;
  /** How long the "customer is typing" indicator shows, in ms. 0 skips it. */
  typingMs: number;
  /** Show each reply's `hint` before the learner chooses. Recorded so a result says how it was played. */
  hints: boolean;
}
